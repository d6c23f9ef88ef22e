import { DIMENSIONS } from '../schemas/common.js';
import type { Criterion, Rubric, Sla } from '../schemas/rubric.js';
import type { WorkspaceConfig } from '../schemas/workspace.js';
import { runGoldenTests } from '../rubric/golden/run.js';
import type { CriterionLine, LeadDefinition } from './model.js';
import { cmp } from './dates.js';
import { conditionInWords, formatNumber } from './plain-condition.js';

/** Both sides sign the definition off; the product is about sales and marketing agreeing. */
export const SIGN_OFF_TEAMS = ['sales', 'marketing'] as const;

/** The current rubric in plain words, with its sign-off and whether its golden leads pass on `asOf`. */
export function leadDefinition(rubric: Rubric, config: WorkspaceConfig | undefined, asOf: string): LeadDefinition {
  const line = (c: Criterion): CriterionLine => ({
    id: c.id,
    label: c.label ?? null,
    condition: conditionInWords(c.when),
    points: c.disqualify ? null : (c.points ?? 0),
    why: c.why ?? null,
  });
  const scoring = rubric.criteria.filter((c) => !c.disqualify);
  const dimensions = DIMENSIONS.map((d) => ({
    id: d,
    cap: rubric.dimensions?.[d]?.max ?? null,
    criteria: scoring.filter((c) => (c.dimension ?? 'fit') === d).map(line),
  })).filter((d) => d.criteria.length > 0 || d.cap !== null);
  const approved = rubric.approved_by ?? {};
  const order = (t: string) => (SIGN_OFF_TEAMS as readonly string[]).indexOf(t) >>> 0; // sales, marketing, then the rest
  const signOff = Object.keys(approved)
    .sort((a, b) => order(a) - order(b) || cmp(a, b))
    .map((team) => ({ team, teamName: config?.teams[team]?.name ?? team, name: approved[team]! }));
  const golden = runGoldenTests(rubric, asOf, config?.defaults?.locale);
  return {
    name: rubric.name ?? rubric.label ?? null,
    description: rubric.description ?? null,
    stages: rubric.stages.map((s) => ({
      id: s.id,
      label: s.label ?? null,
      min: s.min,
      requires: DIMENSIONS.flatMap((d) => (s.require?.[d] === undefined ? [] : [{ dimension: d, points: s.require[d]! }])),
    })),
    dimensions,
    gates: rubric.criteria.filter((c) => c.disqualify).map(line),
    sla: slaSentences(rubric.sla),
    signOff,
    missingSignOff: SIGN_OFF_TEAMS.filter((t) => !approved[t]),
    golden: { total: golden.length, passed: golden.filter((g) => g.passed).length, failed: golden.filter((g) => !g.passed).map((g) => g.name), asOf },
  };
}

const plural = (n: number, one: string, many = `${one}s`) => `${formatNumber(n)} ${n === 1 ? one : many}`;

/** The hand-off agreement as the sentences people promise each other. */
function slaSentences(sla: Sla | undefined): string[] {
  if (!sla) return [];
  const out: string[] = [];
  if (sla.follow_up_hours !== undefined) out.push(`Sales contacts a sales-ready lead within ${plural(sla.follow_up_hours, 'hour')}.`);
  if (sla.decision_days !== undefined) out.push(`Sales accepts or rejects it within ${plural(sla.decision_days, 'day')}.`);
  if (sla.attempts_before_recycle !== undefined || sla.recycle_to !== undefined) {
    const after = sla.attempts_before_recycle !== undefined ? `After ${plural(sla.attempts_before_recycle, 'attempt')} without an answer` : 'When sales rejects it';
    out.push(`${after}, the lead goes back to ${sla.recycle_to ?? 'marketing'}.`);
  }
  if (sla.rejection_reasons?.length) out.push(`A rejection names one reason: ${sla.rejection_reasons.join(', ')}.`);
  return out;
}
