import { cell, mermaidText } from './escape.js';
import type { GoalRow } from './model.js';
import { formatNumber } from './plain-condition.js';

/*
 * Every chart is followed by a Markdown table of the same data: a mail client or viewer that
 * does not render Mermaid shows the chart as code, and the table still reads.
 */

/**
 * Goal progress as a Mermaid bar chart: each goal's latest value as the share of the way
 * from its baseline to its target. Goals are named by id (a slug, safe in a chart and short
 * on an axis); the table after it gives each id's title. Null when no goal can be measured.
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
    '',
    '| Bar | Goal | Progress from baseline to target |',
    '|---|---|--:|',
    ...measured.map((g) => `| ${cell(g.id)} | ${cell(g.title)} | ${formatNumber(g.progressPercent!)}% |`),
  ];
}

/**
 * Leads per stage under the current rubric as a Mermaid pie (stages with no leads are left out:
 * a pie cannot show 0), then every stage's count and share as a table.
 */
export function stageChart(dist: { stage: string; label: string | null; count: number }[]): string[] {
  const total = dist.reduce((n, d) => n + d.count, 0);
  return [
    '```mermaid',
    'pie showData',
    `    title Leads by stage (${total} leads)`,
    ...dist.filter((d) => d.count > 0).map((d) => `    "${mermaidText(d.label ? `${d.label} (${d.stage})` : d.stage)}" : ${d.count}`),
    '```',
    '',
    '| Stage | Leads | Share |',
    '|---|--:|--:|',
    ...dist.map((d) => `| ${cell(d.label ? `${d.label} (${d.stage})` : d.stage)} | ${formatNumber(d.count)} | ${total ? `${formatNumber(Math.round((d.count / total) * 1000) / 10)}%` : '—'} |`),
  ];
}
