import { execFileSync } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAtomic, readSnapshot, writeAtomic } from '../../../src/adapters/files/atomic.js';
import { UserError } from '../../../src/core/errors.js';
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

  it('drops the temporary file when the write is abandoned', () => {
    const file = openAtomic(join(dir, 'big.csv'), 'create');
    file.write('id,score\n');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toHaveLength(1);
    file.abort();
    expect(readdirSync(dir)).toEqual([]);
  });
});

function mkfifoIn(folder: string, name: string): void {
  execFileSync('mkfifo', [join(folder, name)], { env: pinnedEnv() });
}
