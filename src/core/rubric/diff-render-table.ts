import Table from 'cli-table3';
import { changeText } from './diff-text.js';
import { count, NO_PAINT, reasonsText, usedStages, type DiffReport, type Paint } from './diff-report.js';
import type { RubricChange } from './diff.js';

const PLAIN = { head: [], border: [] };
// No rule between rows: a diff is read down the columns.
const COMPACT = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };

/** The terminal view: a table of changes and, with leads, the transition matrix. */
export function renderDiffTable(r: DiffReport, paint: Paint = NO_PAINT): string {
  const out = [paint.bold(`${r.from} → ${r.to}`)];
  if (r.changes.length === 0) out.push('no semantic changes');
  else {
    const t = new Table({ head: ['change', 'before', 'after'].map((h) => paint.bold(h)), style: PLAIN, chars: COMPACT });
    for (const c of r.changes) {
      const x = changeText(c);
      const tone = toneOf(c, paint);
      t.push([tone(x.what), x.before, x.after]);
    }
    out.push(t.toString());
  }
  if (r.leads) {
    const m = r.leads;
    out.push('', paint.bold(`stage movement: ${count(m.total)} leads, ${count(m.moved)} moved`));
    const { rows, cols } = usedStages(m);
    if (m.total > 0) {
      const t = new Table({ head: ['from \\ to', ...cols].map((h) => paint.bold(h)), style: PLAIN, chars: COMPACT, colAligns: ['left', ...cols.map(() => 'right' as const)] });
      for (const f of rows) {
        t.push([f, ...cols.map((c) => {
          const n = m.matrix[f]?.[c] ?? 0;
          const s = count(n);
          return n === 0 ? paint.dim(s) : f === c ? s : paint.changed(s);
        })]);
      }
      out.push(t.toString());
    }
    for (const s of m.samples) out.push(`  ${s.id}: ${s.from} → ${s.to}  ${paint.dim(reasonsText(s))}`);
  }
  return `${out.join('\n')}\n`;
}

function toneOf(c: RubricChange, paint: Paint): (s: string) => string {
  if (c.kind === 'added') return paint.added;
  if (c.kind === 'removed') return paint.removed;
  return paint.changed;
}
