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
 */
import { isBlockScalarHeader, readBlockScalar } from './block-scalar.js';
import { MAX_DEPTH, MAX_ITEMS, MAX_KEYS } from './limits.js';
import { Bail, bail, plainKey, readQuoted, resolvePlain } from './scalars.js';

export const BAIL: unique symbol = Symbol('bail');
type Result = unknown | typeof BAIL;

interface Line {
  indent: number;
  text: string; // without indentation, trailing comment not yet removed
  start: number; // offset of the line in the source
  next: number; // offset of the line after it
  /** Starts with a tab, a directive or a document marker: fine inside a block scalar, else a bail. */
  odd: boolean;
}

export function fastParse(source: string): Result {
  try {
    const lines = toLines(source);
    if (lines.length === 0) return null;
    const state = { source, lines, i: 0, depth: 0 };
    const value = parseBlock(state, lines[0]!.indent);
    if (state.i !== lines.length) bail();
    return value;
  } catch (e) {
    if (e instanceof Bail) return BAIL;
    throw e;
  }
}

function toLines(source: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  const n = source.length;
  while (start <= n) {
    let end = source.indexOf('\n', start);
    if (end < 0) end = n;
    let stop = end > start && source.charCodeAt(end - 1) === 13 ? end - 1 : end;
    let at = start;
    while (at < stop && source.charCodeAt(at) === 32) at++;
    const c = source.charCodeAt(at);
    if (at < stop && c !== 35 /* # */) {
      // A tab indent, a document marker or a directive is not this reader's business, unless it is block scalar text.
      const odd = c === 9 || c === 37 || ((c === 45 || c === 46) && source.startsWith(c === 45 ? '---' : '...', at));
      while (stop > at && source.charCodeAt(stop - 1) === 32) stop--;
      out.push({ indent: at - start, text: source.slice(at, stop), start, next: end + 1, odd });
    }
    start = end + 1;
  }
  return out;
}

interface State {
  source: string;
  lines: Line[];
  i: number;
  /** Lists and mappings open around the one being read. */
  depth: number;
}

/** One collection deeper; past the limit, the document is the full parser's to refuse. */
function deeper(s: { depth: number }): void {
  if (++s.depth > MAX_DEPTH) bail();
}

function parseBlock(s: State, indent: number): unknown {
  const first = s.lines[s.i]!;
  if (first.indent !== indent) bail();
  return isSeqItem(first.text) ? parseSeq(s, indent) : parseMap(s, indent);
}

const isSeqItem = (t: string) => t === '-' || t.startsWith('- ');

function parseSeq(s: State, indent: number): unknown[] {
  deeper(s);
  const out: unknown[] = [];
  while (s.i < s.lines.length) {
    const line = s.lines[s.i]!;
    if (line.indent < indent) break;
    if (line.indent > indent || !isSeqItem(line.text)) bail(); // an odd line is no item
    if (out.length === MAX_ITEMS) bail();
    const rest = trimSpaces(line.text.slice(1));
    const restIndent = indent + (line.text.length - rest.length);
    if (rest === '' || rest[0] === '#') {
      s.i++;
      out.push(nestedOrNull(s, indent));
    } else if (isBlockScalarHeader(rest)) {
      s.i++;
      out.push(blockScalar(s, line, rest, indent));
    } else if (isSeqItem(rest)) {
      bail(); // "- - x": rare, leave it to the full parser
    } else if (keyOf(rest) !== null) {
      // "- key: value" opens a mapping whose other keys sit at the column of "key".
      s.lines[s.i] = { ...line, indent: restIndent, text: rest };
      out.push(parseMap(s, restIndent));
    } else {
      s.i++;
      out.push(parseValue(rest, s.depth));
    }
  }
  s.depth--;
  return out;
}

function nestedOrNull(s: State, parentIndent: number, allowSameIndentSeq = false): unknown {
  const next = s.lines[s.i];
  if (next && (next.indent > parentIndent || (allowSameIndentSeq && next.indent === parentIndent && isSeqItem(next.text)))) {
    return parseBlock(s, next.indent);
  }
  return null;
}

function parseMap(s: State, indent: number): Record<string, unknown> {
  deeper(s);
  const out: Record<string, unknown> = {};
  let keys = 0;
  while (s.i < s.lines.length) {
    const line = s.lines[s.i]!;
    if (line.indent < indent) break;
    if (line.odd || line.indent > indent) bail(); // "--- a: 1" is no key
    const kv = keyOf(line.text);
    if (kv === null) bail();
    const [key, rest] = kv!;
    // Keys that meet as text ("1" and "1.0") are a duplicate or an overwrite to `yaml`: let it decide.
    if (Object.hasOwn(out, key) || key === '__proto__' || ++keys > MAX_KEYS) bail();
    s.i++;
    if (rest === '' || rest[0] === '#') out[key] = nestedOrNull(s, indent, true);
    else if (isBlockScalarHeader(rest)) out[key] = blockScalar(s, line, rest, indent);
    else out[key] = parseValue(rest, s.depth);
  }
  s.depth--;
  return out;
}

/** The block scalar whose header ends `line`, the line just read; the lines it takes are skipped. */
function blockScalar(s: State, line: Line, header: string, parentIndent: number): string {
  const { value, end } = readBlockScalar(s.source, line.next, header, parentIndent);
  while (s.i < s.lines.length && s.lines[s.i]!.start < end) s.i++;
  return value;
}

/** Splits "key: rest" (rest may be empty); null when the line is not a mapping entry. */
function keyOf(text: string): [string, string] | null {
  if (text[0] === '"' || text[0] === "'") {
    const { value, end } = readQuoted(text, 0);
    const after = text.slice(end);
    if (after !== ':' && !after.startsWith(': ')) return null;
    return [value, trimSpaces(after.slice(1))];
  }
  // A plain key: no indicator first, no ':' or '#' inside, then ':' and a space or the end.
  const first = text[0]!;
  if ('#:[]{},&*!|>%@`? \t'.includes(first) || (first === '-' && (text[1] === ' ' || text[1] === undefined))) return null;
  let i = 1;
  for (; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 58 /* : */) break;
    if (ch === 35 /* # */) return null;
    if (ch === 9 /* tab */) bail();
  }
  if (i >= text.length) return null;
  const next = text[i + 1];
  if (next !== undefined && next !== ' ') return null;
  const key = trimSpaces(text.slice(0, i));
  return [plainKey(key), next === undefined ? '' : trimSpaces(text.slice(i + 1))];
}

/** A value on the line of its key or dash, inside `depth` block collections. */
function parseValue(text: string, depth: number): unknown {
  const c = text[0]!;
  if (c === '[' || c === '{') {
    const p = { text, i: 0, depth };
    const value = parseFlow(p);
    if (!onlyComment(text, p.i)) bail();
    return value;
  }
  if (c === '"' || c === "'") {
    const { value, end } = readQuoted(text, 0);
    if (!onlyComment(text, end)) bail();
    return value;
  }
  // Indicators a plain scalar may not start with, and "- " that would open a sequence on the key's line.
  if ('&*!|>%@`?,]}'.includes(c) || (c === '-' && (text.length === 1 || text[1] === ' '))) bail();
  const plain = stripComment(text);
  const colon = plain.indexOf(':');
  if (colon >= 0 && /:(\s|$)/.test(plain)) bail();
  if (plain.indexOf('\t') >= 0) bail();
  return resolvePlain(plain);
}

/** A plain value up to a comment (" #"); most values have no '#' at all. */
function stripComment(text: string): string {
  let hash = text.indexOf('#');
  while (hash > 0) {
    const before = text.charCodeAt(hash - 1);
    if (before === 32 || before === 9) return trimSpaces(text.slice(0, hash));
    hash = text.indexOf('#', hash + 1);
  }
  return trimSpaces(text);
}

/** What may follow a complete value on its line: nothing, or spaces and a comment ("#" needs a space before it). */
function onlyComment(text: string, from: number): boolean {
  if (from === text.length) return true;
  if (text.charCodeAt(from) !== 32) return false;
  let i = from;
  while (text.charCodeAt(i) === 32) i++;
  return i === text.length || text.charCodeAt(i) === 35;
}

/**
 * Trims spaces only. String.prototype.trim also removes tabs, no-break spaces and other
 * Unicode white space, which YAML keeps as content; a tab left in a plain scalar makes it bail.
 */
function trimSpaces(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && s.charCodeAt(a) === 32) a++;
  while (b > a && s.charCodeAt(b - 1) === 32) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

interface Cursor {
  text: string;
  i: number;
  depth: number;
}

function skipSpaces(p: Cursor): void {
  while (p.text[p.i] === ' ') p.i++;
}

function parseFlow(p: Cursor): unknown {
  skipSpaces(p);
  const c = p.text[p.i];
  if (c === '[') {
    p.i++;
    deeper(p);
    const out: unknown[] = [];
    for (;;) {
      skipSpaces(p);
      if (p.text[p.i] === ']') {
        p.i++;
        p.depth--;
        return out;
      }
      if (out.length === MAX_ITEMS) bail();
      out.push(parseFlow(p));
      skipSpaces(p);
      if (p.text[p.i] === ',') p.i++;
      else if (p.text[p.i] !== ']') bail();
    }
  }
  if (c === '{') {
    p.i++;
    deeper(p);
    const out: Record<string, unknown> = {};
    let keys = 0;
    for (;;) {
      skipSpaces(p);
      if (p.text[p.i] === '}') {
        p.i++;
        p.depth--;
        return out;
      }
      const key = flowScalar(p, true) as string;
      if (Object.hasOwn(out, key) || key === '__proto__' || ++keys > MAX_KEYS) bail();
      skipSpaces(p);
      if (p.text[p.i] !== ':') bail();
      p.i++;
      skipSpaces(p);
      const next = p.text[p.i];
      out[key] = next === ',' || next === '}' ? null : parseFlow(p);
      skipSpaces(p);
      if (p.text[p.i] === ',') p.i++;
      else if (p.text[p.i] !== '}') bail();
    }
  }
  return flowScalar(p, false);
}

/** A scalar inside a flow collection, resolved by the core schema; a key becomes the text `yaml` would make of it. */
function flowScalar(p: Cursor, isKey: boolean): unknown {
  const c = p.text[p.i];
  if (c === undefined) bail();
  if (c === '"' || c === "'") {
    const { value, end } = readQuoted(p.text, p.i);
    p.i = end;
    return value;
  }
  if ('&*!|>%@`?#,]}'.includes(c!)) bail();
  const start = p.i;
  while (p.i < p.text.length) {
    const ch = p.text[p.i]!;
    if (ch === ',' || ch === ']' || ch === '}' || ch === '[' || ch === '{') break;
    if (ch === ':' && (p.text[p.i + 1] === ' ' || p.text[p.i + 1] === undefined || ',]}'.includes(p.text[p.i + 1]!))) break;
    if (ch === '#' && p.text[p.i - 1] === ' ') bail();
    p.i++;
  }
  const raw = trimSpaces(p.text.slice(start, p.i));
  if (raw === '' || raw.includes('\t') || raw.startsWith('- ') || raw === '-') bail();
  return isKey ? plainKey(raw) : resolvePlain(raw);
}

