/**
 * Where `rubric score` writes its rows: a stream (stdout) or a file written atomically
 * (a temporary file in the same folder, renamed into place only when scoring succeeded).
 * Rows are gathered into large writes; `drain()` waits when the stream is backed up.
 */
import type { Stream } from '../context.js';
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

/** Text gathered until there is enough for one large write. */
class Pending {
  private text = '';
  constructor(private readonly put: (text: string) => void) {}
  add(text: string): void {
    this.text += text;
    if (this.text.length >= FLUSH_AT) this.flush();
  }
  flush(): void {
    if (this.text) this.put(this.text);
    this.text = '';
  }
  drop(): void {
    this.text = '';
  }
}

export function streamSink(stream: Stream): RowSink {
  let backedUp = false;
  const pending = new Pending((text) => {
    if (!sink.closed && !stream.write(text)) backedUp = true;
  });
  const sink: RowSink = {
    closed: false,
    write: (text) => pending.add(text),
    async drain() {
      pending.flush();
      if (!backedUp || sink.closed) return;
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
    },
    finish: () => sink.drain(),
    abort: () => pending.drop(),
  };
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') sink.closed = true;
  });
  return sink;
}

/** A file sink: the --out file, written atomically (see files/out.ts); checked before any work is done. */
export function fileSink(target: OutTarget): RowSink {
  const file = openOut(target);
  const pending = new Pending((text) => file.write(text));
  return {
    closed: false,
    write: (text) => pending.add(text),
    async drain() {
      pending.flush();
    },
    async finish() {
      pending.flush();
      file.commit();
    },
    abort: () => file.abort(),
  };
}
