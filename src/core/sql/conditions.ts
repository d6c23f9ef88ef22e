/**
 * A rubric condition as a SQL boolean that is never NULL: every leaf is false on an unknown
 * value (so `neq` and `not_in` are too), and `not` is plain negation, as in the evaluator
 * (src/core/rubric/compile.ts and predicates.ts). Rubric values become quoted literals only.
 */
import { isLeaf, type Condition, type Leaf } from '../schemas/condition.js';
import { readingOf } from '../rubric/engine/predicates.js';
import { readDay, windowStart } from '../rubric/engine/read.js';
import type { Dialect } from './dialect.js';
import { dayToYmd, type Reading } from './reads.js';
import { translateRegex } from './regex-emit.js';

/** Gives the column that holds a field's reading, asking for it to be computed. */
export type ReadColumn = (field: string, reading: Reading | 'blank') => string;

export function conditionSql(c: Condition, d: Dialect, col: ReadColumn, asOf: string): string {
  if (isLeaf(c)) return leafSql(c, d, col, asOf);
  if ('not' in c) return `(NOT ${conditionSql(c.not, d, col, asOf)})`;
  if ('all' in c) return join(c.all.map((s) => conditionSql(s, d, col, asOf)), 'AND');
  if ('any' in c) return join(c.any.map((s) => conditionSql(s, d, col, asOf)), 'OR');
  const count = c.of.map((s) => `CASE WHEN ${conditionSql(s, d, col, asOf)} THEN 1 ELSE 0 END`).join(' + ');
  return `((${count}) >= ${c.at_least})`;
}

function join(parts: string[], op: 'AND' | 'OR'): string {
  return parts.length === 1 ? parts[0]! : `(${parts.join(` ${op} `)})`;
}

/** A rubric value as the constant its reading compares with; null when it can never match (an impossible date). */
function constant(value: unknown, reading: Reading, d: Dialect): string | null {
  switch (reading) {
    case 'number':
      return d.double(value as number);
    case 'boolean':
      return value ? 'TRUE' : 'FALSE';
    case 'date': {
      const day = readDay(String(value));
      return !Number.isNaN(day) ? String(dayToYmd(day)) : null;
    }
    case 'text':
      return d.str(String(value).trim().toLowerCase());
  }
}

const known = (e: string) => `COALESCE(${e}, FALSE)`;

function leafSql(leaf: Leaf, d: Dialect, col: ReadColumn, asOf: string): string {
  const { field, value } = leaf;
  const text = () => col(field, 'text');
  switch (leaf.op) {
    case 'is_known':
      return `(NOT ${col(field, 'blank')})`;
    case 'is_unknown':
      return col(field, 'blank');
    case 'eq':
    case 'neq': {
      const reading = readingOf(value);
      const v = col(field, reading);
      const want = constant(value, reading, d);
      // An impossible date equals no day, so `neq` holds for every readable day.
      if (want === null) return leaf.op === 'eq' ? 'FALSE' : `(${v} IS NOT NULL)`;
      return known(`${v} ${leaf.op === 'eq' ? '=' : '<>'} ${want}`);
    }
    case 'in':
    case 'not_in':
      return membership(leaf, d, col);
    case 'contains':
    case 'not_contains':
    case 'starts_with':
    case 'ends_with': {
      const want = String(value).trim().toLowerCase();
      const t = text();
      if (want === '') return leaf.op === 'not_contains' ? 'FALSE' : `(${t} IS NOT NULL)`;
      const w = d.str(want);
      if (leaf.op === 'contains') return known(d.contains(t, w));
      if (leaf.op === 'not_contains') return known(`NOT ${d.contains(t, w)}`);
      return known(leaf.op === 'starts_with' ? d.startsWith(t, w) : d.endsWith(t, w));
    }
    case 'matches':
      return known(d.regex(text(), translateRegex(String(value), d.flavor), true));
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const reading = readingOf(value);
      const want = constant(value, reading, d);
      if (want === null) return 'FALSE';
      const op = { gt: '>', gte: '>=', lt: '<', lte: '<=' }[leaf.op];
      return known(`${col(field, reading)} ${op} ${want}`);
    }
    case 'between': {
      const [lo, hi] = value as [unknown, unknown];
      const reading = readingOf(lo);
      const a = constant(lo, reading, d);
      const b = constant(hi, reading, d);
      if (a === null || b === null) return 'FALSE';
      return known(`${col(field, reading)} BETWEEN ${a} AND ${b}`);
    }
    case 'before':
    case 'after': {
      const want = constant(value, 'date', d);
      if (want === null) return 'FALSE';
      return known(`${col(field, 'date')} ${leaf.op === 'before' ? '<' : '>'} ${want}`);
    }
    case 'within_last': {
      const end = readDay(asOf);
      const start = windowStart(asOf, String(value));
      if (Number.isNaN(end) || Number.isNaN(start)) return 'FALSE';
      return known(`${col(field, 'date')} BETWEEN ${dayToYmd(start)} AND ${dayToYmd(end)}`);
    }
  }
}

/** `in` matches a listed value of any reading; `not_in` needs the lead readable by one of the list's readings, and no match. */
function membership(leaf: Leaf, d: Dialect, col: ReadColumn): string {
  const byReading = new Map<Reading, string[]>();
  for (const value of leaf.value as unknown[]) {
    const reading = readingOf(value);
    const list = byReading.get(reading) ?? [];
    const c = constant(value, reading, d);
    if (c !== null && !list.includes(c)) list.push(c);
    byReading.set(reading, list);
  }
  const readings = (['number', 'boolean', 'date', 'text'] as Reading[]).filter((r) => byReading.has(r));
  const hits = readings.filter((r) => byReading.get(r)!.length).map((r) => known(`${col(leaf.field, r)} IN (${byReading.get(r)!.join(', ')})`));
  const hit = hits.length ? join(hits, 'OR') : 'FALSE';
  if (leaf.op === 'in') return hit;
  const readable = join(readings.map((r) => `(${col(leaf.field, r)} IS NOT NULL)`), 'OR');
  return `(${readable} AND NOT ${hit})`;
}
