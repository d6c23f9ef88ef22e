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

/** Colour codes (SGR), which take no room on the screen. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the escape is what is matched
const COLOUR = /\x1b\[[0-9;]*m/g;

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
  const lay = (c: Cell, k: number) => wrapLines(text(c), widths[k]!).map((line) => ({ line, shown: paint(c)(line) }));
  const body = rows.map((r) => head.map((_, k) => lay(r[k] ?? '', k)));
  // Rows of several lines need a rule between them to show where one ends.
  const ruled = o.rules ?? body.some((r) => r.some((cell) => cell.length > 1));
  const headRow = head.map((h, k) => lay({ text: h, paint: o.paintHead ?? ((s) => s) }, k));
  const rule = (left: string, mid: string, right: string) => `${left}${widths.map((w) => '─'.repeat(w + 2)).join(mid)}${right}`;
  const out = [rule('┌', '┬', '┐'), ...drawRow(headRow, widths, o.align)];
  for (const row of body) out.push(...(ruled ? [rule('├', '┼', '┤')] : []), ...drawRow(row, widths, o.align));
  out.push(rule('└', '┴', '┘'));
  return out.join('\n');
}

/**
 * A row's lines, each cell padded to its column: the lines were wrapped to the width already, so
 * laying them out is one pass (a table library measured and cut each line again, which took
 * seconds on a cell of megabytes).
 */
function drawRow(cells: { line: string; shown: string }[][], widths: number[], align: TableOptions['align']): string[] {
  const height = Math.max(1, ...cells.map((c) => c.length));
  const lines: string[] = [];
  for (let i = 0; i < height; i++) {
    const parts = cells.map((c, k) => {
      const cell = c[i];
      const shown = cell?.shown ?? '';
      // Measured as shown, its colour codes left out.
      const pad = ' '.repeat(Math.max(0, widths[k]! - textColumns(shown.replace(COLOUR, ''))));
      return align?.[k] === 'right' ? `${pad}${shown}` : `${shown}${pad}`;
    });
    lines.push(`│ ${parts.join(' │ ')} │`);
  }
  return lines;
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

/** A table filled row by row, and laid out by textTable() when printed. */
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
