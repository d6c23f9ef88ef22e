import type { Test } from './compile.js';
import type { ValuePredicate } from './predicates.js';
import type { Readers } from '../../values/readers.js';

/**
 * Results of criterion conditions for the current row, shared by the rubrics scored in one pass
 * (two versions of a rubric share most conditions). A result is valid while its stamp
 * equals `row`.
 */
export interface RowCache {
  /** Share condition results between rubrics; off for a single rubric, where it only costs. */
  share: boolean;
  row: number;
  keys: Map<string, number>;
  stamp: Int32Array;
  value: Uint8Array;
  /** Per column: the cell read as a number / a day, valid while its stamp equals `row`. */
  num: Float64Array;
  numStamp: Int32Array;
  day: Float64Array;
  dayStamp: Int32Array;
}

export function rowCache(share = true): RowCache {
  return {
    share,
    row: 1,
    keys: new Map(),
    stamp: new Int32Array(64),
    value: new Uint8Array(64),
    num: new Float64Array(0),
    numStamp: new Int32Array(0),
    day: new Float64Array(0),
    dayStamp: new Int32Array(0),
  };
}

/**
 * A leaf's test on a CSV row that reads a number or a day column at most once per row,
 * whichever of the pass's conditions asks first.
 */
export function readOnce(cache: RowCache, col: number, pred: ValuePredicate, readers: Readers): Test<string[]> {
  const readNumber = readers.number;
  const readDay = readers.day;
  readingSlots(cache, col + 1);
  const onNumber = pred.onNumber;
  if (onNumber) {
    return (row) => {
      if (cache.numStamp[col] !== cache.row) {
        cache.num[col] = readNumber(row[col]);
        cache.numStamp[col] = cache.row;
      }
      const n = cache.num[col]!;
      return !Number.isNaN(n) && onNumber(n);
    };
  }
  const onDay = pred.onDay;
  if (onDay) {
    return (row) => {
      if (cache.dayStamp[col] !== cache.row) {
        cache.day[col] = readDay(row[col]);
        cache.dayStamp[col] = cache.row;
      }
      const d = cache.day[col]!;
      return !Number.isNaN(d) && onDay(d);
    };
  }
  return (row) => pred(row[col]);
}

/** Sizes the per-column readings for `cols` columns. */
export function readingSlots(cache: RowCache, cols: number): void {
  if (cache.num.length >= cols) return;
  const size = Math.max(cols, cache.num.length * 2);
  cache.num = new Float64Array(size);
  cache.numStamp = new Int32Array(size);
  cache.day = new Float64Array(size);
  cache.dayStamp = new Int32Array(size);
}

export function nextRow(cache: RowCache): void {
  cache.row = (cache.row + 1) | 0;
}

export function cached<I>(cache: RowCache, key: string, test: Test<I>): Test<I> {
  if (!cache.share) return test;
  const k = slotFor(cache, key);
  return (x) => {
    // the arrays may be replaced when another rubric adds conditions: read them each time
    if (cache.stamp[k] === cache.row) return cache.value[k] === 1;
    const r = test(x);
    cache.stamp[k] = cache.row;
    cache.value[k] = r ? 1 : 0;
    return r;
  };
}

function slotFor(cache: RowCache, key: string): number {
  let k = cache.keys.get(key);
  if (k !== undefined) return k;
  k = cache.keys.size;
  cache.keys.set(key, k);
  if (k >= cache.stamp.length) {
    const stamp = new Int32Array(cache.stamp.length * 2);
    stamp.set(cache.stamp);
    const value = new Uint8Array(cache.value.length * 2);
    value.set(cache.value);
    cache.stamp = stamp;
    cache.value = value;
  }
  return k;
}
