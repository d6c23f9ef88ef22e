import { columnMapping } from '../leads/mapping.js';
import { compileRubric } from '../rubric/engine/compile.js';
import type { Rubric } from '../schemas/rubric.js';
import type { Locale } from '../values/locale.js';

export interface LeadTable {
  header: string[];
  rows: string[][];
  /** The rows are the first of a longer file. */
  truncated: boolean;
}

/** How many leads land in each stage under a draft rubric, lowest outcome first; its fields found through its `columns:`. */
export function stageCounts(rubric: Rubric, leads: LeadTable, asOf: string, locale?: Locale): { stage: string; count: number }[] {
  const score = compileRubric(rubric, { asOf, ...(locale ? { locale } : {}) }).forColumns(leads.header, columnMapping(rubric.columns).map);
  const counts = new Map<string, number>([['disqualified', 0], ['unqualified', 0], ...rubric.stages.map((s) => [s.id, 0] as [string, number])]);
  for (const row of leads.rows) {
    const { stage } = score(row);
    counts.set(stage, (counts.get(stage) ?? 0) + 1);
  }
  return [...counts].map(([stage, count]) => ({ stage, count }));
}
