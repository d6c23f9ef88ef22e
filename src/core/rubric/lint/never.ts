import { isLeaf, type Condition, type Leaf, type LeafValue } from '../../schemas/condition.js';
import type { DataPath } from '../../yaml/issues.js';
import { describeCondition, formatValue } from '../condition-text.js';

/** Why a condition can never hold, and where; undefined when it might hold (the analysis only proves, never guesses). */
export interface Never {
  path: DataPath;
  reason: string;
}

export function neverHolds(c: Condition, path: DataPath): Never | undefined {
  if (isLeaf(c)) return emptyLeaf(c, path);
  if ('all' in c) {
    for (const [i, s] of c.all.entries()) {
      const n = neverHolds(s, [...path, 'all', i]);
      if (n) return n;
    }
    const reason = contradiction(flattenAll(c.all));
    return reason ? { path, reason } : undefined;
  }
  if ('any' in c) {
    const all = c.any.map((s, i) => neverHolds(s, [...path, 'any', i]));
    return all.every(Boolean) ? { path, reason: `no alternative can hold: ${all.map((n) => n!.reason).join('; ')}` } : undefined;
  }
  if ('not' in c) return undefined;
  if (c.at_least > c.of.length) return { path: [...path, 'at_least'], reason: `at_least ${c.at_least} of only ${c.of.length} conditions` };
  const possible = c.of.filter((s, i) => !neverHolds(s, [...path, 'of', i])).length;
  return possible < c.at_least ? { path, reason: `at_least ${c.at_least} needed but only ${possible} of the conditions can hold` } : undefined;
}

function emptyLeaf(l: Leaf, path: DataPath): Never | undefined {
  if (l.op === 'between' && Array.isArray(l.value) && l.value.length === 2) {
    const [lo, hi] = l.value as [number | string, number | string];
    if (typeof lo === typeof hi && lo > hi) return { path: [...path, 'value'], reason: `\`between\` ${formatValue(lo)} and ${formatValue(hi)} is an empty range (the bounds are reversed)` };
  }
  return undefined;
}

function flattenAll(items: Condition[]): Condition[] {
  return items.flatMap((c) => (!isLeaf(c) && 'all' in c ? flattenAll(c.all) : [c]));
}

interface Bound {
  v: number | string;
  open: boolean;
}

/** Leaves on one field inside one `all` that no single value satisfies together. */
function contradiction(items: Condition[]): string | undefined {
  const byField = new Map<string, Leaf[]>();
  for (const c of items) if (isLeaf(c)) byField.set(c.field, [...(byField.get(c.field) ?? []), c]);
  for (const leaves of byField.values()) {
    if (leaves.length < 2) continue;
    const said = leaves.map(describeCondition).join(' and ');
    if (leaves.some((l) => l.op === 'is_unknown') && leaves.some((l) => l.op !== 'is_unknown')) {
      return `${said} cannot both hold: a comparison on an unknown value is false`;
    }
    for (const kind of ['number', 'date'] as const) {
      if (emptyRange(leaves, kind)) return `${said} leave no possible value`;
    }
    if (excludedValues(leaves)) return `${said} cannot both hold`;
  }
  return undefined;
}

const isDate = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v.trim());

function emptyRange(leaves: Leaf[], kind: 'number' | 'date'): boolean {
  const fits = (v: unknown): v is number | string => (kind === 'number' ? typeof v === 'number' : isDate(v));
  let lo: Bound | undefined;
  let hi: Bound | undefined;
  const raise = (v: number | string, open: boolean) => {
    if (!lo || v > lo.v || (v === lo.v && open)) lo = { v, open };
  };
  const lower = (v: number | string, open: boolean) => {
    if (!hi || v < hi.v || (v === hi.v && open)) hi = { v, open };
  };
  for (const l of leaves) {
    const v = l.value;
    if (l.op === 'between' && Array.isArray(v) && fits(v[0]) && fits(v[1])) {
      raise(v[0], false);
      lower(v[1], false);
    } else if (fits(v)) {
      if (l.op === 'gt' || l.op === 'after') raise(v, true);
      else if (l.op === 'gte') raise(v, false);
      else if (l.op === 'lt' || l.op === 'before') lower(v, true);
      else if (l.op === 'lte') lower(v, false);
      else if (l.op === 'eq' && kind === 'number') {
        raise(v, false);
        lower(v, false);
      }
    }
  }
  if (!lo || !hi) return false;
  const [a, b] = [lo as Bound, hi as Bound];
  return a.v > b.v || (a.v === b.v && (a.open || b.open));
}

/** Text and booleans compare ignoring case and surrounding spaces; a key per value and type. */
function key(v: LeafValue | undefined): string {
  return typeof v === 'string' ? `s:${v.trim().toLowerCase()}` : `${typeof v}:${String(v)}`;
}

/** eq/in/neq/not_in on one field: the values still allowed, per value type, come out empty. */
function excludedValues(leaves: Leaf[]): boolean {
  const allowed = new Map<string, Set<string> | null>(); // per type; null = anything
  const banned = new Set<string>();
  const restrict = (values: LeafValue[]) => {
    const keys = values.map((v) => key(v));
    const type = keys[0]!.slice(0, 2);
    if (keys.some((k) => k.slice(0, 2) !== type)) return;
    const prev = allowed.get(type);
    allowed.set(type, prev ? new Set([...prev].filter((k) => keys.includes(k))) : new Set(keys));
  };
  for (const l of leaves) {
    if (l.op === 'eq' && l.value !== undefined && !Array.isArray(l.value)) restrict([l.value]);
    else if (l.op === 'in' && Array.isArray(l.value)) restrict(l.value);
    else if (l.op === 'neq' && l.value !== undefined && !Array.isArray(l.value)) banned.add(key(l.value));
    else if (l.op === 'not_in' && Array.isArray(l.value)) for (const v of l.value) banned.add(key(v));
  }
  for (const set of allowed.values()) if (set && [...set].every((k) => banned.has(k))) return true;
  return false;
}
