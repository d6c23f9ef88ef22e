import { isMap, isPair, isScalar, isSeq, parseDocument, stringify, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { YAML_OPTIONS } from './locate.js';
import { WRITE_OPTIONS } from './write-options.js';

/** A replacement of the text from `start` to `end` (offsets into the original). */
interface Edit {
  start: number;
  end: number;
  text: string;
}

/** A shape this splicer does not edit in place; the caller renders the document instead. */
class Unsupported extends Error {}

const BLOCK = WRITE_OPTIONS;

/**
 * The text with only the values that differ from `data` rewritten, each at its place in the
 * source: every byte of what did not change (comments, spacing, quotes, flow padding, blank
 * lines) stays as it was. List items with an `id` are matched by id, others by position; a
 * new key or item goes after the last one of its collection. Null when the text has a shape
 * this does not edit in place (the caller then renders the document through `yaml`).
 */
export function spliceYaml(text: string, data: unknown): string | null {
  const doc = parseDocument(text, { ...YAML_OPTIONS, keepSourceTokens: false });
  if (doc.errors.length || !doc.contents) return null;
  try {
    const edits = new Splicer(text, doc).patch(doc.contents as Node, data, false);
    return applyEdits(text, edits, 0, text.length);
  } catch (e) {
    if (e instanceof Unsupported) return null;
    throw e;
  }
}

class Splicer {
  constructor(
    private readonly text: string,
    private readonly doc: Document,
  ) {}

  patch(n: Node, v: unknown, flow: boolean): Edit[] {
    if (deepEqual(n.toJS(this.doc), v)) return [];
    const [start, end] = range(n);
    // A starter's `goals: []` that now gets content is written out in block style.
    if (!flow && isMapOrSeq(n) && n.flow && n.items.length === 0 && !isEmpty(v)) throw new Unsupported();
    if (isScalar(n) && isScalarValue(v)) return [{ start, end, text: flow ? flowScalar(v) : scalarText(v, n.type) }];
    if (isMap(n) && isPlainObject(v)) return n.flow ? this.flowMap(n, v) : this.blockMap(n, v);
    if (isSeq(n) && Array.isArray(v)) return n.flow ? this.flowSeq(n, v) : this.blockSeq(n, v);
    if (flow || ((isScalar(n) || (isMapOrSeq(n) && n.flow)) && (isScalarValue(v) || isEmpty(v)))) return [{ start, end, text: flowText(v, false) }];
    throw new Unsupported();
  }

  private blockMap(n: YAMLMap, v: Record<string, unknown>): Edit[] {
    const edits: Edit[] = [];
    const col = this.column(range(n as Node)[0]);
    const seen = new Set<string>();
    let last = -1;
    for (const pair of n.items) {
      const key = this.keyOf(pair);
      seen.add(key);
      const end = this.pairEnd(pair);
      last = Math.max(last, end);
      if (!(key in v) || v[key] === undefined) {
        const start = this.lineStart(range(pair.key as Node)[0]);
        if (this.text.slice(start, range(pair.key as Node)[0]).trim() !== '') throw new Unsupported();
        edits.push({ start, end, text: '' });
        continue;
      }
      try {
        edits.push(...this.patch(pair.value as Node, v[key], false));
      } catch (e) {
        if (!(e instanceof Unsupported)) throw e;
        edits.push(this.replaceUnderKey(pair, v[key], col));
      }
    }
    const added = Object.entries(v).filter(([k, x]) => !seen.has(k) && x !== undefined);
    if (added.length) {
      const lead = last > 0 && this.text[last - 1] !== '\n' ? '\n' : '';
      edits.push({ start: last, end: last, text: lead + added.map(([k, x]) => indentLines(stringify({ [k]: x }, BLOCK), col)).join('') });
    }
    return edits;
  }

  /** A value whose shape changed, written after its key: inline when it fits a line, else as a block below. */
  private replaceUnderKey(pair: Pair, v: unknown, col: number): Edit {
    const colon = this.text.indexOf(':', range(pair.key as Node)[1]);
    const end = this.pairEnd(pair);
    if (colon < 0 || colon >= end) throw new Unsupported();
    const text = isScalarValue(v) || isEmpty(v) ? ` ${flowText(v, false)}\n` : `\n${indentLines(stringify(v, BLOCK), col + 2)}`;
    return { start: colon + 1, end, text };
  }

  private blockSeq(n: YAMLSeq, v: unknown[]): Edit[] {
    if (!v.length) throw new Unsupported();
    const items = n.items as Node[];
    const starts = items.map((it) => this.dashLine(it));
    const end = this.lineEnd(range(n as Node)[1] - 1);
    const ends = items.map((_, i) => (i + 1 < items.length ? starts[i + 1]! : end));
    const col = this.column(range(n as Node)[0]);
    const match = matcher(items);
    const pieces = v.map((x, i) => {
      const j = match(x, i);
      const fresh = () => indentLines(stringify([x], BLOCK), col);
      if (j === undefined) return fresh();
      try {
        return applyEdits(this.text, this.patch(items[j]!, x, false), starts[j]!, ends[j]!);
      } catch (e) {
        if (!(e instanceof Unsupported)) throw e;
        return fresh();
      }
    });
    const start = starts[0]!;
    const joined = pieces.join('');
    return joined === this.text.slice(start, end) ? [] : [{ start, end, text: joined }];
  }

  private flowSeq(n: YAMLSeq, v: unknown[]): Edit[] {
    const items = n.items as Node[];
    if (items.some((it) => isPair(it))) throw new Unsupported();
    if (items.length === v.length && !hasIds(items)) return items.flatMap((it, i) => this.patch(it, v[i], true));
    const match = matcher(items);
    return this.rebuildFlow(n as Node, items, v.map((x, i) => {
      const j = match(x, i);
      if (j === undefined) return flowText(x, false);
      const [s, e] = range(items[j]!);
      return applyEdits(this.text, this.patch(items[j]!, x, true), s, e);
    }));
  }

  private flowMap(n: YAMLMap, v: Record<string, unknown>): Edit[] {
    const keys = n.items.map((p) => this.keyOf(p));
    const present = Object.keys(v).filter((k) => v[k] !== undefined);
    if (n.items.some((p) => !p.value)) throw new Unsupported();
    if (keys.length === present.length && keys.every((k) => k in v && v[k] !== undefined)) return n.items.flatMap((p, i) => this.patch(p.value as Node, v[keys[i]!], true));
    const pieces = n.items.flatMap((p, i) => {
      const k = keys[i]!;
      if (!(k in v) || v[k] === undefined) return [];
      const s = range(p.key as Node)[0];
      const e = range(p.value as Node)[1];
      return [applyEdits(this.text, this.patch(p.value as Node, v[k], true), s, e)];
    });
    for (const k of present) if (!keys.includes(k)) pieces.push(flowText({ [k]: v[k] }, false).slice(1, -1));
    return this.rebuildFlow(n as Node, [], pieces);
  }

  /** A flow collection's items rewritten between its brackets, with its padding and (in a list) its separator. */
  private rebuildFlow(n: Node, items: Node[], pieces: string[]): Edit[] {
    const [start, end] = range(n);
    const src = this.text.slice(start, end);
    const pad = src.length > 2 && src[1] === ' ' ? ' ' : '';
    let sep = ', ';
    if (isSeq(n) && items.length > 1) {
      const between = this.text.slice(range(items[0]!)[1], range(items[1]!)[0]);
      if (/^[ ]*,[ ]*$/.test(between)) sep = between.trimStart();
    }
    const body = pieces.join(sep);
    return [{ start, end, text: `${src[0]}${body ? pad + body + pad : ''}${src[src.length - 1]}` }];
  }

  private keyOf(pair: Pair): string {
    if (!isScalar(pair.key) || !pair.value || !(pair.key as Node).range) throw new Unsupported();
    return String(pair.key.value);
  }

  /** Where a pair's text ends: after the line its value ends on (a trailing comment included). */
  private pairEnd(pair: Pair): number {
    return this.lineEnd(range(pair.value as Node)[1] - 1);
  }

  /** The start of the line of a block list item's dash, which must open its line. */
  private dashLine(item: Node): number {
    let p = range(item)[0] - 1;
    while (p >= 0 && this.text[p] === ' ') p--;
    if (this.text[p] !== '-') throw new Unsupported();
    const start = this.lineStart(p);
    if (this.text.slice(start, p).trim() !== '') throw new Unsupported();
    return start;
  }

  private lineStart(p: number): number {
    return this.text.lastIndexOf('\n', p - 1) + 1;
  }

  private lineEnd(p: number): number {
    const nl = this.text.indexOf('\n', Math.max(0, p));
    return nl < 0 ? this.text.length : nl + 1;
  }

  private column(p: number): number {
    return p - this.lineStart(p);
  }
}

function range(n: Node): [number, number] {
  if (!n.range) throw new Unsupported();
  return [n.range[0], n.range[1]];
}

/** Which old item a new item takes the place of: by id where the items have ids, else by position. */
function matcher(items: Node[]): (x: unknown, i: number) => number | undefined {
  const byId = new Map<string, number>();
  items.forEach((it, j) => {
    const id = isMap(it) ? it.get('id') : undefined;
    if (typeof id === 'string') byId.set(id, j);
  });
  return (x, i) => {
    if (byId.size) return isPlainObject(x) && typeof x.id === 'string' ? byId.get(x.id) : undefined;
    return i < items.length ? i : undefined;
  };
}

function hasIds(items: Node[]): boolean {
  return items.some((it) => isMap(it) && typeof it.get('id') === 'string');
}

function applyEdits(text: string, edits: Edit[], start: number, end: number): string {
  let out = text.slice(start, end);
  for (const e of [...edits].sort((a, b) => b.start - a.start || b.end - a.end)) {
    if (e.start < start || e.end > end) throw new Unsupported();
    out = out.slice(0, e.start - start) + e.text + out.slice(e.end - start);
  }
  return out;
}

function indentLines(block: string, col: number): string {
  const pad = ' '.repeat(col);
  return block.replace(/^(?=.)/gm, pad);
}

function scalarText(v: unknown, type: string | undefined): string {
  const quoted = typeof v === 'string' && (type === 'QUOTE_DOUBLE' || type === 'QUOTE_SINGLE');
  return stringify(v, { ...WRITE_OPTIONS, blockQuote: false, ...(quoted ? { defaultStringType: type } : {}) }).trimEnd();
}

/** A scalar as it may stand inside a flow collection (where `,` and brackets need quotes). */
function flowScalar(v: unknown): string {
  return flowText([v], false).slice(1, -1);
}

function flowText(v: unknown, pad: boolean): string {
  return stringify(v, { ...WRITE_OPTIONS, blockQuote: false, collectionStyle: 'flow', flowCollectionPadding: pad }).trimEnd();
}

function isMapOrSeq(n: Node): n is YAMLMap | YAMLSeq {
  return isMap(n) || isSeq(n);
}

function isScalarValue(v: unknown): boolean {
  return v === null || typeof v !== 'object';
}

function isEmpty(v: unknown): boolean {
  if (Array.isArray(v)) return v.length === 0;
  return isPlainObject(v) && Object.keys(v).length === 0;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Equal as data: maps compare by key whatever the order (an undefined value is no key), lists by position. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => deepEqual(a[k], b[k]));
  }
  return false;
}
