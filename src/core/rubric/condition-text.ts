import type { Condition, Leaf, LeafValue } from '../schemas/condition.js';
import { isLeaf } from '../schemas/is-leaf.js';

const SYMBOL: Partial<Record<Leaf['op'], string>> = { eq: '=', neq: '≠', gt: '>', gte: '≥', lt: '<', lte: '≤' };
const WORDS: Partial<Record<Leaf['op'], string>> = {
  in: 'in',
  not_in: 'not in',
  contains: 'contains',
  not_contains: 'does not contain',
  starts_with: 'starts with',
  ends_with: 'ends with',
  within_last: 'within last',
  before: 'before',
  after: 'after',
};

/**
 * Descriptions by condition, made once: a rubric's history shows a changed condition as the
 * "after" of one version and the "before" of the next, and again in the version's summary.
 * A condition read from a file is never changed afterwards, so its description stays true.
 */
const DESCRIBED = new WeakMap<Condition, string>();

/** A condition as a person reads it: "employees ≥ 200", "title matches /vp/", "2 of: a; b; c". */
export function describeCondition(c: Condition): string {
  let text = DESCRIBED.get(c);
  if (text === undefined) {
    text = describe(c);
    DESCRIBED.set(c, text);
  }
  return text;
}

function describe(c: Condition): string {
  if (isLeaf(c)) return describeLeaf(c);
  if ('all' in c) return c.all.map(nested).join(' and ');
  if ('any' in c) return c.any.map(nested).join(' or ');
  if ('not' in c) return `not ${nested(c.not)}`;
  return `${c.at_least} of: ${c.of.map(nested).join('; ')}`;
}

function nested(c: Condition): string {
  return isLeaf(c) ? describeLeaf(c) : `(${describeCondition(c)})`;
}

function describeLeaf(l: Leaf): string {
  const field = /^[\w.-]+$/.test(l.field) ? l.field : JSON.stringify(l.field);
  switch (l.op) {
    case 'is_known':
      return `${field} is known`;
    case 'is_unknown':
      return `${field} is unknown`;
    case 'matches':
      return `${field} matches /${String(l.value)}/`;
    case 'between': {
      const [lo, hi] = Array.isArray(l.value) ? l.value : [l.value, l.value];
      return `${field} between ${formatValue(lo)} and ${formatValue(hi)}`;
    }
    default:
      return `${field} ${SYMBOL[l.op] ?? WORDS[l.op] ?? l.op} ${formatValue(l.value)}`;
  }
}

/** A rubric value as written in YAML flow style; text is quoted only when it would read ambiguously. */
export function formatValue(v: LeafValue | undefined | null): string {
  if (v === undefined || v === null) return '—';
  if (Array.isArray(v)) return `[${v.map((x) => formatValue(x)).join(', ')}]`;
  if (typeof v === 'string') return /^[\w@./:+-]+$/.test(v) && !/^(true|false|yes|no|null|-?\d[\d.]*)$/i.test(v) ? v : JSON.stringify(v);
  return String(v);
}

/** A stable text for a value whatever its key order, so that equal data compares equal. */
export function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'undefined';
}

/** Deep equality of parsed YAML data; a key whose value is undefined counts as absent. */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const y = b as unknown[];
    return a.length === y.length && a.every((v, i) => sameData(v, y[i]));
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  for (const k in x) if (x[k] !== undefined && !sameData(x[k], y[k])) return false;
  for (const k in y) if (y[k] !== undefined && x[k] === undefined) return false;
  return true;
}
