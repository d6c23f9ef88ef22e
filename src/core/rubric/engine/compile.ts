/**
 * The rubric evaluator: a rubric compiled once into closures, then applied to leads,
 * either as records (golden tests, previews) or as CSV rows by column index (the fast
 * path for millions of rows). No code is generated from the rubric.
 */
import { UserError } from '../../errors.js';
import { isLeaf, type Condition, type Leaf } from '../../schemas/condition.js';
import { UNQUALIFIED, type Rubric } from '../../schemas/rubric.js';
import { resolveLeadColumns, type ColumnMap } from '../../leads/columns.js';
import { explainLead, type Explanation } from './explain.js';
import { compileLeaf, leafChecks, type ValuePredicate } from './predicates.js';
import { readersFor, type Readers } from '../../values/readers.js';
import type { Locale } from '../../values/locale.js';
import type { StrictReading } from '../../values/unreadable.js';
import { makeKernel } from './kernel.js';
import { cached, readOnce, type RowCache } from './row-cache.js';

export { roundPoints } from './kernel.js';
export { nextRow, rowCache, type RowCache } from './row-cache.js';

export type LeadValue = string | number | boolean | null | undefined;

export interface Score {
  fit: number;
  engagement: number;
  score: number;
  /** A stage id, 'unqualified' or 'disqualified'. */
  stage: string;
  /** Ids of the criteria that fired, in rubric order. */
  fired: string[];
}


/** A criterion as the evaluator sees it. */
export interface CompiledCriterion {
  id: string;
  dimension: 'fit' | 'engagement';
  points: number;
  gate: boolean;
}

export interface CompiledRubric {
  /** Every field the rubric reads, in the order it first reads them. */
  fields: string[];
  criteria: CompiledCriterion[];
  /** Stage ids, lowest first. */
  stages: string[];
  /** The lowest and highest total a lead can get, for histograms. */
  range: { min: number; max: number };
  score(lead: Record<string, LeadValue>): Score;
  /**
   * Scores rows of a CSV with this header, each field found as resolveLeadColumns finds it
   * (through `map`, else by its normalised name); a field that is not a column is an InputError.
   */
  forColumns(header: readonly string[], map?: ColumnMap): (row: string[]) => Score;
  /**
   * The allocation-free form for streaming, on columns already resolved (`LeadColumns.fields`:
   * field → column): fills `out` (its `fired` array is emptied and refilled) and returns it.
   * Only the columns of the rubric's fields are read.
   * With a RowCache shared by several rubrics, a condition they have in common is tested
   * once per row; the caller calls `nextRow(cache)` before scoring each row.
   */
  forColumnsInto(columns: Readonly<Record<string, number>>, cache?: RowCache): (row: string[], out: Score) => Score;
  explain(lead: Record<string, LeadValue>): Explanation;
  /** How this rubric reads numbers and dates (its locale's readers). */
  readers: Readers;
  /** Every field and reading whose unreadable values a run counts, with the field's column (as resolved from the header, core/leads/columns.ts). */
  checks(columns: Readonly<Record<string, number>>): { field: string; reading: StrictReading; col: number }[];
}

export interface CompileOptions {
  /** The scoring date, YYYY-MM-DD. */
  asOf: string;
  /** How lead values' dates and numbers are written; default en. */
  locale?: Locale;
}

export type Test<I> = (input: I) => boolean;

/** How a leaf reads its value from one kind of input (a record, a CSV row). */
type Bind<I> = (leaf: Leaf, pred: ValuePredicate) => Test<I>;

/** Leaf predicates, compiled once per rubric and shared by every way of reading a lead. */
export interface LeafTable {
  get(leaf: Condition): ValuePredicate;
  readers: Readers;
}

export function compileRubric(rubric: Rubric, opts: CompileOptions): CompiledRubric {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(opts.asOf)) throw new UserError(`not a date: ${opts.asOf}`, 'write the scoring date as YYYY-MM-DD');
  const readers = readersFor(opts.locale);
  const preds = new Map<Condition, ValuePredicate>();
  const fields: string[] = [];
  const checks: { field: string; reading: StrictReading }[] = [];
  const visit = (c: Condition): void => {
    if (isLeaf(c)) {
      preds.set(c, compileLeaf(c, opts.asOf, readers));
      if (!fields.includes(c.field)) fields.push(c.field);
      for (const reading of leafChecks(c)) if (!checks.some((k) => k.field === c.field && k.reading === reading)) checks.push({ field: c.field, reading });
    } else if ('all' in c) c.all.forEach(visit);
    else if ('any' in c) c.any.forEach(visit);
    else if ('not' in c) visit(c.not);
    else c.of.forEach(visit);
  };
  for (const c of rubric.criteria) visit(c.when);
  const leaves: LeafTable = { get: (leaf) => preds.get(leaf)!, readers };

  const criteria: CompiledCriterion[] = rubric.criteria.map((c) => ({
    id: c.id,
    dimension: c.dimension ?? 'fit',
    points: c.points ?? 0,
    gate: c.disqualify === true,
  }));
  const kernel = makeKernel(rubric, criteria);

  const bindRecord: Bind<Record<string, LeadValue>> = ({ field }, pred) => (lead) => pred(Object.hasOwn(lead, field) ? lead[field] : undefined);
  const recordTests = rubric.criteria.map((c) => compileCondition(c.when, leaves, bindRecord));

  const bindRow = (columns: Readonly<Record<string, number>>, cache?: RowCache): Bind<string[]> => {
    return (leaf, pred) => {
      if (!Object.hasOwn(columns, leaf.field)) throw new Error(`bug: no column resolved for the field "${leaf.field}"`);
      const col = columns[leaf.field]!;
      return cache ? readOnce(cache, col, pred, readers) : (row: string[]) => pred(row[col]);
    };
  };

  return {
    fields,
    criteria,
    stages: rubric.stages.map((s) => s.id),
    range: kernel.range,
    score: (lead) => kernel.run(recordTests, lead, emptyScore()),
    forColumns(header, map) {
      const bind = bindRow(resolveLeadColumns(header, { label: 'the CSV', fields, idColumn: null, ...(map ? { map } : {}) }).fields);
      const tests = rubric.criteria.map((c) => compileCondition(c.when, leaves, bind));
      return (row) => kernel.run(tests, row, emptyScore());
    },
    forColumnsInto(columns, cache) {
      const bind = bindRow(columns, cache);
      const tests = rubric.criteria.map((c) => {
        const test = compileCondition(c.when, leaves, bind);
        // a criterion condition another rubric in the pass also has is tested once per row;
        // caching each leaf as well cost more than the rare partly changed condition saved
        return cache ? cached(cache, JSON.stringify([c.when, opts.asOf]), test) : test;
      });
      return (row, out) => kernel.run(tests, row, out);
    },
    explain: (lead) => explainLead(rubric, leaves, lead),
    readers,
    checks(columns) {
      return checks.map((k) => ({ ...k, col: columns[k.field]! }));
    },
  };
}

export function emptyScore(): Score {
  return { fit: 0, engagement: 0, score: 0, stage: UNQUALIFIED, fired: [] };
}

function compileCondition<I>(c: Condition, leaves: LeafTable, bind: Bind<I>): Test<I> {
  if (isLeaf(c)) return bind(c, leaves.get(c));
  if ('not' in c) {
    const t = compileCondition(c.not, leaves, bind);
    return (x) => !t(x);
  }
  if ('all' in c) {
    const ts = c.all.map((s) => compileCondition(s, leaves, bind));
    if (ts.length === 1) return ts[0]!;
    if (ts.length === 2) {
      const [a, b] = ts as [Test<I>, Test<I>];
      return (x) => a(x) && b(x);
    }
    return (x) => {
      for (let i = 0; i < ts.length; i++) if (!ts[i]!(x)) return false;
      return true;
    };
  }
  if ('any' in c) {
    const ts = c.any.map((s) => compileCondition(s, leaves, bind));
    if (ts.length === 1) return ts[0]!;
    if (ts.length === 2) {
      const [a, b] = ts as [Test<I>, Test<I>];
      return (x) => a(x) || b(x);
    }
    return (x) => {
      for (let i = 0; i < ts.length; i++) if (ts[i]!(x)) return true;
      return false;
    };
  }
  const ts = c.of.map((s) => compileCondition(s, leaves, bind));
  const need = c.at_least;
  return (x) => {
    let hits = 0;
    for (let i = 0; i < ts.length; i++) {
      if (ts[i]!(x) && ++hits >= need) return true;
      // stop once the rest cannot reach `need`
      if (hits + (ts.length - 1 - i) < need) return false;
    }
    return false;
  };
}
