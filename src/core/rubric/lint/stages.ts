import { DIMENSIONS, type Dimension } from '../../schemas/common.js';
import type { Rubric } from '../../schemas/rubric.js';
import type { LintFinding } from './finding.js';

/** The most points each dimension can give: every criterion that can fire, fired, then capped. */
function bestPossible(rubric: Rubric, canFire: (index: number) => boolean): Record<Dimension, { raw: number; capped: number; cap?: number }> {
  const out = {} as Record<Dimension, { raw: number; capped: number; cap?: number }>;
  for (const d of DIMENSIONS) {
    const raw = rubric.criteria.reduce((sum, c, i) => (c.disqualify || (c.dimension ?? 'fit') !== d || !canFire(i) ? sum : sum + Math.max(0, c.points ?? 0)), 0);
    const cap = rubric.dimensions?.[d]?.max;
    out[d] = cap === undefined ? { raw, capped: raw } : { raw, capped: Math.min(raw, cap), cap };
  }
  return out;
}

/** Stages no lead can reach: a `min` above the best capped total, a `require` above a cap or above what its dimension can give. */
export function unreachableStages(rubric: Rubric, canFire: (index: number) => boolean): LintFinding[] {
  const best = bestPossible(rubric, canFire);
  const total = DIMENSIONS.reduce((s, d) => s + best[d].capped, 0);
  const breakdown = DIMENSIONS.map((d) => `${d} ${best[d].capped}${best[d].cap !== undefined && best[d].raw > best[d].cap ? ` (capped from ${best[d].raw})` : ''}`).join(', ');
  const out: LintFinding[] = [];
  rubric.stages.forEach((s, i) => {
    if (s.min > total) {
      out.push({
        rule: 'unreachable-stage', severity: 'error', path: ['stages', i, 'min'],
        message: `no lead can reach stage "${s.id}": it needs ${s.min} points but the best possible score is ${total} (${breakdown})`,
        hint: 'lower the min, raise a cap, or add criteria that give points',
      });
    }
    for (const d of DIMENSIONS) {
      const need = s.require?.[d];
      if (need === undefined) continue;
      const { cap, capped } = best[d];
      const why = cap !== undefined && need > cap ? `${d} is capped at ${cap}` : need > capped ? `${d} criteria give at most ${capped}` : undefined;
      if (why) {
        out.push({
          rule: 'unreachable-stage', severity: 'error', path: ['stages', i, 'require', d],
          message: `no lead can reach stage "${s.id}": it requires ${need} ${d} points but ${why}`,
          hint: `lower the requirement or raise what ${d} can give`,
        });
      }
    }
  });
  return out;
}
