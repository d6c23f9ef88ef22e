import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Document, isCollection, isPair, parse, type Node } from 'yaml';
import { RubricSchema } from '../../../src/core/schemas/rubric.js';
import { BAIL, fastParse } from '../../../src/core/yaml/fast-parse.js';
import { MAX_DEPTH, MAX_ITEMS, MAX_KEYS, MAX_PROBLEMS } from '../../../src/core/yaml/limits.js';
import { loadYaml } from '../../../src/core/yaml/load.js';
import { MAX_ALIASES } from '../../../src/core/yaml/locate.js';
import { readYamlText } from '../../../src/core/yaml/read.js';

/** The reference: `yaml` itself, as the pipeline reads (see yaml-pipeline.test.ts). */
const REFERENCE = { schema: 'core', uniqueKeys: true, strict: true, prettyErrors: false, maxAliasCount: MAX_ALIASES, logLevel: 'error' } as const;

const DEEP = new RegExp(`^lists and mappings nested more than ${MAX_DEPTH} levels deep$`);
const KEYS = /^a mapping with more than 1,000 keys$/;
const ITEMS = /^a list with more than 10,000 items$/;

/** Lists and mappings inside each other in a value, the outermost counted as 1. */
function depthOf(v: unknown): number {
  if (typeof v !== 'object' || v === null) return 0;
  const inner = Array.isArray(v) ? v : Object.values(v);
  return 1 + inner.reduce<number>((m, x) => Math.max(m, depthOf(x)), 0);
}

/** A value as `yaml` writes it, its collections from `flowLevel` down in flow style ([a, b], {k: v}). */
function written(value: unknown, flowLevel: number): string {
  const doc = new Document(value);
  const style = (node: unknown, level: number): void => {
    if (!isCollection(node)) return;
    if (level >= flowLevel) node.flow = true;
    for (const item of node.items) style(isPair(item) ? item.value : (item as Node), level + 1);
  };
  style(doc.contents, 0);
  return doc.toString();
}

/** Reads the text; whatever it is, the pipeline answers with data or with problems it can place, and never throws. */
function read(text: string) {
  const r = readYamlText('p.yaml', text);
  if (!r.ok) {
    expect(r.problems.length).toBeGreaterThan(0);
    for (const p of r.problems) if (!/more problems? in this file/.test(p.message)) expect(p.line, JSON.stringify(p)).toBeGreaterThan(0);
  }
  return r;
}

/** The same text, sent down the full parser: an anchor at the end makes the fast reader leave it (a top-level mapping only). */
const viaFallback = (text: string) => `${text.endsWith('\n') ? text : `${text}\n`}zz_fallback: &anchor x\n`;

describe('nesting: at most MAX_DEPTH levels, whichever reader and whatever the style', () => {
  /** Levels of collections under `root:`, block ones first (a block collection cannot sit in a flow one). */
  const levels = fc
    .tuple(fc.array(fc.constantFrom('blockMap', 'blockSeq'), { maxLength: 90 }), fc.array(fc.constantFrom('flowSeq', 'flowMap'), { maxLength: 90 }))
    .map(([block, flow]) => [...block, ...flow]);

  function render(kinds: string[]): string {
    const flow = (i: number): string => {
      if (i === kinds.length) return 'x';
      return kinds[i] === 'flowSeq' ? `[${flow(i + 1)}]` : `{k${i}: ${flow(i + 1)}}`;
    };
    const lines = ['root:'];
    let i = 0;
    for (; i < kinds.length && kinds[i]!.startsWith('block'); i++) {
      const pad = ' '.repeat(2 * (i + 1));
      const head = kinds[i] === 'blockMap' ? `k${i}:` : '-';
      const nextIsBlock = kinds[i + 1]?.startsWith('block') ?? false;
      lines.push(nextIsBlock ? `${pad}${head}` : `${pad}${head} ${flow(i + 1)}`);
    }
    if (i === 0) lines[0] = `root: ${flow(0)}`;
    return `${lines.join('\n')}\n`;
  }

  it('a document within the limit reads as `yaml` reads it; one past it is refused where the limit is passed, on either path', () => {
    fc.assert(
      fc.property(levels, (kinds) => {
        const text = render(kinds);
        const depth = 1 + kinds.length;
        const r = read(text);
        const slow = read(viaFallback(text));
        if (depth <= MAX_DEPTH) {
          expect(r.ok, text).toBe(true);
          if (r.ok) expect(r.value).toStrictEqual(parse(text, REFERENCE));
          expect(slow.ok && { ...(slow.value as object), zz_fallback: undefined }).toStrictEqual({ ...(parse(text, REFERENCE) as object), zz_fallback: undefined });
          return;
        }
        expect(r.ok, text).toBe(false);
        expect(slow.ok).toBe(false);
        if (r.ok || slow.ok) return;
        expect(r.problems).toHaveLength(1);
        expect(r.problems[0]!.message).toMatch(DEEP);
        expect(r.problems[0]!.hint).toMatch(/at most 64 levels/);
        // The same place, whichever reader the text started on.
        expect(slow.problems).toStrictEqual(r.problems);
      }),
      { numRuns: 150 },
    );
  });

  it('exactly at the limit is read, one more is not: the line and column are those of the collection that passes it', () => {
    const at = (n: number) => `root: ${'['.repeat(n - 1)}${']'.repeat(n - 1)}\n`;
    expect(read(at(MAX_DEPTH)).ok).toBe(true);
    const over = read(at(MAX_DEPTH + 1));
    expect(over.ok).toBe(false);
    if (!over.ok) expect(over.problems[0]).toMatchObject({ line: 1, col: 'root: '.length + MAX_DEPTH, message: expect.stringMatching(DEEP) });
  });

  it('generated values, written by `yaml` in block or flow style: read as `yaml` reads them, or refused for their depth', () => {
    const key = fc.oneof(fc.constantFrom('id', 'a b', '1', 'true', '~', '- x', ': y', '#', '[k]'), fc.string({ maxLength: 6 })).filter((k) => k !== '__proto__');
    const scalar = fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.boolean(), fc.constant(null), fc.constantFrom('0b101', '1_000', '.5', 'yes', '', ' x', '"', "'"));
    const { value } = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'medium', maxDepth: 80 }, scalar, tie('list'), tie('map')),
      list: fc.array(tie('value'), { maxLength: 3 }),
      map: fc.dictionary(key, tie('value'), { maxKeys: 3 }),
    }));
    const deep = fc.tuple(fc.array(fc.oneof(fc.constant('seq'), key), { minLength: 40, maxLength: 90 }), value).map(([path, leaf]) =>
      path.reduceRight<unknown>((inner, step) => (step === 'seq' ? [inner] : { [step]: inner }), leaf),
    );
    fc.assert(
      fc.property(fc.oneof(value, deep), fc.integer({ min: 0, max: 100 }), (v, flowLevel) => {
        const text = written({ root: v }, flowLevel);
        const r = read(text);
        if (1 + depthOf(v) > MAX_DEPTH) {
          expect(r.ok, text).toBe(false);
          if (!r.ok) expect(r.problems[0]!.message).toMatch(DEEP);
        } else if (r.ok) {
          expect(r.value, text).toStrictEqual(parse(text, REFERENCE));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('an alias stands for its whole value: one that nests data past the limit is refused at the alias', () => {
    const anchored = `${'['.repeat(40)}x${']'.repeat(40)}`;
    const text = `a: &deep ${anchored}\nb: ${'['.repeat(30)}*deep${']'.repeat(30)}\n`;
    const r = read(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]).toMatchObject({ line: 2, col: 4 + 30, message: expect.stringMatching(DEEP) });
    expect(read(`a: &deep ${anchored}\nb: [*deep]\n`).ok).toBe(true);
  });
});

describe('keys of a mapping and items of a list', () => {
  const sizes = fc.oneof(fc.integer({ min: 0, max: 30 }), fc.constantFrom(MAX_KEYS, MAX_KEYS + 1, MAX_ITEMS, MAX_ITEMS + 1, 2 * MAX_ITEMS));
  const styles = fc.constantFrom('blockSeq', 'flowSeq', 'blockMap', 'flowMap');
  const render = (style: string, n: number) => {
    const xs = Array.from({ length: n }, (_, i) => i);
    if (style === 'blockSeq') return n ? `root:\n${xs.map((i) => `  - ${i}\n`).join('')}` : 'root: []\n';
    if (style === 'flowSeq') return `root: [${xs.join(', ')}]\n`;
    if (style === 'blockMap') return n ? `root:\n${xs.map((i) => `  k${i}: ${i}\n`).join('')}` : 'root: {}\n';
    return `root: {${xs.map((i) => `k${i}: ${i}`).join(', ')}}\n`;
  };

  it('up to the limit is read as `yaml` reads it, past it refused at the entry that passes it, on either path', () => {
    fc.assert(
      fc.property(styles, sizes, fc.boolean(), (style, n, fallback) => {
        const text = fallback ? viaFallback(render(style, n)) : render(style, n);
        const mapping = style.endsWith('Map');
        const max = mapping ? MAX_KEYS : MAX_ITEMS;
        const r = read(text);
        if (n <= max) {
          expect(r.ok).toBe(true);
          if (r.ok) expect(r.value).toStrictEqual(parse(text, REFERENCE));
          return;
        }
        expect(r.ok).toBe(false);
        if (r.ok) return;
        expect(r.problems).toHaveLength(1);
        expect(r.problems[0]!.message).toMatch(mapping ? KEYS : ITEMS);
        // The entry after the limit: its key or dash on a line of its own in block style, in flow style a column of the one line.
        const before = render(style, max).replace(/[\]}]\n$/, ', ');
        const at = style.startsWith('block') ? { line: 2 + max, col: 3 } : { line: 1, col: before.length + 1 };
        expect(r.problems[0]).toMatchObject(at);
      }),
      { numRuns: 40 },
    );
  });

  it('a trailing comma or comment is no entry: exactly the limit still reads', () => {
    const items = Array.from({ length: MAX_ITEMS }, (_, i) => i).join(', ');
    for (const text of [`root: [${items}, ]\n`, `root: [${items}, # the end\n  ]\nz: &a 1\n`]) expect(read(text).ok, text.slice(-30)).toBe(true);
  });
});

describe('problems of one file', () => {
  it(`at most ${MAX_PROBLEMS} are listed, then the rest are counted`, () => {
    const text = `stages:\n  - { id: mql, min: 1 }\ncriteria:\n${'  - 1\n'.repeat(5000)}`;
    const r = loadYaml('rubric.yaml', new TextEncoder().encode(text), RubricSchema);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toHaveLength(MAX_PROBLEMS + 1);
    expect(r.problems[0]).toMatchObject({ line: 4, message: 'criteria[0]: expected a mapping, found number 1' });
    expect(r.problems.at(-1)).toMatchObject({ file: 'rubric.yaml', message: `and ${5000 - MAX_PROBLEMS} more problems in this file, not listed` });
    expect(r.problems.at(-1)!.severity).toBeUndefined();
  });

  it('unknown keys are placed in time linear in their number (each mapping is indexed once)', () => {
    const text = `organization: Acme\n${Array.from({ length: MAX_KEYS - 1 }, (_, i) => `k${i}: v`).join('\n')}\n`;
    expect(fastParse(text)).not.toBe(BAIL);
    const r = readYamlText('align.yaml', text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const found = Array.from({ length: MAX_KEYS - 1 }, (_, i) => ({ path: [`k${i}`], atKey: true, message: 'unknown' }));
    // Placing each problem by searching the mapping was quadratic: 100 times this many keys took minutes.
    const placed = r.locate(found);
    expect(placed.ok && placed.problems[MAX_PROBLEMS - 1]).toMatchObject({ line: MAX_PROBLEMS + 1, col: 1 });
  });
});

describe('whatever the text, the pipeline answers and never throws', () => {
  const pieces = ['[', ']', '{', '}', ',', ':', ' ', '  ', '\n', '- ', '? ', '# c', '&a ', '*a', '!!str ', '|', '>-', '"', "'", 'x', '1', 'k: ', '---\n', '\t', '\r\n', '%YAML 1.2\n'];
  const text = fc.oneof(
    fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((xs) => xs.join('')),
    // Runs of one piece, long enough to pass every limit.
    fc.tuple(fc.constantFrom(...pieces), fc.integer({ min: 50, max: 600 }), fc.constantFrom(...pieces)).map(([p, n, tail]) => `k: ${p.repeat(n)}${tail}`),
  );

  it('data or placed problems, for generated texts of every kind', () => {
    fc.assert(
      fc.property(text, (t) => {
        const r = read(t);
        if (r.ok) expect(depthOf(r.value)).toBeLessThanOrEqual(MAX_DEPTH);
      }),
      { numRuns: 600 },
    );
  });
});
