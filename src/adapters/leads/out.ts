/**
 * Where `rubric score` writes its rows: a stream (stdout) or a file written atomically
 * (a temporary file in the same folder, renamed into place only when scoring succeeded).
 * Rows are gathered into large writes; `drain()` waits when the stream is backed up.
 */
import { openOut, type OutTarget } from '../files/out.js';

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

/** A file sink: the --out file, written atomically (see files/out.ts); checked before any work is done. */
export function fileSink(target: OutTarget): RowSink {
  const file = openOut(target);
  let pending = '';
  const flush = () => {
    if (pending) file.write(pending);
    pending = '';
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
      flush();
      file.commit();
    },
    abort() {
      file.abort();
    },
  };
}
