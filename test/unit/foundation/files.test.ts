import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readSnapshot, writeAtomic } from '../../../src/adapters/files/atomic.js';
import { UserError } from '../../../src/core/errors.js';

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
});
