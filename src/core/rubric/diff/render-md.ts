import { cell, code, md } from '../../export/escape.js';
import { changeText } from './text.js';
import { count, reasonsText, usedStages, type DiffReport } from './report.js';

/** Markdown for a pull request or a shared summary. */
export function renderDiffMarkdown(r: DiffReport): string {
  const lines = [`## Rubric changes: ${code(r.from)} → ${code(r.to)}`, ''];
  if (r.changes.length === 0) lines.push('No semantic changes.');
  else {
    lines.push('| change | before | after |', '|---|---|---|');
    for (const c of r.changes) {
      const t = changeText(c);
      lines.push(`| ${cell(t.what)} | ${cell(t.before)} | ${cell(t.after)} |`);
    }
  }
  if (r.leads) {
    const m = r.leads;
    const { rows, cols } = usedStages(m);
    lines.push('', `## Stage movement: ${count(m.total)} leads, ${count(m.moved)} moved`, '');
    if (m.total > 0) {
      lines.push(`| from \\ to | ${cols.join(' | ')} |`, `|---|${cols.map(() => '---:').join('|')}|`);
      for (const f of rows) lines.push(`| ${f} | ${cols.map((t) => count(m.matrix[f]?.[t] ?? 0)).join(' | ')} |`);
    }
    if (m.samples.length) {
      lines.push('', '### Sample leads that moved', '');
      for (const s of m.samples) lines.push(`- ${code(s.id)}: ${md(s.from)} → ${md(s.to)} — ${md(reasonsText(s))}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
