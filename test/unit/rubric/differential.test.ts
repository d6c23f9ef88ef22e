// Random rubrics and leads, scored by the evaluator and by a deliberately simple reference
// written here from the words of docs/rubric.md ("Scoring leads") and docs/values.md (how the
// `en` locale reads numbers and dates: regular expressions and Date, no speed tricks).
// They must agree on every score and stage, through both the record and the CSV-row paths.
import { describe, expect, it } from 'vitest';
import { compileRubric, nextRow, rowCache, type CompiledRubric, type LeadValue } from '../../../src/core/rubric/engine/compile.js';
import type { Condition, Leaf } from '../../../src/core/schemas/condition.js';
import type { Rubric } from '../../../src/core/schemas/rubric.js';

const AS_OF = '2026-11-27';
const CASES = 5_000;

function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------- the reference ----------
type Val = LeadValue;
const blank = (v: Val) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
function refNumber(v: Val): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  const dressed = refDressed(t);
  if (dressed !== undefined) return dressed;
  if (!/^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d*)?(e[+-]?\d+)?$/i.test(t) || !/\d/.test(t.replace(/e.*$/i, ''))) return undefined;
  if (/^[+-]?\./.test(t) && !/^[+-]?\.\d/.test(t)) return undefined;
  return Number(t.replace(/,/g, ''));
}
const CUR = '(?:[$€£¥]|USD|EUR|GBP|CHF|CAD|AUD|JPY)';
const NUM = '(\\d+(?:,\\d{3})*(?:\\.\\d+)?|\\.\\d+)';
const DRESSED = [
  new RegExp(`^([+-]?)${CUR}\\s?()${NUM}([kKmMbB]?)$`),
  new RegExp(`^()${CUR}\\s?([+-])${NUM}([kKmMbB]?)$`),
  new RegExp(`^([+-]?)()${NUM}([kKmMbB]?)(?:\\s?${CUR})?$`),
  new RegExp(`^([+-]?)()${NUM}()\\s?%$`),
];
/** $1,200, 45%, 12k, 1.5M, 1,200 USD: the sign and digits, the suffix as a power of ten (1.1k is 1100 exactly). */
function refDressed(t: string): number | undefined {
  for (const re of DRESSED) {
    const m = re.exec(t);
    if (!m) continue;
    const exp = { '': '', k: 'e3', m: 'e6', b: 'e9' }[m[4]!.toLowerCase() as '' | 'k' | 'm' | 'b'];
    const n = Number(`${m[1]}${m[2]}${m[3]!.replace(/,/g, '')}${exp}`);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}
function refBool(v: Val): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v === 1 ? true : v === 0 ? false : undefined;
  if (typeof v !== 'string') return undefined;
  const t = v.trim().toLowerCase();
  return ['true', 'yes', '1'].includes(t) ? true : ['false', 'no', '0'].includes(t) ? false : undefined;
}
function refDay(v: Val): number | undefined {
  if (typeof v !== 'string') return undefined;
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(v.trim());
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: \d{1,2}:\d{2}(?::\d{2})?(?: ?[ap]m)?)?$/i.exec(v.trim());
  const m = iso ?? (us && [us[0], us[3], us[1]!.padStart(2, '0'), us[2]!.padStart(2, '0')]);
  if (!m) return undefined;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  if (d.getUTCFullYear() !== +m[1]! || d.getUTCMonth() !== +m[2]! - 1 || d.getUTCDate() !== +m[3]!) return undefined;
  return d.getTime() / 86400000;
}
const refText = (v: Val) => (blank(v) ? undefined : String(v).trim().toLowerCase());
const isDateText = (x: unknown) => typeof x === 'string' && refDay(x) !== undefined;
function typed(x: unknown, v: Val): [unknown, unknown] | undefined {
  if (typeof x === 'number') return ((n) => (n === undefined ? undefined : [n, x]))(refNumber(v));
  if (typeof x === 'boolean') return ((b) => (b === undefined ? undefined : [b, x]))(refBool(v));
  if (isDateText(x)) return ((d) => (d === undefined ? undefined : [d, refDay(x as string)]))(refDay(v));
  return ((t) => (t === undefined ? undefined : [t, String(x).trim().toLowerCase()]))(refText(v));
}
function refWindowStart(period: string): number {
  const n = Number(period.slice(0, -1));
  const asOf = new Date(`${AS_OF}T00:00:00Z`);
  if (period.endsWith('d')) return asOf.getTime() / 86400000 - n;
  if (period.endsWith('w')) return asOf.getTime() / 86400000 - 7 * n;
  const y = asOf.getUTCFullYear();
  const m = asOf.getUTCMonth() - n;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Date.UTC(y, m, Math.min(asOf.getUTCDate(), last)) / 86400000;
}
function refLeaf(l: Leaf, v: Val): boolean {
  if (l.op === 'is_known') return !blank(v);
  if (l.op === 'is_unknown') return blank(v);
  if (blank(v)) return false;
  const text = refText(v)!;
  switch (l.op) {
    case 'eq':
    case 'neq': {
      const p = typed(l.value, v);
      return p !== undefined && (p[0] === p[1]) === (l.op === 'eq');
    }
    case 'in':
    case 'not_in': {
      const pairs = (l.value as unknown[]).map((x) => typed(x, v));
      const hit = pairs.some((p) => p !== undefined && p[0] === p[1]);
      return l.op === 'in' ? hit : pairs.some((p) => p !== undefined) && !hit;
    }
    case 'contains':
      return text.includes(String(l.value).trim().toLowerCase());
    case 'not_contains':
      return !text.includes(String(l.value).trim().toLowerCase());
    case 'starts_with':
      return text.startsWith(String(l.value).trim().toLowerCase());
    case 'ends_with':
      return text.endsWith(String(l.value).trim().toLowerCase());
    case 'matches':
      return new RegExp(String(l.value), 'i').test(String(v).trim());
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const p = typed(l.value, v) as [number, number] | undefined;
      if (!p) return false;
      return { gt: p[0] > p[1], gte: p[0] >= p[1], lt: p[0] < p[1], lte: p[0] <= p[1] }[l.op];
    }
    case 'between': {
      const [lo, hi] = l.value as [unknown, unknown];
      const a = typed(lo, v) as [number, number] | undefined;
      const b = typed(hi, v) as [number, number] | undefined;
      return a !== undefined && b !== undefined && a[0] >= a[1] && b[0] <= b[1];
    }
    case 'before':
    case 'after': {
      const d = refDay(v);
      const w = refDay(String(l.value))!;
      return d !== undefined && (l.op === 'before' ? d < w : d > w);
    }
    case 'within_last': {
      const d = refDay(v);
      return d !== undefined && d >= refWindowStart(String(l.value)) && d <= refDay(AS_OF)!;
    }
  }
}
function refCond(c: Condition, lead: Record<string, Val>): boolean {
  if ('op' in c) return refLeaf(c, Object.hasOwn(lead, c.field) ? lead[c.field] : undefined);
  if ('all' in c) return c.all.every((s) => refCond(s, lead));
  if ('any' in c) return c.any.some((s) => refCond(s, lead));
  if ('not' in c) return !refCond(c.not, lead);
  return c.of.filter((s) => refCond(s, lead)).length >= c.at_least;
}
function refScore(r: Rubric, lead: Record<string, Val>) {
  const raw = { fit: 0, engagement: 0 };
  let gated = false;
  const fired: string[] = [];
  for (const c of r.criteria) {
    if (!refCond(c.when, lead)) continue;
    fired.push(c.id);
    if (c.disqualify) gated = true;
    raw[c.dimension ?? 'fit'] += c.points ?? 0;
  }
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  const fit = Math.min(round(raw.fit), r.dimensions?.fit?.max ?? Infinity);
  const engagement = Math.min(round(raw.engagement), r.dimensions?.engagement?.max ?? Infinity);
  const score = round(fit + engagement);
  let stage = 'unqualified';
  for (const s of r.stages) {
    if (score >= s.min && fit >= (s.require?.fit ?? -Infinity) && engagement >= (s.require?.engagement ?? -Infinity)) stage = s.id;
  }
  return { fit, engagement, score, stage: gated ? 'disqualified' : stage, fired };
}

// ---------- generators ----------
const FIELDS = ['a', 'b', 'c', 'd'];
const CELLS = ['', ' ', '0', '1', '2', '5', '10', '12', '-3', '2.5', '1,200', '12,00', '$5k', 'abc', 'ABC ', 'yes', 'No', 'TRUE', 'false', 'maybe', 'us', ' CA', 'vp sales', 'Director', 'gmail.com', 'x@GMAIL.com', '2026-11-27', '2026-11-26', '2026-11-20', '2026-11-19', '2026-11-13', '2026-10-27', '2026-10-26', '2026-10-02', '2026-10-01', '2025-08-27', '2026-08-31', '2025-12-31', '2026-02-30', '2026-11-20T10:00:00Z', '11/20/2026', '1/2/2026 2:32 PM', '13/13/2026', '2/29/2026', '$1,200', '-$5', '$-5', '-$-5', '45%', '12k', '1.5M', '1.1k', '12kk', '$', '1,2,3', '1.200,50 €', '1,200 USD', '$12 USD', '12k%', 'Zürich', 'ZÜRICH'];
const SCALARS: unknown[] = [0, 1, 2, 5, 10, 12, -3, 2.5, 1200, true, false, 'abc', 'us', 'ca', 'vp', 'director', 'gmail.com', 'zürich', '2026-11-20', '2026-10-01', '2026-01-01', 'yes'];

function genLeaf(r: () => number): Leaf {
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)]!;
  const field = pick(FIELDS);
  const op = pick(['eq', 'neq', 'in', 'not_in', 'contains', 'not_contains', 'starts_with', 'ends_with', 'gt', 'gte', 'lt', 'lte', 'between', 'matches', 'is_known', 'is_unknown', 'within_last', 'before', 'after'] as const);
  switch (op) {
    case 'is_known':
    case 'is_unknown':
      return { field, op };
    case 'in':
    case 'not_in':
      return { field, op, value: Array.from({ length: 1 + Math.floor(r() * 3) }, () => pick(SCALARS)) as Leaf['value'] };
    case 'contains':
    case 'not_contains':
    case 'starts_with':
    case 'ends_with':
      return { field, op, value: pick(['a', 'ab', 'us', 'vp', 'gmail.com', 'ZÜ', 'sales', '1', '20']) };
    case 'matches':
      return { field, op, value: pick(['^a', 'b$', '\\bvp\\b', '^\\d+$', 'Zür', 'us|ca', '^$']) };
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return { field, op, value: pick([0, 1, 2.5, 10, -3, 1200, '2026-11-01', '2026-01-01']) as Leaf['value'] };
    case 'between':
      return { field, op, value: pick([[0, 10], [2, 2], [-5, 1200], ['2026-01-01', '2026-11-20'], ['2026-10-01', '2026-12-31']]) as Leaf['value'] };
    case 'within_last':
      return { field, op, value: pick(['1d', '7d', '14d', '2w', '8w', '1m', '3m', '15m']) };
    case 'before':
    case 'after':
      return { field, op, value: pick(['2026-11-20', '2026-10-01', '2026-01-01']) };
    default:
      return { field, op, value: pick(SCALARS) as Leaf['value'] };
  }
}
function genCond(r: () => number, depth: number): Condition {
  const k = r();
  if (depth >= 2 || k < 0.55) return genLeaf(r);
  const kids = () => Array.from({ length: 1 + Math.floor(r() * 3) }, () => genCond(r, depth + 1));
  if (k < 0.7) return { all: kids() };
  if (k < 0.85) return { any: kids() };
  if (k < 0.92) return { not: genCond(r, depth + 1) };
  const of = kids();
  return { at_least: 1 + Math.floor(r() * of.length), of };
}
function genRubric(r: () => number): Rubric {
  const n = 1 + Math.floor(r() * 6);
  const criteria = Array.from({ length: n }, (_, i) => {
    const gate = r() < 0.1;
    const points = [5, 10, 15, 20, -5, 2.5, 0.1, 0.2][Math.floor(r() * 8)]!;
    return { id: `c${i}`, dimension: r() < 0.5 ? ('fit' as const) : ('engagement' as const), when: genCond(r, 0), ...(gate ? { disqualify: true } : { points }) };
  });
  const caps = r() < 0.5 ? { dimensions: { fit: { max: 20 }, engagement: { max: 15 } } } : {};
  return {
    ...caps,
    stages: [
      { id: 'mql', min: r() < 0.5 ? 0.3 : 10 },
      { id: 'sql', min: 25, ...(r() < 0.5 ? { require: { fit: 10 } } : {}) },
    ],
    criteria,
  };
}

describe('differential: evaluator against a simple reference', () => {
  it(`agrees on ${CASES} random rubric × lead cases`, () => {
    const r = rng(20261127);
    let checked = 0;
    let fired = 0;
    let prev: { rubric: Rubric; compiled: CompiledRubric } | undefined;
    while (checked < CASES) {
      const rubric = genRubric(r);
      const compiled = compileRubric(rubric, { asOf: AS_OF });
      const header = [...FIELDS];
      const columns = Object.fromEntries(header.map((f, i) => [f, i]));
      const byRow = compiled.forColumnsInto(columns);
      // one pass over several rubrics shares condition results through a row cache
      const cache = rowCache();
      const others = prev ? [prev, { rubric, compiled }, prev] : [];
      const shared = others.map((o) => o.compiled.forColumnsInto(columns, cache));
      // one rubric alone: columns read once per row, conditions not shared
      const soloCache = rowCache(false);
      const solo = compiled.forColumnsInto(columns, soloCache);
      for (let k = 0; k < 20; k++, checked++) {
        const lead: Record<string, LeadValue> = {};
        for (const f of FIELDS) if (r() < 0.9) lead[f] = CELLS[Math.floor(r() * CELLS.length)]!;
        const want = refScore(rubric, lead);
        const got = compiled.score(lead);
        const ctx = JSON.stringify({ rubric, lead });
        expect({ ...got }, ctx).toEqual(want);
        const row = header.map((f) => (lead[f] as string | undefined) ?? '');
        const viaRow = byRow(row, { fit: 0, engagement: 0, score: 0, stage: '', fired: [] });
        expect({ ...viaRow, fired: [...viaRow.fired] }, ctx).toEqual(want);
        fired += want.fired.length;
        nextRow(soloCache);
        const alone = solo(row, { fit: 0, engagement: 0, score: 0, stage: '', fired: [] });
        expect({ ...alone, fired: [...alone.fired] }, `solo: ${ctx}`).toEqual(want);
        nextRow(cache);
        others.forEach((o, i) => {
          const s = shared[i]!(row, { fit: 0, engagement: 0, score: 0, stage: '', fired: [] });
          expect({ ...s, fired: [...s.fired] }, `shared pass ${i}: ${ctx}`).toEqual(refScore(o.rubric, lead));
        });
      }
      prev = { rubric, compiled };
    }
    // the generators must exercise firing, not only the unknown paths
    expect(fired).toBeGreaterThan(CASES / 2);
  });
});
