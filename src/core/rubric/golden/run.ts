import type { GoldenLead, Rubric } from '../../schemas/rubric.js';
import { compileRubric, type CompiledRubric, type Score } from '../engine/compile.js';
import type { Explanation } from '../engine/explain.js';
import type { Locale } from '../../values/locale.js';

export interface GoldenResult {
  index: number;
  name: string;
  expect: string;
  actual: string;
  passed: boolean;
  asOf: string;
  score: Score;
  /** The trace, kept for failures only: it is what the room reads to see why. */
  explanation?: Explanation;
}

/**
 * Runs every golden lead; each on its own `as_of` or the default, compiling once per scoring date.
 * A lead's text values are read in `locale` (the workspace's), as `rubric score` reads a CSV.
 */
export function runGoldenTests(rubric: Rubric, defaultAsOf: string, locale?: Locale): GoldenResult[] {
  const compiled = new Map<string, CompiledRubric>();
  const compiledFor = (asOf: string) => {
    let c = compiled.get(asOf);
    if (!c) {
      c = compileRubric(rubric, { asOf, ...(locale ? { locale } : {}) });
      compiled.set(asOf, c);
    }
    return c;
  };
  return (rubric.tests ?? []).map((t: GoldenLead, index) => {
    const asOf = t.as_of ?? defaultAsOf;
    const c = compiledFor(asOf);
    const score = c.score(t.lead);
    const passed = score.stage === t.expect;
    const result: GoldenResult = { index, name: t.name ?? `test ${index + 1}`, expect: t.expect, actual: score.stage, passed, asOf, score };
    if (!passed) result.explanation = c.explain(t.lead);
    return result;
  });
}
