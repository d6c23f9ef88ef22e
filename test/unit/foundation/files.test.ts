import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAtomic, readSnapshot, writeAtomic } from '../../../src/adapters/files/atomic.js';
import { insideRoot } from '../../../src/adapters/files/inside.js';
import { acquireLock } from '../../../src/adapters/files/lock.js';
import { writeTogether, type FileWrite } from '../../../src/adapters/files/transaction.js';
import { InputError, UserError } from '../../../src/core/errors.js';
import { pinnedEnv } from '../../helpers/env.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'align-files-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('writeAtomic', () => {
  it('creates a new file and leaves no temporary file behind', () => {
    writeAtomic(join(dir, 'a.yaml'), 'x: 1\n');
    expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).toBe('x: 1\n');
    expect(readdirSync(dir)).toEqual(['a.yaml']);
  });

  it('refuses to replace an existing file without a snapshot', () => {
    writeFileSync(join(dir, 'a.yaml'), 'mine\n');
    expect(() => writeAtomic(join(dir, 'a.yaml'), 'theirs\n')).toThrow(UserError);
    expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).toBe('mine\n');
    expect(readdirSync(dir)).toEqual(['a.yaml']);
  });

  it('replaces a file read earlier when it is unchanged', () => {
    writeFileSync(join(dir, 'a.yaml'), 'v1\n');
    const { snapshot } = readSnapshot(join(dir, 'a.yaml'));
    writeAtomic(join(dir, 'a.yaml'), 'v2\n', snapshot);
    expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).toBe('v2\n');
  });

  it('refuses when the file changed on disk since it was read, keeping the other change', () => {
    writeFileSync(join(dir, 'a.yaml'), 'v1\n');
    const { snapshot } = readSnapshot(join(dir, 'a.yaml'));
    writeFileSync(join(dir, 'a.yaml'), 'edited elsewhere\n');
    expect(() => writeAtomic(join(dir, 'a.yaml'), 'v2\n', snapshot)).toThrow(/changed on disk/);
    expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).toBe('edited elsewhere\n');
    expect(readdirSync(dir)).toEqual(['a.yaml']);
  });

  it('writes through a link to a regular file: the link stays a link', () => {
    writeFileSync(join(dir, 'real.md'), 'old\n');
    symlinkSync('real.md', join(dir, 'link.md'));
    writeAtomic(join(dir, 'link.md'), 'new\n', 'replace');
    expect(lstatSync(join(dir, 'link.md')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real.md'), 'utf8')).toBe('new\n');
    expect(readdirSync(dir).sort()).toEqual(['link.md', 'real.md']);
  });

  it('never replaces what is not a regular file, even when asked to replace, and leaves no temporary file', () => {
    mkfifoIn(dir, 'pipe');
    mkdirSync(join(dir, 'folder'));
    symlinkSync('nowhere', join(dir, 'dangling'));
    for (const [name, kind] of [['pipe', 'a named pipe (FIFO)'], ['folder', 'a folder'], ['dangling', 'a dangling link']]) {
      expect(() => writeAtomic(join(dir, name!), 'x\n', 'replace')).toThrow(`${join(dir, name!)} is ${kind}, not a regular file`);
    }
    expect(statSync(join(dir, 'pipe')).isFIFO()).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['dangling', 'folder', 'pipe']);
  });

  it('says which folder is missing instead of creating it', () => {
    expect(() => writeAtomic(join(dir, 'no', 'such', 'a.md'), 'x\n')).toThrow(/the folder .*no\/such does not exist; align creates no folders for it/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('any other refusal of the system is bad input that says why, not a bug: a name too long', () => {
    expect(() => writeAtomic(join(dir, 'x'.repeat(300)), 'x\n')).toThrow(UserError);
    expect(() => writeAtomic(join(dir, 'x'.repeat(300)), 'x\n')).toThrow(/cannot write .*: ENAMETOOLONG/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('drops the temporary file when the write is abandoned', () => {
    const file = openAtomic(join(dir, 'big.csv'), 'create');
    file.write('id,score\n');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toHaveLength(1);
    file.abort();
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('insideRoot: a path built from data stays in its folder', () => {
  it('takes a path inside, links inside included, and refuses one that leaves', () => {
    mkdirSync(join(dir, 'ws', 'sessions'), { recursive: true });
    mkdirSync(join(dir, 'elsewhere'));
    const ws = join(dir, 'ws');
    expect(insideRoot(ws, 'sessions/new.yaml')).toBe(join(ws, 'sessions', 'new.yaml'));
    expect(insideRoot(ws, 'not/yet/made.yaml')).toBe(join(ws, 'not', 'yet', 'made.yaml'));
    symlinkSync('sessions', join(ws, 'inner'));
    expect(insideRoot(ws, 'inner/x.yaml')).toBe(join(ws, 'inner', 'x.yaml'));
    symlinkSync(join(dir, 'elsewhere'), join(ws, 'out'));
    writeFileSync(join(dir, 'elsewhere', 'f'), 'theirs\n');
    symlinkSync(join(dir, 'elsewhere', 'f'), join(ws, 'f.yaml'));
    for (const rel of ['../x', 'sessions/../../x', '/etc/passwd', 'out/x.yaml', 'out', 'f.yaml', '']) {
      expect(() => insideRoot(ws, rel), rel).toThrow(/outside the workspace|refusing to write/);
    }
  });
});

describe('acquireLock', () => {
  const who = { command: 'workshop', now: new Date('2026-11-27T10:00:00Z') };

  it('is taken once: a second taker is told who holds it, and takes it once it is released', () => {
    const path = join(dir, '.align', 'lock');
    const first = acquireLock(path, who, '.align/lock');
    expect(first.lock.held()).toBe(true);
    expect(() => acquireLock(path, { ...who, command: 'init' }, '.align/lock')).toThrow(`\`align workshop\` (pid ${process.pid} on host ${hostname()}), since 2026-11-27T10:00:00.000Z`);
    first.lock.release();
    expect(existsSync(path)).toBe(false);
    const second = acquireLock(path, who, '.align/lock');
    expect(first.lock.held()).toBe(false);
    second.lock.release();
    expect(readdirSync(join(dir, '.align'))).toEqual([]);
  });

  it('takes over the lock of a process that is gone, and says whose it was', () => {
    const path = join(dir, 'lock');
    const gone = execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { env: pinnedEnv() }).toString();
    const dead = { pid: Number(gone), host: hostname(), command: 'init', since: '2026-11-27T09:00:00.000Z', nonce: 'dead' };
    writeFileSync(path, JSON.stringify(dead));
    const r = acquireLock(path, who, 'lock');
    expect(r.tookOver).toEqual(dead);
    expect(r.lock.held()).toBe(true);
    r.lock.release();
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('writeTogether', () => {
  const together = (files: FileWrite[]) => writeTogether({ root: dir, journal: join(dir, 'journal.json'), command: 'test', now: new Date(0), files, changedHint: 'look at it' });

  it('writes every file, makes the folders they need, and leaves nothing else', () => {
    writeFileSync(join(dir, 'a.yaml'), 'a: 1\n');
    together([
      { rel: 'a.yaml', text: 'a: 2\n', mode: readSnapshot(join(dir, 'a.yaml')).snapshot },
      { rel: 'new/b.yaml', text: 'b: 1\n', mode: 'create' },
    ]);
    expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).toBe('a: 2\n');
    expect(readFileSync(join(dir, 'new', 'b.yaml'), 'utf8')).toBe('b: 1\n');
    expect(readdirSync(dir).sort()).toEqual(['a.yaml', 'new']);
  });

  it('writes none when one changed since it was read, or appeared, naming each', () => {
    writeFileSync(join(dir, 'a.yaml'), 'a: 1\n');
    const read = readSnapshot(join(dir, 'a.yaml')).snapshot;
    writeFileSync(join(dir, 'a.yaml'), 'edited elsewhere\n');
    writeFileSync(join(dir, 'c.yaml'), 'appeared\n');
    let error: unknown;
    try {
      together([
        { rel: 'b.yaml', text: 'b\n', mode: 'create' },
        { rel: 'a.yaml', text: 'a: 2\n', mode: read },
        { rel: 'c.yaml', text: 'c\n', mode: 'create' },
      ]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toBe('a.yaml: changed on disk since align read it; nothing was written\nc.yaml: appeared on disk since align started; nothing was written');
    expect(readdirSync(dir).sort()).toEqual(['a.yaml', 'c.yaml']);
    expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).toBe('edited elsewhere\n');
  });

  it('refuses two names of one file (a link from one to the other) before writing either', () => {
    writeFileSync(join(dir, 'a.yaml'), 'a\n');
    symlinkSync('a.yaml', join(dir, 'b.yaml'));
    const read = readSnapshot(join(dir, 'a.yaml')).snapshot;
    expect(() => together([{ rel: 'a.yaml', text: '1\n', mode: read }, { rel: 'b.yaml', text: '2\n', mode: read }])).toThrow(/a\.yaml and b\.yaml are the same file/);
    expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).toBe('a\n');
    expect(readdirSync(dir).sort()).toEqual(['a.yaml', 'b.yaml']);
  });

  it('refuses a file that leads out of the folder before writing any', () => {
    mkdirSync(join(dir, 'ws'));
    symlinkSync(dir, join(dir, 'ws', 'up'));
    expect(() =>
      writeTogether({ root: join(dir, 'ws'), journal: join(dir, 'ws', 'j.json'), command: 'test', now: new Date(0), changedHint: '', files: [{ rel: 'x.yaml', text: 'x', mode: 'create' }, { rel: 'up/y.yaml', text: 'y', mode: 'create' }] }),
    ).toThrow(/refusing to write "up\/y\.yaml": it is outside the workspace/);
    expect(readdirSync(join(dir, 'ws'))).toEqual(['up']);
    expect(existsSync(join(dir, 'y.yaml'))).toBe(false);
  });
});

function mkfifoIn(folder: string, name: string): void {
  execFileSync('mkfifo', [join(folder, name)], { env: pinnedEnv() });
}
