import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../../core/errors.js';

/** What a file held when align read it, so a later write can tell whether someone else changed it. */
export interface Snapshot {
  path: string;
  hash: string | null; // null: the file did not exist
}

export function hashOf(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function readSnapshot(path: string): { bytes: Buffer | null; snapshot: Snapshot } {
  const bytes = readIfExists(path);
  // Hashed only when a write asks: `validate` reads thousands of files and writes none.
  let hash: string | null | undefined;
  const snapshot: Snapshot = {
    path,
    get hash() {
      if (hash === undefined) hash = bytes ? hashOf(bytes) : null;
      return hash;
    },
  };
  return { bytes, snapshot };
}

export function readIfExists(path: string): Buffer | null {
  try {
    return readFileSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

/**
 * Writes a file atomically: a temporary file in the same folder, flushed, then renamed over.
 * With a snapshot, refuses when the file changed on disk since it was read;
 * without one, refuses to replace an existing file.
 */
export function writeAtomic(path: string, content: string, expected?: Snapshot): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const fd = openSync(tmp, 'wx', 0o644);
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    if (expected === undefined || expected.hash === null) {
      try {
        linkSync(tmp, path); // fails if the path exists: no silent overwrite, even in a race
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EEXIST') {
          throw new UserError(`${path} already exists; align will not overwrite it`, 'move it aside or use the command that updates it');
        }
        throw e;
      }
      unlinkSync(tmp);
      return;
    }
    const now = readIfExists(path);
    if (!now || hashOf(now) !== expected.hash) {
      throw new UserError(`${path} changed on disk while align was working; nothing was written to it`, 'look at the change (git diff), then run the command again');
    }
    renameSync(tmp, path);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      /* already renamed or linked */
    }
    throw e;
  }
}
