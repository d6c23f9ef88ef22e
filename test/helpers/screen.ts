/**
 * What a terminal of this width shows after receiving `output`: its lines, as a person reads
 * them. Enough of a terminal for progress bars and tables: printable characters, line feeds,
 * carriage returns, erase to the end of the line (ESC [ K), and a line longer than the width
 * continuing on the next row, as terminals wrap it; other escape sequences (colours) are skipped.
 */
export function screenOf(output: string, columns: number): string[] {
  const rows: string[][] = [[]];
  let r = 0;
  let c = 0;
  for (let i = 0; i < output.length; i++) {
    const ch = output[i]!;
    if (ch === '\x1b') {
      const m = /^\x1b\[[0-9;?]*([A-Za-z])/.exec(output.slice(i));
      if (m) {
        if (m[1] === 'K') rows[r] = rows[r]!.slice(0, c);
        i += m[0].length - 1;
        continue;
      }
    }
    if (ch === '\r') c = 0;
    else if (ch === '\n') {
      r++;
      rows[r] ??= [];
      c = 0;
    } else {
      if (c >= columns) {
        r++;
        rows[r] ??= [];
        c = 0;
      }
      rows[r]![c++] = ch;
    }
  }
  return rows.map((row) => Array.from(row, (x) => x ?? ' ').join('').trimEnd());
}
