import type { Test } from './compile.js';

/**
 * Results of leaf conditions for the current row, shared by the rubrics scored in one pass
 * (two versions of a rubric share most conditions). A result is valid while its stamp
 * equals `row`.
 */
export interface RowCache {
  row: number;
  keys: Map<string, number>;
  stamp: Int32Array;
  value: Uint8Array;
}

export function rowCache(): RowCache {
  return { row: 1, keys: new Map(), stamp: new Int32Array(64), value: new Uint8Array(64) };
}

export function nextRow(cache: RowCache): void {
  cache.row = (cache.row + 1) | 0;
}

export function cached<I>(cache: RowCache, key: string, test: Test<I>): Test<I> {
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
