import { closeSync, fsync, fsyncSync, linkSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { promisify } from 'node:util';
import { basename, dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { UserError } from '../../core/errors.js';
import { readChecked } from './read.js';
import { fileError, targetKind, throughLinks } from './target.js';

/**
 * node:crypto, loaded when a write first needs it: `validate` and the other readers write
 * nothing, and loading it costs them about 9 ms of every start (measured with --cpu-prof).
 */
const crypto = (): typeof import('node:crypto') => createRequire(import.meta.url)('node:crypto');

/** What a file held when align read it, so a later write can tell whether someone else changed it. */
export interface Snapshot {
  path: string;
  hash: string | null; // null: the file did not exist
}

export function hashOf(bytes: Uint8Array | string): string {
  return crypto().createHash('sha256').update(bytes).digest('hex');
}

export function readSnapshot(path: string): { bytes: Buffer | null; snapshot: Snapshot } {
  const bytes = readIfExists(path);
  return { bytes, snapshot: snapshotOf(path, bytes) };
}

/** The snapshot of a file read as these bytes (null: there was none). */
export function snapshotOf(path: string, bytes: Buffer | null): Snapshot {
  return new ReadSnapshot(path, bytes);
}

/** Hashed only when a write asks: `validate` reads thousands of files and writes none. */
class ReadSnapshot implements Snapshot {
  #hash: string | null | undefined;
  constructor(
    readonly path: string,
    private readonly bytes: Buffer | null,
  ) {}
  get hash(): string | null {
    if (this.#hash === undefined) this.#hash = this.bytes ? hashOf(this.bytes) : null;
    return this.#hash;
  }
}

/**
 * A file align keeps for itself (a draft, the lock, the journal, a file about to be replaced), or
 * null when there is none; read by the one reader, so a FIFO or a device put in its place is
 * refused in words rather than waited on or read forever.
 */
export function readIfExists(path: string): Buffer | null {
  const read = readChecked(path, path);
  if (read.kind === 'read') return read.bytes;
  if (read.kind === 'missing') return null;
  throw new UserError(`cannot read ${path}: ${read.reason}`, read.problem.hint);
}

/**
 * How a write may meet what is already at the path:
 * - `create`: only a new file; an existing one is refused, even one that appears meanwhile;
 * - `replace`: a new file, or a regular file replaced whatever it holds (`--force`);
 * - a Snapshot: the file as align read it, refused when it changed since (null hash: create).
 */
export type WriteMode = 'create' | 'replace' | Snapshot;

/** A file being written: the bytes go to a temporary file beside it until `commit` puts it in place. */
export interface AtomicFile {
  write(text: string): void;
  /** Flushes the bytes to disk and closes the temporary file, leaving it beside the target: a transaction stages every file before it puts any in place. */
  stage(): void;
  /** Stages the file if that is not done yet, then puts it in place. */
  commit(): void;
  /**
   * As stage and commit, with the flushes to disk made off the main thread (the process goes on
   * meanwhile): `flush` stages; `place` puts it in place at once, then resolves when the folder is flushed.
   */
  flush(): Promise<void>;
  place(): Promise<void>;
  /** Drops the temporary file; the target is as it was. */
  abort(): void;
}

/** The temporary file beside `path` for a write tagged `tag`: hidden, so no workspace reader lists it. */
export function tempPath(path: string, tag: string): string {
  return join(dirname(path), `.${basename(path)}.${tag}.tmp`);
}

/** A tag naming one write's temporary files: this process, and a random part. */
export function writeTag(): string {
  return `${process.pid}.${crypto().randomBytes(4).toString('hex')}`;
}

/**
 * The one way align writes a file: a temporary file in the same folder, flushed to disk, then
 * renamed (or linked, for a new file) into place, so a reader sees the old file or the new one,
 * never half of one. Only regular files are written: a folder, FIFO, device or socket at the
 * path is refused before anything is written. A missing folder is refused too: align never
 * creates the folders an --out path names. `durable: false` skips the flushes to disk, for a
 * file that may be lost to a power cut but never read half-written (a cache, which a reader
 * that finds it torn ignores): still a whole file put in place by a rename.
 */
export function openAtomic(target: string, mode: WriteMode, tag = writeTag(), durable = true): AtomicFile {
  const path = throughLinks(target);
  checkTarget(path, mode);
  const tmp = tempPath(path, tag);
  let fd: number | null;
  try {
    fd = openSync(tmp, 'wx', 0o644);
  } catch (e) {
    throw fileError(e, path);
  }
  const close = () => {
    if (fd !== null) closeSync(fd);
    fd = null;
  };
  const drop = () => {
    close();
    try {
      unlinkSync(tmp);
    } catch {
      /* already renamed or linked */
    }
  };
  /** Flushed, then renamed over the path (the temporary file dropped if that fails); the folder is synced by the caller. */
  const rename = () => {
    file.stage();
    try {
      putInPlace(tmp, path, mode);
    } catch (e) {
      drop();
      throw e instanceof UserError ? e : fileError(e, path);
    }
  };
  const file: AtomicFile = {
    write(text) {
      try {
        writeSync(fd!, text);
      } catch (e) {
        drop();
        throw fileError(e, path);
      }
    },
    stage() {
      if (fd === null) return;
      try {
        if (durable) fsyncSync(fd);
        close();
      } catch (e) {
        drop();
        throw fileError(e, path);
      }
    },
    commit() {
      rename();
      if (durable) syncFolder(dirname(path));
    },
    async flush() {
      if (fd === null) return;
      try {
        await fsyncAsync(fd);
        close();
      } catch (e) {
        drop();
        throw fileError(e, path);
      }
    },
    async place() {
      rename();
      await syncFolderAsync(dirname(path));
    },
    abort: drop,
  };
  return file;
}

const fsyncAsync = promisify(fsync);

/** Writes a whole file at once; see openAtomic. */
export function writeAtomic(path: string, content: string, mode: WriteMode = 'create', durable = true): void {
  const file = openAtomic(path, mode, writeTag(), durable);
  file.write(content);
  file.commit();
}

function checkTarget(path: string, mode: WriteMode): void {
  const kind = targetKind(path);
  if (kind === 'missing') return;
  if (kind !== 'file') {
    throw new UserError(`${path} is ${kind}, not a regular file; align writes only regular files and changed nothing`, 'choose the path of a file to write');
  }
  if (mode === 'create') throw exists(path);
}

/** Puts a staged temporary file in place as `mode` allows (a new file is linked, so one that appeared meanwhile is never replaced). */
export function putInPlace(tmp: string, path: string, mode: WriteMode): void {
  if (mode === 'create' || (mode !== 'replace' && mode.hash === null)) {
    try {
      linkSync(tmp, path); // fails if the path exists: no silent overwrite, even in a race
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw exists(path);
      throw e;
    }
    unlinkSync(tmp);
    return;
  }
  checkTarget(path, mode); // still a regular file (or gone) just before the rename
  if (mode !== 'replace') {
    const now = readIfExists(path);
    if (!now || hashOf(now) !== mode.hash) {
      throw new UserError(`${path} changed on disk while align was working; nothing was written to it`, 'look at the change, then run the command again');
    }
  }
  renameSync(tmp, path);
}

/** A write that would have replaced a file it must not: told apart so that a lock can see it is taken. */
export class FileExists extends UserError {}

function exists(path: string): UserError {
  return new FileExists(`${path} already exists; align will not overwrite it`, 'pass --force to replace it, or choose another path');
}

/** As syncFolder, the flush made off the main thread. */
async function syncFolderAsync(dir: string): Promise<void> {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    await fsyncAsync(fd);
  } catch {
    /* best effort */
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The rename itself is durable only once the folder is flushed; some file systems cannot, which is no error. */
export function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    /* best effort */
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
