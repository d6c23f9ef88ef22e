import type { DataPath, PathProblem } from '../yaml/issues.js';

/** Flags every repeat of an id within one list, pointing at the repeat. */
export function duplicateIds(items: readonly { id: string }[], base: DataPath, what: string): PathProblem[] {
  const seen = new Map<string, number>();
  const out: PathProblem[] = [];
  items.forEach((item, i) => {
    const first = seen.get(item.id);
    if (first === undefined) seen.set(item.id, i);
    else out.push({ path: [...base, i, 'id'], message: `duplicate ${what} id "${item.id}" (first used at item ${first + 1})`, hint: `give each ${what} its own id` });
  });
  return out;
}
