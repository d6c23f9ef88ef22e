/**
 * Where `rubric score` writes its rows: a stream (stdout) or a file written atomically
 * (a temporary file in the same folder, renamed into place only when scoring succeeded).
 * Rows are gathered into large writes; `drain()` waits when the stream is backed up.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, linkSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../../core/errors.js';

const FLUSH_AT = 1 << 16;

export interface RowSink {
  write(text: string): void;
  /** Flushes and waits until the destination can take more. */
  drain(): Promise<void>;
  /** Flushes everything; for a file, puts it in place. */
  finish(): Promise<void>;
  /** Drops a file being written; nothing is left on disk. */
  abort(): void;
  /** Set when the reader went away (a closed pipe, e.g. `| head`). */
  closed: boolean;
}

export function streamSink(stream: NodeJS.WritableStream): RowSink {
  let pending = '';
  let backedUp = false;
  const sink: RowSink = {
    closed: false,
    write(text) {
      pending += text;
      if (pending.length >= FLUSH_AT) flush();
    },
    async drain() {
      flush();
      if (backedUp && !sink.closed) {
        await new Promise<void>((resolve) => {
          const done = () => {
            stream.off('drain', done);
            stream.off('error', done);
            resolve();
          };
          stream.on('drain', done);
          stream.on('error', done);
        });
        backedUp = false;
      }
    },
    async finish() {
      await sink.drain();
    },
    abort() {
      pending = '';
    },
  };
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') sink.closed = true;
  });
  function flush() {
    if (!pending || sink.closed) return;
    if (!stream.write(pending)) backedUp = true;
    pending = '';
  }
  return sink;
}

/** A file sink; refuses an existing file without `force`, checked before any work is done. */
export function fileSink(path: string, force: boolean): RowSink {
  if (!force && existsSync(path)) throw new UserError(`${path} already exists; align will not overwrite it`, 'choose another --out file, or add --force to replace it');
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let fd: number;
  try {
    fd = openSync(tmp, 'wx', 0o644);
  } catch (e) {
    throw new UserError(`cannot write ${path}: ${(e as Error).message}`, 'check that the folder exists and is writable');
  }
  let pending = '';
  let open = true;
  const flush = () => {
    if (pending) writeSync(fd, pending);
    pending = '';
  };
  const close = () => {
    if (open) closeSync(fd);
    open = false;
  };
  return {
    closed: false,
    write(text) {
      pending += text;
      if (pending.length >= FLUSH_AT) flush();
    },
    async drain() {
      flush();
    },
    async finish() {
      try {
        flush();
        fsyncSync(fd);
        close();
        if (force) renameSync(tmp, path);
        else {
          try {
            linkSync(tmp, path); // fails if the file appeared meanwhile: never a silent overwrite
          } catch (e) {
            if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new UserError(`${path} already exists; align will not overwrite it`, 'choose another --out file, or add --force to replace it');
            throw e;
          }
          unlinkSync(tmp);
        }
      } catch (e) {
        this.abort();
        throw e;
      }
    },
    abort() {
      close();
      try {
        unlinkSync(tmp);
      } catch {
        /* already moved or never made */
      }
    },
  };
}
