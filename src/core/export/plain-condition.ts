import { isLeaf, type Condition, type Leaf, type LeafValue } from '../schemas/condition.js';
import type { Scalar } from '../schemas/common.js';

/**
 * A rubric condition as a sentence a sales manager reads aloud: "Employees is at least 200",
 * "Country is one of US, CA or GB", "at least 2 of: …". Plain text; the renderer escapes it.
 */
export function conditionInWords(c: Condition): string {
  if (isLeaf(c)) return leafInWords(c);
  if ('all' in c) return c.all.map(nested).join(' and ');
  if ('any' in c) return c.any.map(nested).join(' or ');
  if ('not' in c) return `not ${nested(c.not)}`;
  return `at least ${c.at_least} of: ${c.of.map(nested).join('; ')}`;
}

function nested(c: Condition): string {
  return isLeaf(c) ? leafInWords(c) : `(${conditionInWords(c)})`;
}

/** A column header as words: `demo_requested` reads "Demo requested". */
export function fieldInWords(field: string): string {
  const words = field.replace(/[_-]+/g, ' ').replace(/\s+/g, ' ').trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : field;
}

const UNIT: Record<string, [string, string]> = { d: ['day', 'days'], w: ['week', 'weeks'], m: ['month', 'months'] };

function leafInWords(l: Leaf): string {
  const f = fieldInWords(l.field);
  const v = l.value;
  const isDate = typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v);
  switch (l.op) {
    case 'eq':
      return `${f} is ${scalar(v)}`;
    case 'neq':
      return `${f} is not ${scalar(v)}`;
    case 'in':
      return `${f} is one of ${list(v, 'or')}`;
    case 'not_in':
      return `${f} is none of ${list(v, 'or')}`;
    case 'contains':
      return `${f} contains "${scalar(v)}"`;
    case 'not_contains':
      return `${f} does not contain "${scalar(v)}"`;
    case 'starts_with':
      return `${f} starts with "${scalar(v)}"`;
    case 'ends_with':
      return `${f} ends with "${scalar(v)}"`;
    case 'gt':
      return `${f} is ${isDate ? 'after' : 'more than'} ${scalar(v)}`;
    case 'gte':
      return `${f} is ${isDate ? 'on or after' : 'at least'} ${scalar(v)}`;
    case 'lt':
      return `${f} is ${isDate ? 'before' : 'less than'} ${scalar(v)}`;
    case 'lte':
      return `${f} is ${isDate ? 'on or before' : 'at most'} ${scalar(v)}`;
    case 'between': {
      const [lo, hi] = Array.isArray(v) ? v : [v, v];
      return `${f} is between ${scalar(lo)} and ${scalar(hi)}`;
    }
    case 'matches':
      return `${f} matches the pattern /${String(v)}/`;
    case 'is_known':
      return `${f} is known`;
    case 'is_unknown':
      return `${f} is unknown`;
    case 'within_last':
      return `${f} is within the last ${period(String(v))}`;
    case 'before':
      return `${f} is before ${scalar(v)}`;
    case 'after':
      return `${f} is after ${scalar(v)}`;
  }
}

function scalar(v: LeafValue | undefined): string {
  if (v === undefined) return '—';
  if (Array.isArray(v)) return list(v, 'and');
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'number') return formatNumber(v);
  return v;
}

function list(v: LeafValue | undefined, last: 'or' | 'and'): string {
  const items = (Array.isArray(v) ? v : v === undefined ? [] : [v]).map((x: Scalar) => scalar(x));
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${last} ${items[items.length - 1]}`;
}

function period(text: string): string {
  const m = /^(\d+)([dwm])$/.exec(text.trim());
  if (!m) return text;
  const n = Number(m[1]);
  const [one, many] = UNIT[m[2]!]!;
  return `${n} ${n === 1 ? one : many}`;
}

/** 1200000 → "1,200,000"; decimals kept as written. The same on every machine (no locale). */
export function formatNumber(n: number): string {
  const [int, frac] = String(Math.abs(n)).split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${n < 0 ? '-' : ''}${grouped}${frac ? `.${frac}` : ''}`;
}

/** Points as a signed number: +15, -5, +2.5. */
export function signedPoints(n: number): string {
  return n < 0 ? `-${formatNumber(-n)}` : `+${formatNumber(n)}`;
}
