import Table from 'cli-table3';
import { textColumns, wrapLines } from './wrap.js';

/** A cell: text already made safe for the terminal, and how to colour it (after it is wrapped). */
export type Cell = string | { text: string; paint: (s: string) => string };

export interface TableOptions {
  /** The columns the whole table may take, borders included. */
  width: number;
  paintHead?: (s: string) => string;
  /** A rule between rows; by default there is one when a row takes several lines. */
  rules?: boolean;
  align?: ('left' | 'right')[];
}

/** A column is never laid out narrower than this, nor its words cut shorter (unless the terminal is narrower still). */
const NARROWEST = 4;
/** Words up to this long are kept whole when the table must shrink; longer ones (ids, paths) may be cut. */
const WHOLE_WORD = 30;

/**
 * A table that fits the width: a column as wide as its longest line when there is room; else
 * each column keeps room for its longest word (up to WHOLE_WORD) and the rest of the width goes
 * to the columns that need it most, their text wrapped by the one wrap rule (wrap.ts).
 */
export function textTable(head: string[], rows: Cell[][], o: TableOptions): string {
  const n = head.length;
  const text = (c: Cell) => (typeof c === 'string' ? c : c.text);
  const paint = (c: Cell) => (typeof c === 'string' ? (s: string) => s : c.paint);
  const columns = head.map((h, k) => [h, ...rows.map((r) => text(r[k] ?? ''))]);
  const natural = columns.map((col) => Math.max(1, ...col.flatMap((t) => t.split('\n')).map(textColumns)));
  const words = columns.map((col) => Math.max(1, ...col.flatMap((t) => t.split(/[\s]+/)).map(textColumns)));
  const room = o.width - (n + 1) - 2 * n; // borders, and a space either side of each cell
  const widths = fitColumns(natural, words.map((w, k) => Math.min(natural[k]!, Math.max(NARROWEST, Math.min(w, WHOLE_WORD)))), room);
  const lay = (c: Cell, k: number) => wrapLines(text(c), widths[k]!).map((line) => paint(c)(line)).join('\n');
  const body = rows.map((r) => head.map((_, k) => lay(r[k] ?? '', k)));
  // Rows of several lines need a rule between them to show where one ends.
  const ruled = o.rules ?? body.some((r) => r.some((cell) => cell.includes('\n')));
  const chars = ruled ? {} : { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };
  const t = new Table({
    head: head.map((h, k) => lay({ text: h, paint: o.paintHead ?? ((s) => s) }, k)),
    colWidths: widths.map((w) => w + 2),
    style: { head: [], border: [] },
    chars,
    ...(o.align ? { colAligns: o.align } : {}),
  });
  t.push(...body);
  return t.toString();
}

/** Column widths within `room`: natural widths when they fit; else at least `least` each, the rest shared by need. */
function fitColumns(natural: number[], least: number[], room: number): number[] {
  if (natural.reduce((a, b) => a + b, 0) <= room) return natural;
  const widths = [...least];
  // Narrower than every column's least: take from the widest first, down to NARROWEST.
  for (let over = widths.reduce((a, b) => a + b, 0) - room; over > 0; over--) {
    const k = widths.indexOf(Math.max(...widths));
    if (widths[k]! <= NARROWEST) break;
    widths[k]!--;
  }
  // A column narrower than an even share is not wrapped: it gets all it needs first.
  const even = Math.floor(room / natural.length);
  for (const [k, n] of natural.entries()) {
    if (n <= even && n > widths[k]! && widths.reduce((a, b) => a + b, 0) + n - widths[k]! <= room) widths[k] = n;
  }
  // The room left goes to the columns still short of their natural width, in proportion to what each lacks.
  const left = room - widths.reduce((a, b) => a + b, 0);
  const lack = widths.map((w, k) => Math.max(0, natural[k]! - w));
  const lacking = lack.reduce((a, b) => a + b, 0);
  if (left <= 0 || lacking === 0) return widths;
  let given = 0;
  for (const [k, l] of lack.entries()) {
    const give = Math.floor((left * l) / lacking);
    widths[k]! += give;
    given += give;
  }
  // What rounding left over, one column at a time, to those lacking most.
  const order = lack.map((l, k) => [l, k] as const).filter(([l]) => l > 0).sort((x, y) => y[0] - x[0]);
  for (let i = 0; given < left && order.length; i = (i + 1) % order.length, given++) widths[order[i]![1]]!++;
  return widths;
}

/** A table filled row by row, as cli-table3's is, and laid out by textTable() when printed. */
export class FittedTable {
  private readonly rows: Cell[][] = [];
  constructor(
    private readonly head: string[],
    private readonly opts: TableOptions,
  ) {}
  push(...rows: Cell[][]): void {
    this.rows.push(...rows);
  }
  toString(): string {
    return textTable(this.head, this.rows, this.opts);
  }
}
