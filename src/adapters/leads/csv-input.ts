/**
 * A CSV of leads, read in whole records within a byte limit: what every command that reads
 * leads (rubric score, rubric diff --leads, export --leads, workshop --leads) reads it with.
 *
 *   const input = openCsvInput(path, { label, maxLineBytes, line: () => lineOfNextRecord });
 *   for (let text = input.next(); text !== null; text = input.next()) consume(text);
 *   input.close();
 *
 * - A leads input is a regular file or a named pipe (a FIFO, `/dev/stdin` fed by a pipe,
 *   `<(…)`): streaming from another program is legitimate. A folder, a device (/dev/zero, a
 *   terminal) or a socket is refused before it is opened, since opening some devices acts.
 * - `next()` returns text that ends where a record ends (after a line end outside quotes, or
 *   at the end of the input), so the reader of the text never holds half a record, and a
 *   UTF-8 character is never cut. A BOM at the start is dropped.
 * - A record (one line, or several joined by a quoted field) may have at most `maxLineBytes`
 *   bytes before the line feed that ends it. A longer one is an InputError at the line it
 *   starts on (`line()`, asked of the reader of the text, which has read everything before
 *   it), found while holding at most maxLineBytes + 1 bytes: a line without end (a FIFO fed
 *   from /dev/zero) or a quote never closed stops there instead of filling memory.
 *
 * How: each read is searched once for quotes and line feeds (natively up to its first quote);
 * a line feed after an even number of quotes ends a record. Only the bytes of a record not yet
 * ended are kept between reads, and only new bytes are searched, so a long record costs time in
 * proportion to its length. A read is never larger than the limit, so every record that starts
 * and ends inside one read is within it; only the record carried over from the reads before
 * has to be measured.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { InputError, UserError } from '../../core/errors.js';
import { targetKind } from '../files/target.js';

const KiB = 1024;
const MiB = 1024 * KiB;

/**
 * The longest record read by default, and the most --max-line-bytes may allow: reading a record
 * takes up to about six times its size (the bytes, the string, csv-parse's copy of a quoted
 * cell), so 64 MiB costs some 450 MB.
 */
export const MAX_LINE_BYTES = { default: 8 * MiB, most: 64 * MiB } as const;

// Chunk strings under V8's large-object size die young; 1 MB ones piled up in old space until a full GC.
const CHUNK = 64 * KiB;
const QUOTE = 0x22;
const LF = 0x0a;

export interface CsvInputOptions {
  /** How the input is named in messages. */
  label: string;
  /** The longest record allowed, in bytes (default MAX_LINE_BYTES.default). */
  maxLineBytes?: number;
  /** The line the next record starts on, as the reader of the text counts lines. */
  line: () => number;
  /** The most bytes read at once; tests make it small to move where reads end. */
  chunkBytes?: number;
  /** Only bytes [start, end) of a regular file, which start and end at record boundaries (a range scored on a worker, parallel/). */
  range?: { start: number; end: number };
}

/** `8 MiB`, `64 KiB`, `1000 bytes`: a size as messages write it. */
export function sizeText(bytes: number): string {
  if (bytes % MiB === 0) return `${bytes / MiB} MiB`;
  if (bytes % KiB === 0) return `${bytes / KiB} KiB`;
  return `${bytes} byte${bytes === 1 ? '' : 's'}`;
}

export function openCsvInput(path: string, opts: CsvInputOptions): CsvInput {
  const { label } = opts;
  const hint = 'give a CSV file of leads; to read what another program writes, pipe it in and name /dev/stdin';
  let kind: ReturnType<typeof targetKind>;
  try {
    kind = targetKind(path);
  } catch (e) {
    // targetKind words a refused stat for writing (a UserError: permission denied); anything else comes as it came
    throw new UserError(`cannot read ${label}: ${e instanceof UserError ? 'permission denied' : (e as Error).message}`, hint);
  }
  if (kind === 'missing') throw new UserError(`no such file: ${label}`, 'give the path of a CSV file of leads');
  if (kind !== 'file' && kind !== 'a named pipe (FIFO)') throw new UserError(`cannot read ${label}: it is ${kind}, not a file`, hint);
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    throw readError(e, label, hint);
  }
  return new CsvInput(fd, opts);
}

function readError(e: unknown, label: string, hint: string): UserError {
  const code = (e as NodeJS.ErrnoException).code;
  const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : (e as Error).message;
  return new UserError(`cannot read ${label}: ${why}`, hint);
}

export class CsvInput {
  /** The size of a file; 0 for a pipe, whose size is not known. */
  readonly size: number;
  /** Bytes read so far. */
  bytesRead = 0;
  private readonly max: number;
  private readonly chunk: number;
  private buf: Buffer;
  /** Bytes in buf: the start of a record not ended yet. */
  private filled = 0;
  /** Whether an odd number of quotes precede `filled` in the record being read. */
  private odd = false;
  private started = false;
  private ended = false;
  /** Where the next read starts, for a range; null: the file's own position (a pipe has no other). */
  private pos: number | null;

  constructor(
    private readonly fd: number,
    private readonly opts: CsvInputOptions,
  ) {
    this.size = fstatSync(fd).size;
    this.max = opts.maxLineBytes ?? MAX_LINE_BYTES.default;
    this.chunk = Math.max(1, Math.min(opts.chunkBytes ?? CHUNK, this.max));
    this.buf = Buffer.allocUnsafe(Math.min(this.chunk * 2, this.max + 1));
    this.pos = opts.range ? opts.range.start : null;
    // a BOM can only be at the start of the file
    this.started = (opts.range?.start ?? 0) > 0;
  }

  /** The next whole records, or null once everything is read. */
  next(): string | null {
    while (!this.ended) {
      // Never hold more than max + 1 bytes: one more than a record may have is enough to know it is too long.
      const room = Math.min(this.chunk, this.max + 1 - this.filled);
      this.reserve(this.filled + room);
      const start = this.filled;
      const n = this.read(start, room);
      const end = start + n;
      if (n === 0) {
        this.ended = true;
        this.filled = 0;
        return end === 0 ? null : this.text(end);
      }
      const view = this.buf.subarray(0, end);
      // The first and the last line feed outside quotes among the new bytes. Up to the first
      // quote, native searches; from there a loop, cheaper than a native call per quote.
      let first = -1;
      let last = -1;
      let odd = this.odd;
      let quote = view.indexOf(QUOTE, start);
      if (quote < 0) quote = end;
      if (!odd) {
        const lf = view.indexOf(LF, start);
        if (lf >= 0 && lf < quote) {
          first = lf;
          last = view.lastIndexOf(LF, quote - 1);
        }
      }
      for (let i = quote; i < end; i++) {
        const b = view[i];
        if (b === QUOTE) odd = !odd;
        else if (b === LF && !odd) {
          if (first < 0) first = i;
          last = i;
        }
      }
      this.odd = odd;
      if (first < 0) {
        this.filled = end;
        if (end > this.max) this.tooLong();
        continue;
      }
      // The record carried over ends at `first`; every later one starts and ends in this read.
      if (first > this.max) this.tooLong();
      const text = this.text(last + 1);
      this.buf.copy(this.buf, 0, last + 1, end);
      this.filled = end - last - 1;
      return text;
    }
    return null;
  }

  close(): void {
    closeSync(this.fd);
  }

  private read(at: number, length: number): number {
    let n: number;
    const end = this.opts.range?.end;
    if (end !== undefined && this.pos !== null) length = Math.max(0, Math.min(length, end - this.pos));
    try {
      n = length === 0 ? 0 : readSync(this.fd, this.buf, at, length, this.pos);
    } catch (e) {
      throw readError(e, this.opts.label, 'check that the file can be read, then run the command again');
    }
    if (this.pos !== null) this.pos += n;
    this.bytesRead += n;
    return n;
  }

  private reserve(bytes: number): void {
    if (bytes <= this.buf.length) return;
    const bigger = Buffer.allocUnsafe(Math.min(Math.max(this.buf.length * 2, bytes), this.max + 1));
    this.buf.copy(bigger, 0, 0, this.filled);
    this.buf = bigger;
  }

  private text(end: number): string {
    const text = this.buf.toString('utf8', 0, end);
    if (this.started) return text;
    this.started = true;
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }

  private tooLong(): never {
    const size = sizeText(this.max);
    throw new InputError([
      {
        file: this.opts.label,
        line: this.opts.line(),
        col: 1,
        message: `a record longer than ${size} starts on this line (--max-line-bytes)`,
        hint: `a quote opened in it and never closed makes the rest of the file one record; if the record is meant to be this long, raise --max-line-bytes (at most ${sizeText(MAX_LINE_BYTES.most)})`,
      },
    ]);
  }
}
