import type { ConditionTrace, Explanation } from '../engine/explain.js';
import { formatValue } from '../condition-text.js';
import { describeCondition } from '../condition-text.js';
import type { Leaf } from '../../schemas/condition.js';

/** A failed golden lead's trace in lines: what fired, what did not and why, caps, gates, stages. */
export function traceLines(e: Explanation): string[] {
  const out = [`score ${e.score} (fit ${e.fit}, engagement ${e.engagement}): ${e.reason}`];
  for (const c of e.criteria) {
    const gives = c.gate ? 'gate' : `${c.points >= 0 ? '+' : ''}${c.points} ${c.dimension}`;
    const mark = c.fired ? '✓' : '✗';
    out.push(`${mark} ${c.id} (${gives}): ${conditionText(c.condition)}${c.fired && c.why ? ` — ${c.why}` : ''}`);
  }
  for (const d of ['fit', 'engagement'] as const) {
    const t = e.dimensions[d];
    if (t.removed > 0) out.push(`cap: ${d} ${t.raw} capped at ${t.max}, ${t.removed} removed`);
  }
  for (const g of e.gates) out.push(`gate: ${g.id} disqualified the lead${g.why ? ` — ${g.why}` : ''}`);
  for (const s of e.stages) out.push(`stage ${s.id} (min ${s.min}): ${s.qualifies ? 'qualifies' : s.missing.join('; ') || 'does not qualify'}`);
  return out;
}

function conditionText(t: ConditionTrace): string {
  if (t.kind === 'leaf') {
    const leaf = { field: t.field, op: t.op, ...(t.value !== undefined ? { value: t.value } : {}) } as Leaf;
    const got = t.leadValue === undefined ? 'missing' : formatValue(t.leadValue as never);
    return `${describeCondition(leaf)} [${got}${t.note ? `: ${t.note}` : ''}] ${t.result ? 'yes' : 'no'}`;
  }
  const parts = t.children.map((c) => (c.kind === 'leaf' ? conditionText(c) : `(${conditionText(c)})`));
  if (t.kind === 'not') return `not ${parts[0]}`;
  if (t.kind === 'at_least') return `${t.need} of: ${parts.join('; ')}`;
  return parts.join(t.kind === 'all' ? ' and ' : ' or ');
}
