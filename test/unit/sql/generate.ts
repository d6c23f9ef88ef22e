/**
 * Seeded random rubrics and leads for the differential tests: every lead value is text, drawn
 * from one pool of numbers, dates, booleans and words written the ways people write them
 * (and the ways they should not), so every reading meets every kind of text.
 */
import type { Condition, Leaf } from '../../../src/core/schemas/condition.js';
import { RubricSchema, type Rubric } from '../../../src/core/schemas/rubric.js';
import { checkRubric } from '../../../src/core/checks/rubric.js';

export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Column names that need quoting in every engine. */
export const COLUMNS = ['employees', 'Job Title', 'coun"try', 'demo requested?', 'last;activity', 'Score', "o'clock", 'select', 'back\\slash', 'views'];
export const ID_COLUMN = 'lead id';

export const VALUES: (string | null)[] = [
  // numbers, readable and not
  '0', '1', '5', '42', '200', '1,200', '12,345.5', '  42 ', '-3.5', '+7', '.5', '5.', '1e3', '2E-2', '1,2345', '12345,678', ',5', '5k', '$5', '0x10',
  '1e400', '1e-400', '-0', '1e0005', '99.999999', '199', '201', '3', '2', '\u00a07\u00a0', '4.9e-324', '1.7976931348623159e308',
  '\t12\t', '1,200.50', '1e3\n', '1e-0400', '0e5000', '2e5000', '\u20035', '12 345',
  // dates
  '2026-11-27', '2026-11-20', '2026-11-13', '2026-10-01', '2026-08-27', '2026-08-31', '2025-11-27', '2026-02-29', '2024-02-29', '2026-02-30',
  '2026-11-20T10:00:00Z', '2026-11-26 23:59', '2026-11-26T23:59:59.999+05:30', ' 2026-11-01 ', '2026/11/20', '2026-11-20T25:99', '2026-11-20t10:00',
  '2026-11-20Z', '0000-02-29', '9999-12-31', '2026-13-01', '2026-11-20 10:00 +0100', '2026-11-20T10:00-0800', '2026-11-20\t', '\t2026-11-20', '2026-11-20T10:00:00+05', '20261120',
  // booleans
  'true', 'TRUE', ' yes ', 'No', 'y', 'truee', '  true        ', 'FALSE', 'no', '\ttrue\n',
  // text
  'US', ' us ', 'Us', 'CA', 'gb', 'VP Sales', 'vp', 'Director of "Marketing"', 'head of growth', "O'Brien", 'a\\b', 'x; DROP TABLE leads; --',
  'rival.com', 'RIVAL.COM ', 'ÉCOLE', 'école', 'Straße', '\u2003', '\u2003x', ' ', '', '\t', null, 'a\nb', 'sales-ready', 'ab.c', 'abc', 'a_c', 'vip',
];

export function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

export function randomLeads(r: () => number, count: number): (string | null)[][] {
  return Array.from({ length: count }, (_, i) => [`L${i}`, ...COLUMNS.map(() => pick(r, VALUES))]);
}

/** Hand-picked rows: every column unknown, every column one tricky value. */
export function edgeLeads(): (string | null)[][] {
  const rows: (string | null)[][] = [];
  for (const v of VALUES) rows.push([`E${rows.length}`, ...COLUMNS.map(() => v)]);
  return rows;
}

const TEXTS = ['US', 'ca', ' GB ', 'vp', 'sales', "o'brien", 'a\\b', 'x; DROP TABLE leads; --', 'rival.com', 'école', 'true', '5', '', 'Director of "Marketing"', 'ab.c'];
const NUMBERS = [0, 1, 2, 3, 5, 42, 200, 1200, 12345.5, -3.5, 0.5, 199.5, 1000];
const DATES = ['2026-11-20', '2026-11-27', '2026-02-29', '2026-02-30', '2025-11-27T08:00:00Z', '2026-08-31', '0000-02-29'];
const PERIODS = ['1d', '7d', '14d', '8w', '1m', '3m', '0d'];
/** JavaScript expressions that translate to every engine (RE2 and POSIX included). */
export const PORTABLE_PATTERNS = [
  '\\b(vp|director|head)\\b', '^a.c$', '[0-9]{3}', 'sales$', '^\\d+$', "o'b", 'a\\\\b', 'ab\\.c', '[^a-z ]', '\\s', 'é', 'x;\\s*drop',
  '^(us|ca|gb)$', 'r[aeiou]+v', '\\w+\\.com', '^$', '[-_.]', 'e{2,}', '\\bus\\b', '(?:vp|vip)', '^[\\w ]+$', '\\S\\s\\S',
];

function leaf(r: () => number): Leaf {
  const field = pick(r, COLUMNS);
  const op = pick(r, ['eq', 'neq', 'in', 'not_in', 'contains', 'not_contains', 'starts_with', 'ends_with', 'gt', 'gte', 'lt', 'lte', 'between', 'matches', 'is_known', 'is_unknown', 'within_last', 'before', 'after'] as const);
  const scalar = () => {
    const k = r();
    return k < 0.35 ? pick(r, NUMBERS) : k < 0.55 ? pick(r, DATES) : k < 0.7 ? r() < 0.5 : pick(r, TEXTS);
  };
  switch (op) {
    case 'is_known':
    case 'is_unknown':
      return { field, op };
    case 'eq':
    case 'neq':
      return { field, op, value: scalar() };
    case 'in':
    case 'not_in':
      return { field, op, value: Array.from({ length: 1 + Math.floor(r() * 4) }, scalar) };
    case 'contains':
    case 'not_contains':
    case 'starts_with':
    case 'ends_with':
      return { field, op, value: r() < 0.8 ? pick(r, TEXTS) : pick(r, NUMBERS) };
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return { field, op, value: r() < 0.7 ? pick(r, NUMBERS) : pick(r, DATES) };
    case 'between': {
      const both = r() < 0.7 ? [pick(r, NUMBERS), pick(r, NUMBERS)] : [pick(r, DATES), pick(r, DATES)];
      both.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      return { field, op, value: both };
    }
    case 'matches':
      return { field, op, value: pick(r, PORTABLE_PATTERNS) };
    case 'within_last':
      return { field, op, value: pick(r, PERIODS) };
    case 'before':
    case 'after':
      return { field, op, value: pick(r, DATES) };
  }
}

function condition(r: () => number, depth: number): Condition {
  const k = r();
  if (depth >= 2 || k < 0.55) return leaf(r);
  const kids = () => Array.from({ length: 1 + Math.floor(r() * 3) }, () => condition(r, depth + 1));
  if (k < 0.7) return { all: kids() };
  if (k < 0.85) return { any: kids() };
  if (k < 0.92) return { not: condition(r, depth + 1) };
  const of = kids();
  return { at_least: 1 + Math.floor(r() * of.length), of };
}

export function randomRubric(seed: number): Rubric {
  const r = rng(seed);
  const decimal = r() < 0.3;
  const points = () => (decimal ? pick(r, [0.1, 0.2, 0.3, 2.5, 7.25, -1.1, 10]) : pick(r, [5, 10, 15, 20, 25, -10, 0]));
  const criteria = Array.from({ length: 3 + Math.floor(r() * 8) }, (_, i) => {
    const gate = r() < 0.1;
    return {
      id: `c-${i}`,
      dimension: r() < 0.5 ? ('fit' as const) : ('engagement' as const),
      when: condition(r, 0),
      ...(gate ? { disqualify: true, ...(r() < 0.5 ? { points: points() } : {}) } : { points: points() }),
    };
  });
  const first = decimal ? pick(r, [0.3, 0.6, 5]) : pick(r, [10, 20, 30]);
  const stages = [
    { id: 'mql', min: first },
    { id: 'sql', min: first + (decimal ? pick(r, [0.1, 0.3, 10]) : pick(r, [10, 25])), ...(r() < 0.5 ? { require: { fit: pick(r, [0, 10, 0.2]) } } : {}) },
  ];
  const dimensions = r() < 0.5 ? { fit: { max: pick(r, [20, 30, 0.3]) }, ...(r() < 0.5 ? { engagement: { max: 25 } } : {}) } : undefined;
  const rubric = RubricSchema.parse({ name: `random ${seed}`, stages, criteria, ...(dimensions ? { dimensions } : {}) });
  const problems = checkRubric(rubric);
  if (problems.length) throw new Error(`generated an invalid rubric (seed ${seed}): ${problems[0]!.message}`);
  return rubric;
}
