import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkRubric } from '../../../src/core/checks/rubric.js';
import { loadRubricForLint } from '../../../src/core/rubric/lint/load.js';
import { RubricSchema } from '../../../src/core/schemas/rubric.js';
import { BAIL, fastParse } from '../../../src/core/yaml/fast-parse.js';
import { loadYaml } from '../../../src/core/yaml/load.js';
import { MAX_ALIASES } from '../../../src/core/yaml/locate.js';
import { decodeYamlBytes } from '../../../src/core/yaml/decode.js';
import { readYaml, readYamlText } from '../../../src/core/yaml/read.js';
import { ROOT } from '../../helpers/workspace.js';

/** The reference: `yaml` itself, YAML 1.2 core schema, strict, unique keys, aliases limited as the pipeline limits them. */
const REFERENCE = { schema: 'core', uniqueKeys: true, strict: true, prettyErrors: false, maxAliasCount: MAX_ALIASES, logLevel: 'error' } as const;

type Outcome = { ok: true; value: unknown } | { ok: false };

function reference(text: string): Outcome {
  try {
    return { ok: true, value: parse(text, REFERENCE) };
  } catch {
    return { ok: false };
  }
}

const enc = (s: string) => new TextEncoder().encode(s);

/** The pipeline must give `yaml`'s data, refuse what `yaml` refuses, and call a document of nothing empty. */
function expectSameAsYaml(text: string): 'fast' | 'fallback' | 'rejected' {
  const want = reference(text);
  const got = readYamlText('gen.yaml', text);
  const path = fastParse(text) === BAIL ? 'fallback' : 'fast';
  if (!want.ok) {
    expect(got.ok, `yaml refuses this, the pipeline (${path}) read it:\n${text}`).toBe(false);
    return 'rejected';
  }
  if (want.value === null || want.value === undefined) {
    expect(got.ok ? got.value : got.problems[0]!.message, text).toBe('file is empty');
    return 'rejected';
  }
  expect(got.ok, `yaml reads this, the pipeline (${path}) refused it:\n${text}\n${got.ok ? '' : JSON.stringify(got.problems)}`).toBe(true);
  if (got.ok) expect(got.value, `${path}:\n${text}`).toStrictEqual(want.value);
  return path;
}

/** Plain scalars by the YAML 1.2.2 core schema (spec §10.3.2), as JavaScript values. */
const CORE_SCALARS: [string, unknown][] = [
  ['+.5', 0.5],
  ['-.5', -0.5],
  ['.5', 0.5],
  ['5.', 5],
  ['1.5', 1.5],
  ['0b101', '0b101'],
  ['0b10100', '0b10100'],
  ['0o7', 7],
  ['0o17', 15],
  ['0o8', '0o8'],
  ['0O7', '0O7'],
  ['0x1F', 31],
  ['0x1f', 31],
  ['0X1F', '0X1F'],
  ['0xg', '0xg'],
  ['0x', '0x'],
  ['-0x1F', '-0x1F'],
  ['.inf', Infinity],
  ['+.inf', Infinity],
  ['-.Inf', -Infinity],
  ['.INF', Infinity],
  ['.iNf', '.iNf'],
  ['.NaN', NaN],
  ['.nan', NaN],
  ['-.nan', '-.nan'],
  ['1_000', '1_000'],
  ['1e3', 1000],
  ['1E+3', 1000],
  ['.5e3', 500],
  ['1e-3', 0.001],
  ['1e400', Infinity],
  ['1e', '1e'],
  ['e3', 'e3'],
  ['+1', 1],
  ['-12', -12],
  ['-0', -0],
  ['-0.0', -0],
  ['007', 7],
  ['08', 8],
  ['9007199254740993', 9007199254740992],
  // biome-ignore lint/correctness/noPrecisionLoss: the expected value is the double the text rounds to
  ['123456789012345678901234', 1.2345678901234568e23],
  ['2026-11-27', '2026-11-27'],
  ['2026-11-27T10:00:00Z', '2026-11-27T10:00:00Z'],
  ['12:30', '12:30'],
  ['1:30:00', '1:30:00'],
  ['0.1.2', '0.1.2'],
  ['1 000', '1 000'],
  ['+', '+'],
  ['.', '.'],
  ['~', null],
  ['null', null],
  ['Null', null],
  ['NULL', null],
  ['nULL', 'nULL'],
  ['true', true],
  ['True', true],
  ['TRUE', true],
  ['tRUE', 'tRUE'],
  ['false', false],
  ['FALSE', false],
  ['fALSE', 'fALSE'],
  ['yes', 'yes'],
  ['no', 'no'],
  ['on', 'on'],
  ['off', 'off'],
  ['Yes', 'Yes'],
  ['y', 'y'],
  ['n', 'n'],
];

/** How `yaml` makes an object key of a resolved scalar. */
const asKey = (v: unknown) => (v === null ? '' : String(v));

describe('odd plain scalars: the fast reader and the fallback agree with the core schema', () => {
  it.each(CORE_SCALARS)('%s', (s, want) => {
    // The reference itself reads the spec's way.
    expect(reference(`v: ${s}\n`)).toStrictEqual({ ok: true, value: { v: want } });

    // The fast reader takes all of them, as a block value and inside flow collections.
    expect(fastParse(`v: ${s}\n`)).toStrictEqual({ v: want });
    expect(fastParse(`- ${s}\n`)).toStrictEqual([want]);
    expect(fastParse(`v: [${s}, x]\n`)).toStrictEqual({ v: [want, 'x'] });
    expect(fastParse(`v: { k: ${s} }\n`)).toStrictEqual({ v: { k: want } });

    // As a key, it may leave the text to `yaml`, but if it reads it, it reads it alike.
    for (const text of [`${s}: x\n`, `v: { ${s}: x }\n`]) {
      const fast = fastParse(text);
      if (fast !== BAIL) expect(fast, text).toStrictEqual(reference(text).ok && (reference(text) as { value: unknown }).value);
    }
    expect(reference(`${s}: x\n`)).toStrictEqual({ ok: true, value: { [asKey(want)]: 'x' } });

    // The fallback (a block scalar with an indentation indicator makes the fast reader bail) reads the same value.
    const slow = `v: ${s}\nd: |2\n  text\n`;
    expect(fastParse(slow)).toBe(BAIL);
    const viaFallback = readYamlText('x.yaml', slow);
    expect(viaFallback.ok && viaFallback.value).toStrictEqual({ v: want, d: 'text\n' });
    const viaFast = readYamlText('x.yaml', `v: ${s}\n`);
    expect(viaFast.ok && viaFast.value).toStrictEqual({ v: want });
  });

  it('a %YAML 1.1 directive does not bring back 1.1 scalars on the fallback', () => {
    const r = readYamlText('x.yaml', '%YAML 1.1\n---\na: 0b101\nb: yes\nc: 1_000\nd: 12:30\n');
    expect(r.ok && r.value).toStrictEqual({ a: '0b101', b: 'yes', c: '1_000', d: '12:30' });
  });
});

/** A deterministic xorshift generator: the same documents on every run. */
function generator(seed: number) {
  let x = seed >>> 0 || 1;
  const next = () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x;
  };
  const int = (n: number) => next() % n;
  const pick = <T,>(xs: readonly T[]): T => xs[int(xs.length)]!;
  const chance = (p: number) => next() / 0x100000000 < p;
  return { int, pick, chance };
}

const ODD = CORE_SCALARS.map(([s]) => s);
const WORDS = ['Dana Kim', 'sales', 'mql', 'x', 'VP of Sales', 'https://x.y/z?a=1', '50%', 'a-b', 'snake_case', 'ünïcode', 'target 🎯', 'x|y', 'x>y', 'x&y', 'x*y', 'x!y', 'C#', 'a#b', '--', '-x', ':x', 'x:y', 'it\'s', 'say "hi"', 'x\u00a0', '\u00a0x', 'x\u2028y'];
const QUOTED = ['"q: x"', "'s'", '"\\u00e9"', '"tab\\there"', "'it''s'", '"a # b"', '""', "''", '"0b10100"', "'+.5'", '"x\\\\y"', '"\\"q\\""', '"\\/"', "'# not a comment'", '"2026-11-27"', '"true"'];
const KEYS = ['id', 'title', 'points', 'owner', 'when', 'note', 'a b', 'x.y', 'a-b', '"quoted key"', "'single'", '1', '1.0', '007', '0x1F', '.5', '1e3', 'true', 'null', '~', '-0', '+1', 'yes', '2026-11-27', '.inf', 'ünï'];
/** Lines that are not YAML, or not what they seem: `yaml` refuses them, so must the pipeline. */
const BROKEN = ['bad: - x', 'bad: -', 'bad: "x"#c', 'bad: [x]#c', "bad: 'x'#c", 'bad: ,x', 'bad: ]x', 'bad: }x', 'bad: [x, y', 'bad: { a: 1', 'bad: "open', 'bad: x: y', '\tbad: 1', 'bad: [a, b]]', 'bad: @x', 'bad: `x', 'bad: [a] b', 'bad: "x" y', 'bad: "\\q"', ' bad: 1'];

/** Block scalar headers: those the fast reader takes, those it leaves to `yaml`, and some `yaml` refuses. */
const HEADERS = ['|', '>', '|-', '>-', '|+', '>+'];
const HEADERS_RARE = ['|2', '>1', '|-2', '|2+', '>+1', '|1-'];
const HEADERS_BROKEN = ['|#c', '| text', '>-+', '|\t# c', '>x', '|0'];
/** Lines of block scalar text: plain words, and lines that would mean something outside a block scalar. */
const TEXT = [...WORDS, 'key: value', '- item', '-', '# not a comment', 'a # b', '#', '---', '...', '--- x', '%x', '"quoted"', "'single'", '[x, y', '{ a: 1 }', '&a', '*b', '!tag', '|', '>-', '? q', 'trailing  ', 'ünïcode ✓', '🎯 target', 'x\u2028y', 'x\u0085y', '@x', 'two  spaces'];

function documents(count: number, seed: number, blockScalars = 0.06): string[] {
  const g = generator(seed);
  const scalar = (): string => {
    const k = g.int(10);
    const s = k < 4 ? g.pick(ODD) : k < 7 ? g.pick(WORDS) : g.pick(QUOTED);
    return s;
  };
  const comment = () => (g.chance(0.15) ? ` # ${g.pick(['note', 'why: x', '#', ''])}` : '');
  const flow = (depth: number): string => {
    if (depth > 1 || g.chance(0.3)) return g.chance(0.8) ? scalar() : g.pick(['[]', '{}']);
    if (g.chance(0.5)) return `[${Array.from({ length: g.int(4) }, () => flow(depth + 1)).join(g.pick([', ', ',', ' , ']))}${g.chance(0.1) ? ', ' : ''}]`;
    return `{ ${Array.from({ length: g.int(4) }, (_, i) => `${g.chance(0.2) ? g.pick(KEYS) : `k${i}`}: ${g.chance(0.1) ? '' : flow(depth + 1)}`).join(', ')} }`;
  };
  const key = (i: number) => (g.chance(0.15) ? g.pick(KEYS) : `key${i}`);
  const value = () => (g.chance(0.3) ? flow(0) : scalar());

  const header = () => {
    const k = g.int(100);
    const h = k < 90 ? g.pick(HEADERS) : k < 97 ? g.pick(HEADERS_RARE) : g.pick(HEADERS_BROKEN);
    return g.chance(0.15) ? `${h}${g.pick([' # note', '  # why: x', ' #', ' # \u00e9 | >'])}` : h;
  };
  /** A block scalar's lines after its header, its text at `indent` columns, and now and then what the fast reader leaves to `yaml`. */
  const blockText = (indent: number): string[] => {
    const pad = ' '.repeat(indent);
    const blank = () => (g.chance(0.6) ? '' : ' '.repeat(g.chance(0.9) ? g.int(indent + 1) : indent + 1 + g.int(3)));
    const out: string[] = [];
    if (g.chance(0.1)) out.push(blank());
    const n = 1 + g.int(5);
    for (let i = 0; i < n; i++) {
      // Lines indented further: text to a literal scalar, a bail for a folded one; the first line so indented sets the
      // indentation, and a later line less indented ends the scalar early.
      const extra = g.chance(0.05) ? ' '.repeat(1 + g.int(3)) : '';
      let text = g.chance(0.7) ? g.pick(TEXT) : `${g.pick(TEXT)} ${g.pick(TEXT)}`;
      if (g.chance(0.02)) text = g.pick(['x\ty', '\tx', 'x\t', 'x\ry']);
      out.push(`${pad}${extra}${text}`);
      if (g.chance(0.2)) out.push(...Array.from({ length: 1 + g.int(2) }, blank));
      if (g.chance(0.01)) out.push(g.pick(['---', '...', '--- x', '# less indented comment']));
      if (g.chance(0.01)) out.push(`${' '.repeat(g.int(indent))}less indented`);
    }
    if (g.chance(0.05)) out.splice(0, out.length); // no text at all
    if (g.chance(0.3)) out.push(...Array.from({ length: 1 + g.int(3) }, blank));
    return out;
  };

  /** Block lines at an indentation; each entry is one or more whole lines. */
  const block = (indent: number, step: number, depth: number, asMap = g.chance(0.6)): string[] => {
    const pad = ' '.repeat(indent);
    const out: string[] = [];
    const n = 1 + g.int(4);
    for (let i = 0; i < n; i++) {
      if (g.chance(0.1)) out.push(`${' '.repeat(g.int(6))}# a comment line`);
      if (g.chance(0.05)) out.push('');
      const nest = depth < 3 && g.chance(0.3);
      const scalarIndent = () => indent + g.pick([1, 2, 2, step, 4]);
      if (g.chance(blockScalars)) {
        if (asMap) out.push(`${pad}${key(i)}: ${header()}`, ...blockText(scalarIndent()));
        else if (g.chance(0.5)) out.push(`${pad}- ${header()}`, ...blockText(scalarIndent()));
        else {
          // "- k: |": the text must sit right of k, two columns further than the dash.
          out.push(`${pad}- ${key(0)}: ${header()}`, ...blockText(scalarIndent() + g.pick([2, 2, 2, 1])));
          if (g.chance(0.5)) out.push(`${pad}  ${key(1)}: ${value()}`);
        }
      } else if (asMap && nest) {
        // A sequence under a key may sit at the key's own column.
        const inner = g.chance(0.25) ? block(indent, step, depth + 1, false) : block(indent + step, step, depth + 1);
        out.push(`${pad}${key(i)}:${comment()}`, ...inner);
      } else if (asMap) {
        out.push(`${pad}${key(i)}:${g.chance(0.05) ? '' : ` ${value()}`}${comment()}`);
      } else if (nest && g.chance(0.5)) {
        out.push(`${pad}-${comment()}`, ...block(indent + step, step, depth + 1));
      } else if (g.chance(0.35)) {
        // "- k: v" opens a mapping whose other keys line up under k.
        const m = 1 + g.int(3);
        for (let j = 0; j < m; j++) out.push(`${j === 0 ? `${pad}- ` : `${pad}  `}${key(j)}: ${value()}${comment()}`);
      } else {
        out.push(`${pad}- ${value()}${comment()}`);
      }
    }
    return out;
  };

  /** Entries that send a document down the fallback: each is something the fast reader leaves to `yaml`. */
  const fallback = (): string[] =>
    g.pick([
      () => [`desc: ${g.pick(HEADERS_RARE)}`, '    First line.', '', '    Second: line # kept', 'after: 1'],
      () => [`desc: ${g.pick(['>', '>-', '>+'])}`, '  First line.', '    more indented', '  back', 'after: 1'],
      () => [`base: &b ${flow(0)}`, `copy: *b`],
      () => [`one: &one ${scalar()}`, `list: [*one, *one, ${scalar()}]`],
      () => ['list: [a,', `  ${scalar()}, ${scalar()}]`],
      () => ['map: { a: 1,', `  b: ${scalar()} }`],
      () => [`note: ${g.pick(WORDS)}`, `  ${g.pick(WORDS)}`],
      () => [`tagged: !!str ${g.pick(ODD)}`],
      () => ['? explicit', `: ${scalar()}`],
      () => ['seqs:', '  - - a', '    - b'],
      () => [`quoted: "two`, `  lines"`],
      () => [`bomb: &x [${Array.from({ length: 12 }, () => 'x').join(', ')}]`, `boom: [${Array.from({ length: 12 }, () => '*x').join(', ')}]`],
      () => [`esc: "\\x41\\N\\_"`],
    ])();

  const docs: string[] = [];
  for (let d = 0; d < count; d++) {
    const step = g.pick([2, 2, 4]);
    const lines = block(0, step, 0);
    const isMap = !lines.find((l) => l.trim() !== '' && !l.trimStart().startsWith('#'))!.startsWith('-');
    // Extra top-level entries go only where they fit: between the top level's own lines.
    const topLevel = lines.map((l, i) => (l.startsWith(' ') || l === '' ? -1 : i)).filter((i) => i >= 0);
    const insert = (extra: string[]) => {
      const at = g.chance(0.5) ? lines.length : g.pick(topLevel);
      lines.splice(at, 0, ...(isMap ? extra : extra.map((l, i) => (i === 0 ? `- ${l}` : `  ${l}`))));
    };
    if (g.chance(0.35)) insert(fallback());
    if (g.chance(0.06)) insert([g.pick(BROKEN)]);
    let text = lines.join(g.chance(0.05) ? '\r\n' : '\n') + (g.chance(0.9) ? '\n' : '');
    if (g.chance(0.03)) text = `---\n${text}`;
    if (g.chance(0.02)) text = `%YAML 1.1\n---\n${text}`;
    docs.push(text);
  }
  return docs;
}

describe('the pipeline reads as `yaml` does (differential, seeded)', () => {
  it('2000 generated workspace-shaped documents, whichever path each takes', () => {
    const paths = { fast: 0, fallback: 0, rejected: 0 };
    for (const text of documents(2000, 20261127)) paths[expectSameAsYaml(text)]++;
    // Each path is exercised, and clean documents mostly stay on the fast one.
    expect(paths.fast).toBeGreaterThan(600);
    expect(paths.fallback).toBeGreaterThan(400);
    expect(paths.rejected).toBeGreaterThan(40);
  });

  it('1600 generated documents full of block scalars', () => {
    const paths = { fast: 0, fallback: 0, rejected: 0 };
    let fastWithBlockScalar = 0;
    for (const text of documents(1600, 20261130, 0.4)) {
      const path = expectSameAsYaml(text);
      paths[path]++;
      if (path === 'fast' && /(: |- )[|>]/.test(text)) fastWithBlockScalar++;
    }
    // The common block scalars stay on the fast path; the rarer ones go to `yaml`, and some it refuses.
    expect(fastWithBlockScalar).toBeGreaterThan(240);
    expect(paths.fallback).toBeGreaterThan(400);
    expect(paths.rejected).toBeGreaterThan(200);
  });

  it('every YAML file in the repository', () => {
    const files = ['templates', 'test/fixtures']
      .flatMap((dir) => readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true }))
      .filter((d) => d.isFile() && /\.ya?ml$/.test(d.name))
      .map((d) => join(d.parentPath, d.name));
    expect(files.length).toBeGreaterThan(20);
    const paths = { fast: 0, fallback: 0, rejected: 0 };
    for (const f of files) {
      // Files that do not decode (binary, Latin-1, conflict markers) never reach a reader.
      const decoded = decodeYamlBytes(f, readFileSync(f));
      if (decoded.ok) paths[expectSameAsYaml(decoded.text)]++;
    }
    // The templates and fixtures are written the plain way: most take the fast path.
    expect(paths.fast).toBeGreaterThan(20);
  });

  it('the built-in agenda templates take the fast path, their block scalars too', () => {
    const dir = join(ROOT, 'templates/agendas');
    const texts = readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8'));
    expect(texts.length).toBe(5);
    for (const text of texts) {
      expect(text).toMatch(/^description: >-$/m);
      expect(fastParse(text)).not.toBe(BAIL);
    }
  });
});

describe('a rubric reads the same with or without an unrelated block scalar, whichever path it takes', () => {
  // No description; one the fast reader takes; one it leaves to `yaml` (an indentation indicator).
  const DESCRIPTIONS = ['', 'description: |\n  Inbound leads.\n  Reviewed each quarter.\n', 'description: |2\n  Inbound leads.\n  Reviewed each quarter.\n'];
  const rubric = (points: string, description: string) =>
    `${description}stages:\n  - { id: mql, min: 1 }\ncriteria:\n  - id: size\n    when: { field: employees, op: gte, value: 200 }\n    points: ${points}\n`;

  it.each(['0b10100', '+.5', '-.5', '0x14', '0o24', '1_000', '.inf', '1e3', '20'])('points: %s', (points) => {
    const texts = DESCRIPTIONS.map((d) => rubric(points, d));
    expect(texts.map((t) => fastParse(t) !== BAIL)).toEqual([true, true, false]);

    // What the points are by `yaml`'s reading, and so whether the schema takes them.
    const want = (parse(texts[0]!, REFERENCE) as { criteria: { points: unknown }[] }).criteria[0]!.points;
    const aNumber = typeof want === 'number' && Number.isFinite(want);

    const text = (ps: { message: string; hint?: string }[]) => ps.map(({ message, hint }) => ({ message, hint }));
    const loads = texts.map((t) => loadYaml('rubric.yaml', enc(t), RubricSchema, checkRubric));
    const lints = texts.map((t) => loadRubricForLint('rubric.yaml', enc(t)));
    for (const r of loads) {
      expect(r.ok).toBe(aNumber);
      if (r.ok) expect(r.data.criteria[0]!.points).toBe(want);
    }
    for (const r of lints) {
      expect(r.ok).toBe(aNumber);
      if (r.ok) expect(r.rubric.criteria[0]!.points).toBe(want);
    }
    const problems = [...loads, ...lints].map((r) => (r.ok ? [] : r.problems));
    if (!aNumber) {
      // The same words from both loaders, with or without the block scalar; the line moves with it.
      for (const ps of problems) expect(text(ps)).toStrictEqual(text(problems[0]!));
      expect(problems.map((ps) => ps[0]!.line)).toEqual([6, 9, 9, 6, 9, 9]);
    }
  });

  it('0b10100 is not a number in YAML 1.2, whichever path the file takes', () => {
    for (const description of DESCRIPTIONS) {
      const r = loadYaml('rubric.yaml', enc(rubric('0b10100', description)), RubricSchema, checkRubric);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.problems[0]!.message).toMatch(/^criteria\[0\]\.points: expected a number/);
    }
  });

  it('+.5 is one half, whichever path the file takes', () => {
    for (const description of DESCRIPTIONS) {
      const r = loadYaml('rubric.yaml', enc(rubric('+.5', description)), RubricSchema, checkRubric);
      expect(r.ok && r.data.criteria[0]!.points).toBe(0.5);
      const l = loadRubricForLint('rubric.yaml', enc(rubric('+.5', description)));
      expect(l.ok && l.rubric.criteria[0]!.points).toBe(0.5);
    }
  });
});

describe('merge-conflict markers', () => {
  it('are found at the start of a line only', () => {
    expect(decodeYamlBytes('x.yaml', enc('a: x ======= y\nb: "<<<<<<< not one"\nc: >>>>>>>\n')).ok).toBe(true);
    for (const marker of ['<<<<<<< HEAD', '=======', '>>>>>>> main']) {
      const decoded = decodeYamlBytes('x.yaml', enc(`a: 1\n${marker}\nb: 2\n`));
      expect(decoded.ok ? null : decoded.problem).toMatchObject({ line: 2, col: 1, message: 'unresolved git merge-conflict marker' });
    }
  });
});

describe('align rubric test reads through the same pipeline entry', () => {
  const bad = join(ROOT, 'test/fixtures/bad');
  const cases = readdirSync(bad).filter((f) => /^rubric-.*\.yaml$/.test(f));

  it.each(cases)('%s: problems before the schema are the pipeline\'s, word for word', (name) => {
    const bytes = readFileSync(join(bad, name));
    const read = readYaml('rubric.yaml', bytes);
    const load = loadYaml('rubric.yaml', bytes, RubricSchema, checkRubric);
    const lint = loadRubricForLint('rubric.yaml', bytes);
    if (!read.ok) {
      expect(load).toStrictEqual({ ok: false, problems: read.problems });
      expect(lint).toStrictEqual({ ok: false, problems: read.problems });
    }
  });

  it('an empty file, an alias bomb and undecodable bytes give both loaders the same problem', () => {
    const bomb = `a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [${Array(10).fill('*a').join(', ')}]\nc: &c [${Array(10).fill('*b').join(', ')}]\n`;
    for (const bytes of [enc(''), enc('# only a comment\n'), enc(bomb), new Uint8Array([0x61, 0x3a, 0x20, 0xff, 0x0a]), enc('a: 1\n<<<<<<< HEAD\n')]) {
      const load = loadYaml('rubric.yaml', bytes, RubricSchema, checkRubric);
      const lint = loadRubricForLint('rubric.yaml', bytes);
      expect(load.ok).toBe(false);
      expect(lint).toStrictEqual(load);
    }
  });
});
