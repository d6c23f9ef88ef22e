import { deepEqual } from '../yaml/splice.js';

/** A path into a YAML document: map keys, and list items by their `id`. */
export type ValuePath = (string | { id: string })[];

/** A value both sides changed, each differently from the base. `undefined` is a value that is absent. */
export interface Conflict {
  path: ValuePath;
  base: unknown;
  theirs: unknown;
  ours: unknown;
}

export type Side = 'ours' | 'theirs';

export interface Merged {
  value: unknown;
  conflicts: Conflict[];
  /** Where their change (the file on disk) was taken over the base, with no change of ours in the way. */
  kept: Conflict[];
}

/**
 * A three-way merge of plain data (parsed YAML): the base the session started from, ours (the
 * base with the session's changes) and theirs (the file as it is now). A value changed on one
 * side only takes that side's value; maps merge key by key, lists of items with an `id` item
 * by item, other lists as sets (each side's additions and removals kept). A value both sides
 * changed differently is a conflict: it takes the side `choose` names, theirs until one is chosen.
 */
export function merge3(base: unknown, ours: unknown, theirs: unknown, choose: (c: Conflict) => Side | undefined = () => undefined): Merged {
  const conflicts: Conflict[] = [];
  const kept: Conflict[] = [];
  const value = mergeAt([], base, ours, theirs, { conflicts, kept, choose });
  return { value, conflicts, kept };
}

interface Found {
  conflicts: Conflict[];
  kept: Conflict[];
  choose: (c: Conflict) => Side | undefined;
}

function mergeAt(path: ValuePath, base: unknown, ours: unknown, theirs: unknown, f: Found): unknown {
  if (deepEqual(ours, theirs)) return ours;
  if (deepEqual(base, ours)) {
    f.kept.push(...changes(path, base, theirs).map((c) => ({ ...c, ours: c.base })));
    return theirs;
  }
  if (deepEqual(base, theirs)) return ours;
  // A list or map both sides added merges as if it had been there, empty.
  if (base === undefined && Array.isArray(ours) && Array.isArray(theirs)) return mergeAt(path, [], ours, theirs, f);
  if (base === undefined && isMap(ours) && isMap(theirs)) return mergeAt(path, {}, ours, theirs, f);
  if (isMap(base) && isMap(ours) && isMap(theirs)) return mergeMaps(path, base, ours, theirs, f);
  if (Array.isArray(base) && Array.isArray(ours) && Array.isArray(theirs)) {
    const kinds = new Set([listKind(base), listKind(ours), listKind(theirs)]);
    if (!kinds.has('other')) return mergeById(path, base as WithId[], ours as WithId[], theirs as WithId[], f);
    if (!kinds.has('id')) {
      if (!deepEqual(base, theirs)) f.kept.push({ path, base, theirs, ours });
      return mergeAsSet(base, ours, theirs);
    }
  }
  const c = { path, base, theirs, ours };
  f.conflicts.push(c);
  return f.choose(c) === 'ours' ? ours : theirs;
}

function mergeMaps(path: ValuePath, base: Record<string, unknown>, ours: Record<string, unknown>, theirs: Record<string, unknown>, f: Found): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  // Their key order first (the file as it is), then keys only ours added.
  for (const k of unique([...Object.keys(theirs), ...Object.keys(ours), ...Object.keys(base)])) {
    const v = mergeAt([...path, k], base[k], ours[k], theirs[k], f);
    if (v !== undefined) out[k] = v;
  }
  return out;
}

type WithId = Record<string, unknown> & { id: string };

function mergeById(path: ValuePath, base: WithId[], ours: WithId[], theirs: WithId[], f: Found): WithId[] {
  const index = (list: WithId[]) => new Map(list.map((x) => [x.id, x]));
  const [b, o, t] = [index(base), index(ours), index(theirs)];
  const out: WithId[] = [];
  for (const id of unique([...t.keys(), ...o.keys(), ...b.keys()])) {
    const v = mergeAt([...path, { id }], b.get(id), o.get(id), t.get(id), f);
    if (v !== undefined) out.push(v as WithId);
  }
  return out;
}

/** Their list, less what ours removed, plus what ours added (in our order). */
function mergeAsSet(base: unknown[], ours: unknown[], theirs: unknown[]): unknown[] {
  const has = (list: unknown[], x: unknown) => list.some((y) => deepEqual(x, y));
  const removed = base.filter((x) => !has(ours, x));
  const added = ours.filter((x) => !has(base, x) && !has(theirs, x));
  return [...theirs.filter((x) => !has(removed, x)), ...added];
}

/** A list whose items all have a distinct text `id` (criteria, stages, goals), one that is empty, or another. */
function listKind(list: unknown[]): 'id' | 'empty' | 'other' {
  if (!list.length) return 'empty';
  const ids = list.map((x) => (isMap(x) && typeof x.id === 'string' ? x.id : undefined));
  return ids.every((id) => id !== undefined) && new Set(ids).size === ids.length ? 'id' : 'other';
}

/** Each value that differs between two versions, as deep as maps and lists by id go. */
function changes(path: ValuePath, a: unknown, b: unknown): Omit<Conflict, 'ours'>[] {
  if (deepEqual(a, b)) return [];
  if (isMap(a) && isMap(b)) return unique([...Object.keys(a), ...Object.keys(b)]).flatMap((k) => changes([...path, k], a[k], b[k]));
  if (Array.isArray(a) && Array.isArray(b) && listKind(a) !== 'other' && listKind(b) !== 'other') {
    const [ia, ib] = [new Map((a as WithId[]).map((x) => [x.id, x])), new Map((b as WithId[]).map((x) => [x.id, x]))];
    return unique([...ia.keys(), ...ib.keys()]).flatMap((id) => changes([...path, { id }], ia.get(id), ib.get(id)));
  }
  return [{ path, base: a, theirs: b }];
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A path as people read it: `sla.follow_up_hours`, `criteria[demo-request].points`. */
export function pathText(path: ValuePath): string {
  return path.map((p, i) => (typeof p === 'object' ? `[${p.id}]` : i === 0 ? p : `.${p}`)).join('') || '(the whole file)';
}

/** The path with list items by their index in `data` (for placing it in a file), as far as `data` has it. */
export function indexPath(path: ValuePath, data: unknown): (string | number)[] {
  const out: (string | number)[] = [];
  let at = data;
  for (const p of path) {
    if (typeof p === 'string') {
      out.push(p);
      at = isMap(at) ? at[p] : undefined;
      continue;
    }
    const i = Array.isArray(at) ? at.findIndex((x) => isMap(x) && x.id === p.id) : -1;
    if (i < 0) break;
    out.push(i);
    at = (at as unknown[])[i];
  }
  return out;
}
