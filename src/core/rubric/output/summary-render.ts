/** The summary of a scoring run as terminal text: stage table, histogram, criteria with lift. */
import type { ScoreSummary } from './summary.js';
import { terminalSafe as t } from '../../text/terminal.js';

const BAR = 40;

const pct = (x: number | null | undefined): string => (x === null || x === undefined ? '–' : `${(x * 100).toFixed(1)}%`);

function table(rows: string[][], rightAligned: boolean[]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows
    .map((r) => r.map((cell, c) => (rightAligned[c] ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  ').trimEnd())
    .join('\n');
}

/** Stage labels, criterion ids, the outcome column and the rubric's name are the user's: each goes through t(). */
export function renderSummary(s: ScoreSummary, about: { rubric: string; asOf: string }): string {
  const out: string[] = [];
  const skipped = s.skipped ? ` (${s.skipped} row${s.skipped === 1 ? '' : 's'} skipped)` : '';
  out.push(`${s.leads} lead${s.leads === 1 ? '' : 's'} scored${skipped} with ${t(about.rubric)} as of ${about.asOf}`, '');

  const withOutcome = s.outcome !== undefined;
  const stageRows = [['stage', 'leads', 'share', ...(withOutcome ? ['converted', 'conversion'] : [])]];
  for (const st of s.stages) {
    stageRows.push([
      t(st.label ? `${st.stage} (${st.label})` : st.stage),
      String(st.count),
      pct(st.share),
      ...(withOutcome ? [String(st.converted ?? 0), pct(st.conversion)] : []),
    ]);
  }
  out.push(table(stageRows, [false, true, true, true, true]));
  if (s.outcome) out.push(`all leads: ${s.outcome.converted} converted (${pct(s.outcome.conversion)}), outcome column "${t(s.outcome.column)}"`);

  out.push('', 'score histogram');
  const most = Math.max(1, ...s.histogram.map((b) => b.count));
  const label = (b: { from: number; to: number }) => `${b.from}–${b.to}`;
  const lw = Math.max(...s.histogram.map((b) => label(b).length));
  for (const b of s.histogram) {
    const len = Math.round((b.count / most) * BAR);
    const bar = b.count > 0 && len === 0 ? '▏' : '█'.repeat(len);
    out.push(`  ${label(b).padStart(lw)}  ${bar}${bar ? ' ' : ''}${b.count}`);
  }

  if (withOutcome) {
    out.push('', 'criteria: how often each fires, and conversion when it fires versus not (lift)');
    const rows = [['criterion', 'fires', 'fire rate', 'conv. fired', 'conv. not fired', 'lift']];
    for (const c of s.criteria) {
      rows.push([t(c.id), String(c.fires), pct(c.fireRate), pct(c.conversionWhenFires), pct(c.conversionWhenNot), c.lift === null || c.lift === undefined ? '–' : `${c.lift.toFixed(2)}x`]);
    }
    out.push(table(rows, [false, true, true, true, true, true]));
  }
  return `${out.join('\n')}\n`;
}
