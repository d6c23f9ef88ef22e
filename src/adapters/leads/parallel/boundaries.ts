/**
 * Where a leads CSV may be cut into ranges for the workers: after a line feed outside quotes,
 * found by the rule the reader itself uses (csv-input.ts): a line feed after an even number
 * of quotes since the start of the file ends a record. The file is scanned once, front to
 * back, only as far as the next range needs, so the workers start while it is still read.
 */
import { closeSync, openSync, readSync } from 'node:fs';

const QUOTE = 0x22;
const LF = 0x0a;
const CHUNK = 1024 * 1024;

export class Boundaries {
  private readonly fd: number;
  private readonly buf = Buffer.allocUnsafe(CHUNK);
  /** Bytes scanned so far, and whether an odd number of quotes lie before. */
  private pos = 0;
  private odd = false;

  constructor(
    path: string,
    readonly size: number,
  ) {
    this.fd = openSync(path, 'r');
  }

  /** The first record end (the byte after its line feed) at or after `from`; the size when there is none. */
  after(from: number): number {
    while (this.pos < this.size) {
      const n = readSync(this.fd, this.buf, 0, Math.min(CHUNK, this.size - this.pos), this.pos);
      if (n === 0) break;
      const view = this.buf.subarray(0, n);
      const base = this.pos;
      // Quotes are rare in exported leads: counted natively up to the part where a cut may fall.
      const look = Math.max(0, Math.min(n, from - base));
      let odd = this.odd;
      for (let q = view.indexOf(QUOTE); q >= 0 && q < look; q = view.indexOf(QUOTE, q + 1)) odd = !odd;
      for (let i = look; i < n; i++) {
        const b = view[i];
        if (b === QUOTE) odd = !odd;
        else if (b === LF && !odd) {
          // the scan resumes after the cut: the quotes up to it are counted
          this.pos = base + i + 1;
          this.odd = false;
          return this.pos;
        }
      }
      this.odd = odd;
      this.pos = base + n;
    }
    return this.size;
  }

  close(): void {
    closeSync(this.fd);
  }
}
