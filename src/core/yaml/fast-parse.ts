/**
 * A fast reader for the plain subset of YAML that workspace files are written in:
 * block mappings and sequences, one-line flow collections, plain and quoted scalars,
 * the common block scalars (`block-scalar.ts`), comments. It returns BAIL on anything
 * else (anchors, tags, rarer block scalars, multi-line plain or quoted scalars or flows,
 * duplicate keys, odd escapes), and the caller falls back to a full parser. Scalars
 * resolve by the YAML 1.2 core schema exactly as the `yaml` package resolves them, so a
 * file reads the same whichever path it takes; differential tests hold it to `yaml`'s
 * result on every document it accepts. It also bails on a document past the limits of
 * `limits.ts` (nesting, keys, items): the full parser is the one that says where, so a
 * document is refused in the same words whichever path it starts on, and no input nests
 * this reader deeper than the limit.
 *
 * It reads the text in one pass, by character codes and offsets: align reads thousands of
 * these files in one command, so no line is cut out as a string and no value is sliced
 * before it is known to be a scalar (docs/performance.md).
 */
import { isBlockScalarHeader, readBlockScalar } from './block-scalar.js';
import { MAX_DEPTH, MAX_ITEMS, MAX_KEYS } from './limits.js';
import { Bail, bail, plainKey, readQuoted, resolvePlain } from './scalars.js';

export const BAIL: unique symbol = Symbol('bail');
type Result = unknown | typeof BAIL;

export function fastParse(source: string): Result {
  try {
    const r = new Reader(source);
    if (!r.has) return null;
    const value = r.block(r.indent);
    if (r.has) bail(); // a line left of the first one
    return value;
  } catch (e) {
    if (e instanceof Bail) return BAIL;
    throw e;
  }
}

/** A table of the ASCII characters in `chars`, to test a character code with one lookup. */
function charSet(chars: string): Uint8Array {
  const set = new Uint8Array(128);
  for (let i = 0; i < chars.length; i++) set[chars.charCodeAt(i)] = 1;
  return set;
}

/** Characters a plain key may not start with (indicators, white space). */
const NOT_KEY_START = charSet('#:[]{},&*!|>%@`? \t');
/** Indicators a plain value on its key's or dash's line may not start with (`[`, `{`, quotes and block scalars are read before). */
const NOT_VALUE_START = charSet('&*!|>%@`?,]}');
/** Indicators a plain scalar inside a flow collection may not start with. */
const NOT_FLOW_START = charSet('&*!|>%@`?#,]}');

const SPACE = 32;
const TAB = 9;
const HASH = 35;
const COLON = 58;
const DASH = 45;
const COMMA = 44;
const OPEN_SEQ = 91;
const CLOSE_SEQ = 93;
const OPEN_MAP = 123;
const CLOSE_MAP = 125;
const NONE = -1; // past the end of the line

// Runs of characters with no meaning to the reader, skipped by the regular expression engine
// rather than a character at a time: most of a file is such runs, and the engine's loop costs
// the same from the first file on, before the JavaScript around it is compiled (sticky, with
// `test` and `lastIndex`, so no match is made). A run stops at a line break, past the line's end.
/** Text of a plain key or value up to a ':', a '#' or a tab. */
const PLAIN_RUN = /[^:#\t\n]*/y;
/** Text of a plain scalar in a flow collection up to a ':', a '#', a tab or a flow indicator. */
const FLOW_RUN = /[^:#\t\n,[\]{}]*/y;

/** The end of the run of `run` in `src` from `from`. */
function runEnd(run: RegExp, src: string, from: number): number {
  run.lastIndex = from;
  run.test(src);
  return run.lastIndex;
}

/**
 * The reader walks the lines that hold more than spaces or a comment, one "current line" at a
 * time, kept as offsets into the text: its indentation, where its text starts (`at`) and ends
 * (`stop`, trailing spaces and the line break left out), and where the line after it starts.
 */
class Reader {
  readonly src: string;
  /** Lists and mappings open around the one being read. */
  depth = 0;
  /** There is a current line; false at the end of the text. */
  has = false;
  indent = 0;
  at = 0;
  stop = 0;
  next = 0;
  /** The line starts with a tab, a directive or a document marker: fine inside a block scalar, else a bail. */
  odd = false;
  /** Where the value after the key just read starts (`keyAt`), spaces after the ':' skipped. */
  rest = 0;
  /** Where the flow value or flow scalar just read ends on the current line. */
  pos = 0;

  constructor(src: string) {
    this.src = src;
    this.load(0);
  }

  /** Makes the first line from offset `from` that holds more than spaces or a comment the current line. */
  load(from: number): void {
    const src = this.src;
    const n = src.length;
    let start = from;
    while (start <= n) {
      let end = src.indexOf('\n', start);
      if (end < 0) end = n;
      let stop = end > start && src.charCodeAt(end - 1) === 13 ? end - 1 : end;
      let at = start;
      while (at < stop && src.charCodeAt(at) === SPACE) at++;
      const c = src.charCodeAt(at);
      if (at < stop && c !== HASH) {
        while (stop > at && src.charCodeAt(stop - 1) === SPACE) stop--;
        this.has = true;
        this.indent = at - start;
        this.at = at;
        this.stop = stop;
        this.next = end + 1;
        // A tab indent, a document marker or a directive is not this reader's business, unless it is block scalar text.
        this.odd = c === TAB || c === 37 /* % */ || ((c === DASH || c === 46) && src.startsWith(c === DASH ? '---' : '...', at));
        return;
      }
      start = end + 1;
    }
    this.has = false;
  }

  /** The character at `i` on the current line, or NONE past its end. */
  charAt(i: number): number {
    return i < this.stop ? this.src.charCodeAt(i) : NONE;
  }

  /** The current line's text from `i` is "-" or starts with "- ". */
  isSeqItem(i: number): boolean {
    return this.src.charCodeAt(i) === DASH && (i + 1 === this.stop || this.src.charCodeAt(i + 1) === SPACE);
  }

  /** One collection deeper; past the limit, the document is the full parser's to refuse. */
  deeper(): void {
    if (++this.depth > MAX_DEPTH) bail();
  }

  block(indent: number): unknown {
    if (this.indent !== indent) bail();
    return this.isSeqItem(this.at) ? this.seq(indent) : this.map(indent, null);
  }

  seq(indent: number): unknown[] {
    this.deeper();
    const out: unknown[] = [];
    while (this.has) {
      if (this.indent < indent) break;
      if (this.indent > indent || !this.isSeqItem(this.at)) bail(); // an odd line is no item
      if (out.length === MAX_ITEMS) bail();
      let rest = this.at + 1;
      while (rest < this.stop && this.src.charCodeAt(rest) === SPACE) rest++;
      const c = this.charAt(rest);
      if (c === NONE || c === HASH) {
        this.load(this.next);
        out.push(this.nestedOrNull(indent, false));
      } else if (isBlockScalarHeader(c)) {
        out.push(this.blockScalar(rest, indent));
      } else if (this.isSeqItem(rest)) {
        bail(); // "- - x": rare, leave it to the full parser
      } else {
        const key = this.keyAt(rest);
        if (key !== null) {
          // "- key: value" opens a mapping whose other keys sit at the column of "key".
          this.indent = indent + (rest - this.at);
          this.at = rest;
          out.push(this.map(this.indent, key));
        } else {
          out.push(this.value(rest));
          this.load(this.next);
        }
      }
    }
    this.depth--;
    return out;
  }

  nestedOrNull(parentIndent: number, allowSameIndentSeq: boolean): unknown {
    if (this.has && (this.indent > parentIndent || (allowSameIndentSeq && this.indent === parentIndent && this.isSeqItem(this.at)))) {
      return this.block(this.indent);
    }
    return null;
  }

  /** A block mapping; `firstKey` is the current line's key when the caller has read it already (`keyAt`). */
  map(indent: number, firstKey: string | null): Record<string, unknown> {
    this.deeper();
    const out: Record<string, unknown> = {};
    let keys = 0;
    let key = firstKey;
    while (this.has) {
      if (this.indent < indent) break;
      if (this.odd || this.indent > indent) bail(); // "--- a: 1" is no key
      key ??= this.keyAt(this.at);
      if (key === null) return bail();
      // Keys that meet as text ("1" and "1.0") are a duplicate or an overwrite to `yaml`: let it decide.
      if (Object.hasOwn(out, key) || key === '__proto__' || ++keys > MAX_KEYS) bail();
      const rest = this.rest;
      const c = this.charAt(rest);
      if (c === NONE || c === HASH) {
        this.load(this.next);
        out[key] = this.nestedOrNull(indent, true);
      } else if (isBlockScalarHeader(c)) {
        out[key] = this.blockScalar(rest, indent);
      } else {
        out[key] = this.value(rest);
        this.load(this.next);
      }
      key = null;
    }
    this.depth--;
    return out;
  }

  /** The block scalar whose header starts at `header` on the current line; the lines it takes are skipped. */
  blockScalar(header: number, parentIndent: number): string {
    const { value, end } = readBlockScalar(this.src, this.next, this.src.slice(header, this.stop), parentIndent);
    this.load(end);
    return value;
  }

  /**
   * The key of "key: rest" from `i` on the current line, with `rest` set to where the value
   * starts (the line's end when there is none); null when the text is not a mapping entry.
   */
  keyAt(i: number): string | null {
    const src = this.src;
    const stop = this.stop;
    const c = src.charCodeAt(i);
    if (c === 34 || c === 39) {
      const { value, end } = readQuoted(src, i, stop);
      if (this.charAt(end) !== COLON || (end + 1 < stop && src.charCodeAt(end + 1) !== SPACE)) return null;
      this.rest = this.skipSpaces(end + 1);
      return value;
    }
    // A plain key: no indicator first, no ':' or '#' inside, then ':' and a space or the end.
    if (NOT_KEY_START[c] === 1 || (c === DASH && (i + 1 === stop || src.charCodeAt(i + 1) === SPACE))) return null;
    const colon = runEnd(PLAIN_RUN, src, i + 1);
    if (colon >= stop) return null;
    const mark = src.charCodeAt(colon);
    if (mark === HASH) return null;
    if (mark === TAB) bail();
    if (colon + 1 < stop && src.charCodeAt(colon + 1) !== SPACE) return null;
    let end = colon;
    while (end > i && src.charCodeAt(end - 1) === SPACE) end--;
    this.rest = this.skipSpaces(colon + 1);
    return plainKey(src.slice(i, end));
  }

  /** The first offset from `i` on the current line that is not a space. */
  skipSpaces(i: number): number {
    while (i < this.stop && this.src.charCodeAt(i) === SPACE) i++;
    return i;
  }

  /** A value from `from` to the end of the current line, on the line of its key or dash. */
  value(from: number): unknown {
    const src = this.src;
    const stop = this.stop;
    const c = src.charCodeAt(from);
    if (c === OPEN_SEQ || c === OPEN_MAP) {
      const value = this.flow(from);
      if (!this.onlyComment(this.pos)) bail();
      return value;
    }
    if (c === 34 || c === 39) {
      const { value, end } = readQuoted(src, from, stop);
      if (!this.onlyComment(end)) bail();
      return value;
    }
    // Indicators a plain scalar may not start with, and "- " that would open a sequence on the key's line.
    if (NOT_VALUE_START[c] === 1 || (c === DASH && (from + 1 === stop || src.charCodeAt(from + 1) === SPACE))) bail();
    // A plain value runs up to a comment (" #"); most values have no '#' at all.
    let end = stop;
    let colon = false;
    let tab = false;
    for (let i = runEnd(PLAIN_RUN, src, from); i < stop; i = runEnd(PLAIN_RUN, src, i + 1)) {
      const ch = src.charCodeAt(i);
      if (ch === HASH) {
        const before = src.charCodeAt(i - 1);
        if (i > from && (before === SPACE || before === TAB)) {
          end = i;
          break;
        }
      } else if (ch === COLON) colon = true;
      else tab = true;
    }
    while (end > from && src.charCodeAt(end - 1) === SPACE) end--;
    const plain = src.slice(from, end);
    if (colon && /:(\s|$)/.test(plain)) bail();
    if (tab) bail();
    return resolvePlain(plain);
  }

  /** What may follow a complete value on its line: nothing, or spaces and a comment ("#" needs a space before it). */
  onlyComment(from: number): boolean {
    if (from === this.stop) return true;
    if (this.src.charCodeAt(from) !== SPACE) return false;
    const i = this.skipSpaces(from);
    return i === this.stop || this.src.charCodeAt(i) === HASH;
  }

  // The flow readers keep their position in a local and skip spaces inline: a rubric is mostly
  // flow mappings, and a call per space or character is most of their cost before compilation.
  // The character at the line's end (`stop`) is a space, a line break or none, never punctuation.

  /** A flow collection or scalar from `pos` on the current line; `this.pos` is left after it. */
  flow(pos: number): unknown {
    const src = this.src;
    const stop = this.stop;
    while (pos < stop && src.charCodeAt(pos) === SPACE) pos++;
    const c = src.charCodeAt(pos);
    if (c === OPEN_SEQ) return this.flowSeq(pos + 1);
    if (c === OPEN_MAP) return this.flowMap(pos + 1);
    this.pos = pos;
    return this.flowScalar(false);
  }

  flowSeq(pos: number): unknown[] {
    const src = this.src;
    const stop = this.stop;
    this.deeper();
    const out: unknown[] = [];
    for (;;) {
      while (pos < stop && src.charCodeAt(pos) === SPACE) pos++;
      if (src.charCodeAt(pos) === CLOSE_SEQ) {
        this.pos = pos + 1;
        this.depth--;
        return out;
      }
      if (out.length === MAX_ITEMS) bail();
      out.push(this.flow(pos));
      pos = this.pos;
      while (pos < stop && src.charCodeAt(pos) === SPACE) pos++;
      const c = src.charCodeAt(pos);
      if (c === COMMA) pos++;
      else if (c !== CLOSE_SEQ) bail();
    }
  }

  flowMap(pos: number): Record<string, unknown> {
    const src = this.src;
    const stop = this.stop;
    this.deeper();
    const out: Record<string, unknown> = {};
    let keys = 0;
    for (;;) {
      while (pos < stop && src.charCodeAt(pos) === SPACE) pos++;
      if (src.charCodeAt(pos) === CLOSE_MAP) {
        this.pos = pos + 1;
        this.depth--;
        return out;
      }
      this.pos = pos;
      const key = this.flowScalar(true) as string;
      if (Object.hasOwn(out, key) || key === '__proto__' || ++keys > MAX_KEYS) bail();
      pos = this.pos;
      while (pos < stop && src.charCodeAt(pos) === SPACE) pos++;
      if (src.charCodeAt(pos) !== COLON) bail();
      pos++;
      while (pos < stop && src.charCodeAt(pos) === SPACE) pos++;
      const next = src.charCodeAt(pos);
      if (next === COMMA || next === CLOSE_MAP) out[key] = null;
      else {
        out[key] = this.flow(pos);
        pos = this.pos;
        while (pos < stop && src.charCodeAt(pos) === SPACE) pos++;
      }
      const c = src.charCodeAt(pos);
      if (c === COMMA) pos++;
      else if (c !== CLOSE_MAP) bail();
    }
  }

  /** A scalar inside a flow collection, resolved by the core schema; a key becomes the text `yaml` would make of it. */
  flowScalar(isKey: boolean): unknown {
    const src = this.src;
    const stop = this.stop;
    const start = this.pos;
    const c = this.charAt(start);
    if (c === NONE) bail();
    if (c === 34 || c === 39) {
      const { value, end } = readQuoted(src, start, stop);
      this.pos = end;
      return value;
    }
    if (NOT_FLOW_START[c] === 1) bail();
    let i = runEnd(FLOW_RUN, src, start);
    let tab = false;
    for (; i < stop; i = runEnd(FLOW_RUN, src, i + 1)) {
      const ch = src.charCodeAt(i);
      if (ch === COMMA || ch === CLOSE_SEQ || ch === CLOSE_MAP || ch === OPEN_SEQ || ch === OPEN_MAP) break;
      if (ch === COLON) {
        const after = this.charAt(i + 1);
        if (after === SPACE || after === NONE || after === COMMA || after === CLOSE_SEQ || after === CLOSE_MAP) break;
      } else if (ch === HASH) {
        if (src.charCodeAt(i - 1) === SPACE) bail();
      } else tab = true;
    }
    if (i > stop) i = stop; // the run went on through trailing spaces
    this.pos = i;
    let end = i;
    while (end > start && src.charCodeAt(end - 1) === SPACE) end--;
    // Nothing, a tab, or a dash that would open a block sequence.
    if (end === start || tab || (c === DASH && (end === start + 1 || src.charCodeAt(start + 1) === SPACE))) bail();
    const raw = src.slice(start, end);
    return isKey ? plainKey(raw) : resolvePlain(raw);
  }
}
