import { mermaidText } from './escape.js';
import type { GoalRow } from './model.js';

/**
 * Goal progress as a Mermaid bar chart: each goal's latest value as the share of the way
 * from its baseline to its target. Goals are named by id (a slug, safe in a chart and short
 * on an axis); their titles stay in the table above. Null when no goal can be measured.
 */
export function goalChart(goals: GoalRow[]): string[] | null {
  const measured = goals.filter((g) => g.progressPercent !== null);
  if (measured.length === 0) return null;
  const values = measured.map((g) => g.progressPercent!);
  const lo = Math.min(0, ...values);
  const hi = Math.max(100, ...values);
  return [
    '```mermaid',
    'xychart-beta',
    '    title "Shared goals: progress from baseline to target (%)"',
    `    x-axis [${measured.map((g) => `"${mermaidText(g.id)}"`).join(', ')}]`,
    `    y-axis "% of the way to target" ${lo} --> ${hi}`,
    `    bar [${values.join(', ')}]`,
    '```',
  ];
}

/** Leads per stage under the current rubric as a Mermaid pie (stages with no leads are left out: a pie cannot show 0). */
export function stageChart(dist: { stage: string; label: string | null; count: number }[]): string[] {
  const total = dist.reduce((n, d) => n + d.count, 0);
  return [
    '```mermaid',
    'pie showData',
    `    title Leads by stage (${total} leads)`,
    ...dist.filter((d) => d.count > 0).map((d) => `    "${mermaidText(d.label ? `${d.label} (${d.stage})` : d.stage)}" : ${d.count}`),
    '```',
  ];
}
