import type { DataPath } from './issues.js';
import { MAX_DEPTH } from './limits.js';

/**
 * The path to the first list or mapping nested deeper than MAX_DEPTH in read data, or null. The
 * text is measured as it is parsed (bounded.ts); this measures what aliases make of it, since an
 * alias stands for its anchor's whole value wherever it is used. Aliases make the data a graph
 * that shares values, so a value already seen at least as deep is not walked again: each is
 * walked at most MAX_DEPTH times, and no stack grows with the data.
 */
export function tooDeep(value: unknown): DataPath | null {
  const seenAt = new Map<object, number>();
  const stack: { value: unknown; path: DataPath }[] = [{ value, path: [] }];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const v = next.value;
    if (typeof v !== 'object' || v === null) continue;
    const depth = next.path.length + 1;
    if (depth > MAX_DEPTH) return next.path;
    if ((seenAt.get(v) ?? 0) >= depth) continue;
    seenAt.set(v, depth);
    const entries: [string | number, unknown][] = Array.isArray(v) ? v.map((x, i) => [i, x]) : Object.entries(v);
    // Pushed last first, so that the first in the file is walked first.
    for (let i = entries.length - 1; i >= 0; i--) stack.push({ value: entries[i]![1], path: [...next.path, entries[i]![0]] });
  }
  return null;
}
