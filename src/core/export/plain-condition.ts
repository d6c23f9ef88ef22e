import { isLeaf, type Condition, type Leaf, type LeafValue } from '../schemas/condition.js';
import type { Scalar } from '../schemas/common.js';
import { patternInWords, type PatternHow } from './pattern-words.js';

/**
 * A rubric condition as a sentence a sales manager reads aloud: "Employees is at least 200",
 * "Country is one of US, CA or GB", "Title mentions "vp" or "director"", "At least 2 of: …".
 * No operator names and no regular expressions where words say the same. Plain text; the
 * renderer escapes it.
 */
export function conditionInWords(c: Condition): string {
  const words = phrase(c).yes;
  return words[0]!.toUpperCase() + words.slice(1);
}

/** What a condition says, and what its negation (`not:`) says: true also when the value is unknown. */
interface Phrase {
  yes: string;
  no: string;
}

function phrase(c: Condition): Phrase {
  if (isLeaf(c)) return leafPhrase(c);
  if ('not' in c) {
    const inner = phrase(c.not);
    return { yes: inner.no, no: inner.yes };
  }
  if ('all' in c) {
    const parts = c.all.map(nested);
    return { yes: parts.join(' and '), no: `not all of: ${parts.join('; ')}` };
  }
  if ('any' in c) {
    const parts = c.any.map(nested);
    return { yes: parts.join(' or '), no: `none of: ${parts.join('; ')}` };
  }
  const parts = c.of.map(nested);
  return { yes: `at least ${c.at_least} of: ${parts.join('; ')}`, no: `fewer than ${c.at_least} of: ${parts.join('; ')}` };
}

/** A part of "A and B": a leaf as it is, a group (or a negation that reads "… or has no value") in parentheses. */
function nested(c: Condition): string {
  const p = phrase(c).yes;
  return isLeaf(c) || ('not' in c && isLeaf(c.not) && !p.includes(' or ')) ? p : `(${p})`;
}

/** A column header as words: `demo_requested` reads "Demo requested". */
export function fieldInWords(field: string): string {
  const words = field.replace(/[_-]+/g, ' ').replace(/\s+/g, ' ').trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : field;
}

const UNIT: Record<string, [string, string]> = { d: ['day', 'days'], w: ['week', 'weeks'], m: ['month', 'months'] };

const isDate = (v: unknown) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v);

/**
 * One comparison in words. A comparison on an unknown value is false, so `neq`, `not_in` and
 * `not_contains` say the value is there ("has a value other than …"), and the negation of a
 * comparison is true for an unknown value too ("is not …").
 */
function leafPhrase(l: Leaf): Phrase {
  const f = fieldInWords(l.field);
  const v = l.value;
  if (typeof v === 'boolean' && (l.op === 'eq' || l.op === 'neq')) return flag(l.field, l.op === 'eq' ? v : !v);
  const both = (yes: string, no: string): Phrase => ({ yes: `${f} ${yes}`, no: `${f} ${no}` });
  const on = isDate(v) ? 'on ' : '';
  switch (l.op) {
    case 'eq':
      return both(`is ${on}${scalar(v)}`, `is not ${on}${scalar(v)}`);
    case 'neq':
      return both(`has a value other than ${scalar(v)}`, `is ${on}${scalar(v)} or has no value`);
    case 'in':
      return both(`is ${oneOf(v)}`, `is not ${oneOf(v)}`);
    case 'not_in':
      return both(`has a value other than ${list(v, 'or')}`, `is ${oneOf(v)}, or has no value`);
    case 'contains':
      return both(`contains "${scalar(v)}"`, `does not contain "${scalar(v)}"`);
    case 'not_contains':
      return both(`has a value that does not contain "${scalar(v)}"`, `contains "${scalar(v)}" or has no value`);
    case 'starts_with':
      return both(`starts with "${scalar(v)}"`, `does not start with "${scalar(v)}"`);
    case 'ends_with':
      return both(`ends with "${scalar(v)}"`, `does not end with "${scalar(v)}"`);
    case 'gt':
      return compare(f, isDate(v) ? 'after' : 'more than', v);
    case 'gte':
      return compare(f, isDate(v) ? 'on or after' : 'at least', v);
    case 'lt':
      return compare(f, isDate(v) ? 'before' : 'less than', v);
    case 'lte':
      return compare(f, isDate(v) ? 'on or before' : 'at most', v);
    case 'between': {
      const [lo, hi] = Array.isArray(v) ? v : [v, v];
      return both(`is between ${scalar(lo)} and ${scalar(hi)}`, `is not between ${scalar(lo)} and ${scalar(hi)}`);
    }
    case 'matches':
      return pattern(f, String(v));
    case 'is_known':
      return both('has a value', 'has no value');
    case 'is_unknown':
      return both('has no value', 'has a value');
    case 'within_last':
      return compare(f, 'within the last', period(String(v)));
    case 'before':
      return compare(f, 'before', v);
    case 'after':
      return compare(f, 'after', v);
  }
}

function compare(f: string, how: string, v: LeafValue | undefined): Phrase {
  const value = typeof v === 'string' && !isDate(v) ? v : scalar(v);
  return { yes: `${f} is ${how} ${value}`, no: `${f} is not ${how} ${value}` };
}

const PATTERN: Record<PatternHow, [string, string]> = {
  mentions: ['mentions', 'does not mention'],
  contains: ['contains', 'does not contain'],
  'starts with': ['starts with', 'does not start with'],
  'ends with': ['ends with', 'does not end with'],
  is: ['is', 'is not'],
};

/** A regular expression in words where it is a list of words ("mentions "vp" or "director""), else quoted. */
function pattern(f: string, source: string): Phrase {
  const words = patternInWords(source);
  if (!words) return { yes: `${f} matches the pattern "${source}"`, no: `${f} does not match the pattern "${source}"` };
  const texts = list(words.texts.map((t) => `"${t}"`), 'or');
  const [yes, no] = PATTERN[words.how];
  return { yes: `${f} ${yes} ${texts}`, no: `${f} ${no} ${texts}` };
}

/** Auxiliary verbs a yes/no column's name can start with: `is_competitor`, `has_budget`, `do_not_contact`. */
const AUX = new Set(['is', 'are', 'was', 'were', 'has', 'have', 'had', 'can', 'could', 'did', 'does', 'do', 'will', 'should', 'must']);

/**
 * A yes/no column: "Demo requested is yes" reads as a value; a column named as a statement
 * ("is competitor", "has budget") is that statement, never "Is competitor is yes".
 */
function flag(field: string, value: boolean): Phrase {
  const f = fieldInWords(field);
  const words = f.split(' ');
  const aux = words[0]!.toLowerCase();
  if (!AUX.has(aux) || words.length < 2 || words[1]!.toLowerCase() === 'not') {
    const said = AUX.has(aux) ? `"${f}"` : f;
    return value ? { yes: `${said} is yes`, no: `${said} is not yes` } : { yes: `${said} is no`, no: `${said} is not no` };
  }
  const rest = words.slice(1).join(' ');
  const denied = HAVE.has(aux) ? `${words[0]} no ${rest}` : `${words[0]} not ${rest}`;
  return value ? { yes: f, no: `${denied} (or unknown)` } : { yes: denied, no: `${f} (or unknown)` };
}

const HAVE = new Set(['has', 'have', 'had']);

function scalar(v: LeafValue | undefined): string {
  if (v === undefined) return '—';
  if (Array.isArray(v)) return list(v, 'and');
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'number') return formatNumber(v);
  return v;
}

/** "US" alone, or "one of US, CA or GB". */
function oneOf(v: LeafValue | undefined): string {
  return Array.isArray(v) && v.length > 1 ? `one of ${list(v, 'or')}` : list(v, 'or');
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
  // Under a thousand either way there is nothing to group: minutes, points and counts, by the thousand in a summary.
  if (n > -1000 && n < 1000) return String(n);
  const [int, frac] = String(Math.abs(n)).split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${n < 0 ? '-' : ''}${grouped}${frac ? `.${frac}` : ''}`;
}

/** Points as a signed number: +15, -5, +2.5. */
export function signedPoints(n: number): string {
  return n < 0 ? `-${formatNumber(-n)}` : `+${formatNumber(n)}`;
}
