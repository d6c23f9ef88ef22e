import Table from 'cli-table3';
import { terminalSafe } from '../../text/terminal.js';
import { wrapLines } from '../../text/wrap.js';
import { changeText, type ChangeText } from './text.js';
import { count, NO_PAINT, reasonsText, usedStages, type DiffReport, type Paint } from './report.js';
import type { RubricChange } from './diff.js';

const PLAIN = { head: [], border: [] };
// No rule between rows: a diff is read down the columns.
const COMPACT = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };

/** A change's words made safe for the terminal: names, labels, values and ids are the user's. */
function shownChange(c: RubricChange): ChangeText {
  const x = changeText(c);
  return { what: terminalSafe(x.what), before: terminalSafe(x.before), after: terminalSafe(x.after) };
}

/**
 * The terminal view: a table of changes and, with leads, the transition matrix.
 * `width` (the terminal's columns) wraps long conditions; without it lines are as long as they need.
 */
export function renderDiffTable(r: DiffReport, paint: Paint = NO_PAINT, width?: number): string {
  const out = [paint.bold(`${terminalSafe(r.from)} → ${terminalSafe(r.to)}`)];
  if (r.changes.length === 0) out.push('no semantic changes');
  else {
    const texts = r.changes.map(shownChange);
    const widths = columnWidths(texts, width);
    // Wrapped rows need rules between them to show where one ends.
    const t = new Table({ head: ['change', 'before', 'after'].map((h) => paint.bold(h)), style: PLAIN, ...(widths ? { colWidths: widths } : { chars: COMPACT }) });
    for (const [i, c] of r.changes.entries()) {
      const x = texts[i]!;
      const tone = toneOf(c, paint);
      const cell = (s: string, k: number) => (widths ? wrapLines(s, widths[k]! - 2).join('\n') : s);
      t.push([tone(cell(x.what, 0)), cell(x.before, 1), cell(x.after, 2)]);
    }
    out.push(t.toString());
  }
  if (r.leads) {
    const m = r.leads;
    out.push('', paint.bold(`stage movement: ${count(m.total)} leads, ${count(m.moved)} moved`));
    const { rows, cols } = usedStages(m);
    if (m.total > 0) {
      const t = new Table({ head: ['from \\ to', ...cols].map((h) => paint.bold(terminalSafe(h))), style: PLAIN, chars: COMPACT, colAligns: ['left', ...cols.map(() => 'right' as const)] });
      for (const f of rows) {
        t.push([terminalSafe(f), ...cols.map((c) => {
          const n = m.matrix[f]?.[c] ?? 0;
          const s = count(n);
          return n === 0 ? paint.dim(s) : f === c ? s : paint.changed(s);
        })]);
      }
      out.push(t.toString());
    }
    for (const s of m.samples) out.push(`  ${terminalSafe(s.id)}: ${terminalSafe(s.from)} → ${terminalSafe(s.to)}  ${paint.dim(terminalSafe(reasonsText(s)))}`);
  }
  return `${out.join('\n')}\n`;
}

function toneOf(c: RubricChange, paint: Paint): (s: string) => string {
  if (c.kind === 'added') return paint.added;
  if (c.kind === 'removed') return paint.removed;
  return paint.changed;
}

/** Column widths that fit the terminal, wrapping the before and after columns first. */
function columnWidths(texts: { what: string; before: string; after: string }[], width: number | undefined): number[] | undefined {
  if (!width) return undefined;
  const longest = (k: 'what' | 'before' | 'after', head: string) => Math.max(head.length, ...texts.map((t) => t[k].length)) + 2;
  const natural = [longest('what', 'change'), longest('before', 'before'), longest('after', 'after')];
  const room = Math.max(60, width) - 4; // four borders
  if (natural.reduce((a, b) => a + b, 0) <= room) return undefined;
  const what = Math.min(natural[0]!, Math.floor(room / 3));
  const half = Math.floor((room - what) / 2);
  return [what, half, room - what - half];
}
