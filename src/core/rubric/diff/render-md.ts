import { changeText } from './text.js';
import { count, reasonsText, usedStages, type DiffReport } from './report.js';

/** Markdown for a pull request or a shared summary. */
export function renderDiffMarkdown(r: DiffReport): string {
  const lines = [`## Rubric changes: \`${r.from}\` → \`${r.to}\``, ''];
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
      for (const s of m.samples) lines.push(`- \`${s.id}\`: ${s.from} → ${s.to} — ${cell(reasonsText(s))}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function cell(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
