import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listChecked, readChecked, readInputFile } from '../../../src/adapters/files/read.js';
import { InputError } from '../../../src/core/errors.js';
import { pinnedEnv } from '../../helpers/env.js';

let dir: string;
let ws: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'align-read-'));
  ws = join(dir, 'ws');
  mkdirSync(ws);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const reason = (r: ReturnType<typeof readChecked> | ReturnType<typeof listChecked>) => (r.kind === 'refused' ? r.problem.message : r.kind);

describe('readChecked: what is at the path is looked at before anything is read', () => {
  it('a folder read file by file is looked at again once the pass ends: swapped for a link out of the workspace, its files are refused', async () => {
    mkdirSync(join(ws, 'sessions'));
    writeFileSync(join(ws, 'sessions', 'a.yaml'), 'x: 1\n');
    const away = join(dir, 'away');
    mkdirSync(away);
    writeFileSync(join(away, 'a.yaml'), 'secret: 1\n');
    const file = join(ws, 'sessions', 'a.yaml');
    expect(readChecked(file, 'a', { inside: ws }).kind).toBe('read');
    await new Promise((settle) => setImmediate(settle));
    rmSync(join(ws, 'sessions'), { recursive: true });
    symlinkSync(away, join(ws, 'sessions'));
    expect(reason(readChecked(file, 'a', { inside: ws }))).toMatch(/symbolic link to a place outside the workspace/);
  });

  it('a regular file is read whole; nothing there is missing', () => {
    writeFileSync(join(ws, 'a.yaml'), 'x: 1\n');
    const r = readChecked(join(ws, 'a.yaml'), 'a.yaml');
    expect(r.kind === 'read' && r.bytes.toString()).toBe('x: 1\n');
    expect(readChecked(join(ws, 'none.yaml'), 'none.yaml').kind).toBe('missing');
    expect(readChecked(join(ws, 'no', 'such.yaml'), 'such.yaml').kind).toBe('missing');
  });

  it('a folder, a FIFO (never opened, so never waited on), a link to nothing and a loop are refused, each said in words', () => {
    mkdirSync(join(ws, 'folder.yaml'));
    execFileSync('mkfifo', [join(ws, 'pipe.yaml')], { env: pinnedEnv() });
    symlinkSync('gone.yaml', join(ws, 'dangling.yaml'));
    symlinkSync('loop.yaml', join(ws, 'loop.yaml'));
    expect(reason(readChecked(join(ws, 'folder.yaml'), 'f'))).toBe('cannot be read: it is a folder, not a regular file');
    expect(reason(readChecked(join(ws, 'pipe.yaml'), 'p'))).toBe('cannot be read: it is a named pipe (FIFO), not a regular file');
    expect(reason(readChecked(join(ws, 'dangling.yaml'), 'd'))).toBe('cannot be read: it is a symbolic link to nothing (its target does not exist)');
    expect(reason(readChecked(join(ws, 'loop.yaml'), 'l'))).toBe('cannot be read: it is a loop of symbolic links');
    // The same inside a workspace, where links are resolved first.
    expect(reason(readChecked(join(ws, 'pipe.yaml'), 'p', { inside: ws }))).toMatch(/named pipe/);
    expect(reason(readChecked(join(ws, 'dangling.yaml'), 'd', { inside: ws }))).toMatch(/link to nothing/);
    expect(reason(readChecked(join(ws, 'loop.yaml'), 'l', { inside: ws }))).toMatch(/loop of symbolic links/);
  });

  it('a device is refused without being read (a zero device of our own; mknod needs root)', (ctx) => {
    ctx.skip(process.getuid?.() !== 0, 'not root: mknod cannot make a device');
    execFileSync('mknod', [join(ws, 'zero.yaml'), 'c', '1', '5'], { env: pinnedEnv() });
    expect(reason(readChecked(join(ws, 'zero.yaml'), 'z', { maxBytes: 10 }))).toBe('cannot be read: it is a device, not a regular file');
  });

  it('a file over maxBytes is refused by its size, before it is read: a sparse 10 GiB file at once', () => {
    writeFileSync(join(ws, 'exact.yaml'), 'x'.repeat(100));
    expect(readChecked(join(ws, 'exact.yaml'), 'e', { maxBytes: 100 }).kind).toBe('read');
    expect(readChecked(join(ws, 'exact.yaml'), 'e', { maxBytes: 99 })).toMatchObject({ kind: 'refused', problem: { file: 'e', line: 1, col: 1, message: 'file is 100 bytes, over the 99-byte limit for this file' } });
    writeFileSync(join(ws, 'huge.yaml'), '');
    truncateSync(join(ws, 'huge.yaml'), 10 * 2 ** 30);
    // The size in the words is the one the file system gave: it was refused before a byte was read.
    expect(readChecked(join(ws, 'huge.yaml'), 'h', { maxBytes: 2 ** 20 })).toMatchObject({ kind: 'refused', problem: { message: expect.stringMatching(/^file is 10737418240 bytes/) } });
  });

  it('a file larger than the size it reports is cut off at the limit, not read to its end', () => {
    // Files of /proc report a size of 0 and hold more.
    const r = readChecked('/proc/self/status', 'status', { maxBytes: 16 });
    expect(r).toMatchObject({ kind: 'refused', problem: { message: 'file is over the 16-byte limit for this file' } });
    const whole = readChecked('/proc/self/status', 'status');
    expect(whole.kind === 'read' && whole.bytes.toString()).toMatch(/^Name:/);
  });

  it('inside a folder: a link to a file in it is read, a link or a linked folder out of it is refused', () => {
    writeFileSync(join(ws, 'real.yaml'), 'x: 1\n');
    writeFileSync(join(dir, 'secret.yaml'), 'password: hunter2\n');
    mkdirSync(join(ws, 'sub'));
    symlinkSync('../real.yaml', join(ws, 'sub', 'in.yaml'));
    symlinkSync('../secret.yaml', join(ws, 'out.yaml'));
    symlinkSync(dir, join(ws, 'up'));
    const inside = readChecked(join(ws, 'sub', 'in.yaml'), 'sub/in.yaml', { inside: ws });
    expect(inside.kind === 'read' && inside.bytes.toString()).toBe('x: 1\n');
    for (const path of [join(ws, 'out.yaml'), join(ws, 'up', 'secret.yaml')]) {
      const r = readChecked(path, 'x', { inside: ws });
      expect(reason(r)).toBe('cannot be read: it is a symbolic link to a place outside the workspace, which align does not read');
      expect(JSON.stringify(r)).not.toContain('hunter2');
    }
    // Without a folder to stay in, a link is followed anywhere: the user named the file.
    expect(readChecked(join(ws, 'out.yaml'), 'x').kind).toBe('read');
  });
});

describe('listChecked: a folder given to read, by the same rules', () => {
  it('lists a folder; nothing there is missing; a file, a link out or to nothing is refused', () => {
    mkdirSync(join(ws, 'sessions'));
    writeFileSync(join(ws, 'sessions', 'a.yaml'), '');
    writeFileSync(join(ws, 'file'), '');
    symlinkSync(dir, join(ws, 'out'));
    symlinkSync('gone', join(ws, 'dangling'));
    expect(listChecked(join(ws, 'sessions'), 'sessions', { inside: ws })).toEqual({ kind: 'listed', names: ['a.yaml'] });
    expect(listChecked(join(ws, 'none'), 'none', { inside: ws }).kind).toBe('missing');
    expect(reason(listChecked(join(ws, 'file'), 'file', { inside: ws }))).toBe('cannot be read: it is a file, not a folder');
    expect(reason(listChecked(join(ws, 'out'), 'out', { inside: ws }))).toMatch(/outside the workspace/);
    expect(reason(listChecked(join(ws, 'dangling'), 'dangling', { inside: ws }))).toMatch(/link to nothing/);
  });
});

describe('readInputFile: a file named on the command line, refused as bad input (exit 2)', () => {
  it('says what could not be read and why; over the size, places the problem in the file', () => {
    mkdirSync(join(ws, 'folder'));
    writeFileSync(join(ws, 'big.yaml'), 'x'.repeat(11));
    const read = (given: string, maxBytes?: number) => () => readInputFile(ws, given, 'the answers file', 'check the path', { ...(maxBytes ? { maxBytes } : {}), workspace: ws });
    expect(read('none.yaml')).toThrow(expect.objectContaining({ name: 'UserError', message: 'cannot read the answers file none.yaml: no such file' }));
    expect(read('folder')).toThrow(expect.objectContaining({ name: 'UserError', message: 'cannot read the answers file folder: it is a folder, not a regular file' }));
    expect(read('big.yaml', 10)).toThrow(InputError);
    expect(read('big.yaml', 10)).toThrow(/^big\.yaml:1:1: file is 11 bytes, over the 10-byte limit for this file/);
    expect(read('big.yaml')().toString()).toBe('x'.repeat(11));
  });
});
