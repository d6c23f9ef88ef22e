/**
 * A leaf condition compiled to a predicate over one lead value. The rubric's value is
 * read and checked once here; user values only ever become data (numbers, sets, a
 * RegExp), never code.
 */
import { regexHazard } from '../../regex/hazard.js';
import { ISO_DATE_TIME, type Leaf } from '../../schemas/condition.js';
import type { LeadValue } from './compile.js';
import { endsFolded, equalsFolded, inFolded, startsFolded } from './text-match.js';
import { isBlank, readBoolean, readDay, readText, windowStart } from './read.js';
import type { Readers } from '../../values/readers.js';
import type { StrictReading } from '../../values/unreadable.js';


/** The reading a rubric value asks for. */
export type Reading = 'number' | 'boolean' | 'date' | 'text';

export function readingOf(value: unknown): Reading {
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'string' && ISO_DATE_TIME.test(value.trim())) return 'date';
  return 'text';
}

/** The rubric value itself, read the way it asks lead values to be read. */
function constant(value: unknown, reading: Reading): number | boolean | string {
  switch (reading) {
    case 'number':
      return value as number;
    case 'boolean':
      return value as boolean;
    case 'date':
      return readDay(String(value));
    case 'text':
      return String(value).trim().toLowerCase();
  }
}

/** Reads a lead value as `reading`; undefined when it is unknown or unreadable. */
export function readAs(v: LeadValue, reading: Reading, readers: Readers): number | boolean | string | undefined {
  switch (reading) {
    case 'number': {
      const n = readers.number(v);
      return !Number.isNaN(n) ? n : undefined;
    }
    case 'boolean':
      return readBoolean(v);
    case 'date': {
      const d = readers.day(v);
      return !Number.isNaN(d) ? d : undefined;
    }
    case 'text':
      return readText(v);
  }
}

const MEMO_LIMIT = 4096;

/**
 * Text tests are memoised per raw cell: a column such as country or title holds few
 * distinct values across millions of rows, and a regular expression is the costliest test.
 * A column of mostly distinct values (e-mail addresses) would only churn the memo, so it
 * is dropped when it fills up having missed more than it hit.
 * `fast` answers from the raw cell when it can, without the memo.
 */
function textTest(test: (t: string) => boolean, keepCase = false, fast?: (s: string) => boolean | undefined): ValuePredicate {
  let memo: Map<string, boolean> | null = new Map();
  let hits = 0;
  const read = keepCase ? trimmed : readText;
  const slow = (v: LeadValue) => {
    const t = read(v);
    return t !== undefined && test(t);
  };
  return (v) => {
    if (typeof v !== 'string') return slow(v);
    if (fast !== undefined) {
      const r = fast(v);
      if (r !== undefined) return r;
    }
    if (memo === null) return slow(v);
    const hit = memo.get(v);
    if (hit !== undefined) {
      hits++;
      return hit;
    }
    const r = slow(v);
    if (memo.size >= MEMO_LIMIT) {
      if (hits < MEMO_LIMIT) memo = null;
      else memo.clear();
      hits = 0;
    }
    // a cell sliced from a large chunk of the file would keep the whole chunk alive as a key
    memo?.set(v.length > 12 ? (` ${v}`).slice(1) : v, r);
    return r;
  };
}

function trimmed(v: LeadValue): string | undefined {
  if (v === undefined || v === null) return undefined;
  const t = String(v).trim();
  return t === '' ? undefined : t;
}

/**
 * A predicate that reads its value as a number or a day says so, with the test on the read
 * value: a CSV pass then reads each such column once per row for all its conditions.
 */
export type ValuePredicate = ((v: LeadValue) => boolean) & { onNumber?: (n: number) => boolean; onDay?: (d: number) => boolean };

function numberTest(readNumber: Readers['number'], test: (n: number) => boolean): ValuePredicate {
  const pred: ValuePredicate = (v) => {
    const n = readNumber(v);
    return !Number.isNaN(n) && test(n);
  };
  pred.onNumber = test;
  return pred;
}

function dayTest(readDay: Readers['day'], test: (d: number) => boolean): ValuePredicate {
  const pred: ValuePredicate = (v) => {
    const d = readDay(v);
    return !Number.isNaN(d) && test(d);
  };
  pred.onDay = test;
  return pred;
}

function booleanTest(test: (b: boolean) => boolean): ValuePredicate {
  return (v) => {
    const b = readBoolean(v);
    return b !== undefined && test(b);
  };
}

/** `eq` (negate false) or `neq` (negate true): both false when the value is unknown. */
function equality(value: unknown, negate: boolean, r: Readers): ValuePredicate {
  const reading = readingOf(value);
  const want = constant(value, reading);
  switch (reading) {
    case 'number':
      return numberTest(r.number, (n) => (n === want) !== negate);
    case 'date':
      return dayTest(r.day, (d) => (d === want) !== negate);
    case 'boolean':
      return booleanTest((b) => (b === want) !== negate);
    case 'text': {
      const w = want as string;
      // an empty cell is unknown, never equal nor different
      return textTest((t) => (t === w) !== negate, false, w === '' ? undefined : (s) => {
        const r = equalsFolded(s, w);
        return r === undefined || (r === false && isBlank(s)) ? undefined : r !== negate;
      });
    }
  }
}

/** `in` / `not_in`: each listed value is read by its own type; not_in needs a readable value. */
function membership(values: unknown[], negate: boolean, readers: Readers): ValuePredicate {
  const sets: Record<Reading, Set<unknown>> = { number: new Set(), boolean: new Set(), date: new Set(), text: new Set() };
  for (const value of values) {
    const reading = readingOf(value);
    sets[reading].add(constant(value, reading));
  }
  const readings = (Object.keys(sets) as Reading[]).filter((r) => sets[r].size > 0);
  if (readings.length === 1 && readings[0] === 'text') {
    const set = sets.text;
    const few = [...set] as string[];
    // a short list is compared in place: cheaper than hashing every cell for the memo
    const fast =
      few.length <= 8 && !few.includes('')
        ? (s: string) => {
            const r = inFolded(s, few);
            // a blank cell is unknown: not_in must not call it "none of these"
            return r === undefined || (r === false && isBlank(s)) ? undefined : r !== negate;
          }
        : undefined;
    return textTest((t) => set.has(t) !== negate, false, fast);
  }
  return (v) => {
    let readable = false;
    for (const r of readings) {
      const x = readAs(v, r, readers);
      if (x === undefined) continue;
      readable = true;
      if (sets[r].has(x)) return !negate;
    }
    return readable && negate;
  };
}

function order(value: unknown, cmp: (a: number, b: number) => boolean, r: Readers): ValuePredicate {
  const reading = readingOf(value);
  const want = constant(value, reading) as number;
  return reading === 'number' ? numberTest(r.number, (n) => cmp(n, want)) : dayTest(r.day, (d) => cmp(d, want));
}

export function compileLeaf(leaf: Leaf, asOf: string, r: Readers): ValuePredicate {
  const value = leaf.value;
  switch (leaf.op) {
    case 'is_known':
      return (v) => !isBlank(v);
    case 'is_unknown':
      return isBlank;
    case 'eq':
      return equality(value, false, r);
    case 'neq':
      return equality(value, true, r);
    case 'in':
      return membership(value as unknown[], false, r);
    case 'not_in':
      return membership(value as unknown[], true, r);
    case 'contains': {
      const want = constant(value, 'text') as string;
      return textTest((t) => t.includes(want));
    }
    case 'not_contains': {
      const want = constant(value, 'text') as string;
      return textTest((t) => !t.includes(want));
    }
    case 'starts_with': {
      const want = constant(value, 'text') as string;
      return textTest((t) => t.startsWith(want), false, want === '' ? undefined : (s) => startsFolded(s, want));
    }
    case 'ends_with': {
      const want = constant(value, 'text') as string;
      return textTest((t) => t.endsWith(want), false, want === '' ? undefined : (s) => endsFolded(s, want));
    }
    case 'matches': {
      const source = String(value);
      // Every loader refuses a pattern that could hang (regex/hazard.ts): one that gets here is a bug, not a lead to wait on.
      if (regexHazard(source)) throw new Error(`the regular expression /${source}/ reached scoring without its safety check`);
      // No g or y flag: a RegExp with either keeps lastIndex between calls.
      const re = new RegExp(source, 'i');
      return textTest((t) => re.test(t), true);
    }
    case 'gt':
      return order(value, (a, b) => a > b, r);
    case 'gte':
      return order(value, (a, b) => a >= b, r);
    case 'lt':
      return order(value, (a, b) => a < b, r);
    case 'lte':
      return order(value, (a, b) => a <= b, r);
    case 'between': {
      const [lo, hi] = value as [unknown, unknown];
      const reading = readingOf(lo);
      const a = constant(lo, reading) as number;
      const b = constant(hi, reading) as number;
      return reading === 'number' ? numberTest(r.number, (n) => n >= a && n <= b) : dayTest(r.day, (d) => d >= a && d <= b);
    }
    case 'before': {
      const want = constant(value, 'date') as number;
      return dayTest(r.day, (d) => d < want);
    }
    case 'after': {
      const want = constant(value, 'date') as number;
      return dayTest(r.day, (d) => d > want);
    }
    case 'within_last': {
      const end = readDay(asOf);
      const start = windowStart(asOf, String(value));
      return dayTest(r.day, (d) => d >= start && d <= end);
    }
  }
}

/**
 * The readings a leaf asks of its field's values that can fail, for the count of values that
 * could not be read. A list that also names text (`in: [1, n/a]`) asks none: a value that is
 * not a number may be one of its words.
 */
export function leafChecks(leaf: Leaf): StrictReading[] {
  switch (leaf.op) {
    case 'is_known':
    case 'is_unknown':
    case 'contains':
    case 'not_contains':
    case 'starts_with':
    case 'ends_with':
    case 'matches':
      return [];
    case 'within_last':
    case 'before':
    case 'after':
      return ['date'];
    case 'in':
    case 'not_in': {
      const readings = new Set((leaf.value as unknown[]).map(readingOf));
      return readings.has('text') ? [] : ([...readings] as StrictReading[]);
    }
    case 'between':
      return strict(readingOf((leaf.value as unknown[])[0]));
    default:
      return strict(readingOf(leaf.value));
  }
}

function strict(r: Reading): StrictReading[] {
  return r === 'text' ? [] : [r];
}
