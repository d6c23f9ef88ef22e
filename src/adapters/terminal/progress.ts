import { terminalSafe } from '../../core/text/terminal.js';
import { terminalColumns } from './width.js';
import { grouped } from '../../core/text/numbers.js';

/** A progress bar for long scoring runs, on stderr and only when stderr is a terminal. */
export interface Progress {
  update(bytes: number, total: number, rows: number): void;
  /** Takes the bar off the screen, so that a message can be printed; the next update draws it again. */
  clear(): void;
  done(): void;
}

const NONE: Progress = { update() {}, clear() {}, done() {} };

/**
 * `label` names the file being scored, as typed: it is shown made safe for the terminal. The bar
 * stays on one line, narrower than the terminal (a line the terminal wraps could not be taken
 * back with a carriage return): a label too long for it keeps its first word and its end, where
 * the file name is.
 */
export function progressBar(stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number }, label: string): Progress {
  if (!stderr.isTTY) return NONE;
  const shownLabel = terminalSafe(label);
  let last = 0;
  let shown = false;
  const clear = () => {
    if (shown) stderr.write('\r\x1b[K');
    shown = false;
  };
  return {
    update(bytes, total, rows) {
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      const columns = terminalColumns(stderr);
      const frac = total > 0 ? Math.min(1, bytes / total) : 0;
      const width = Math.max(10, Math.min(30, columns - 50));
      const fill = Math.round(frac * width);
      const tail = ` [${'#'.repeat(fill)}${'-'.repeat(width - fill)}] ${(frac * 100).toFixed(0).padStart(3)}%  ${grouped(rows)} leads`;
      stderr.write(`\r${fitted(shownLabel, columns - 1 - tail.length)}${tail}\x1b[K`);
      shown = true;
    },
    clear,
    done: clear,
  };
}

/** The label in at most `room` columns: its first word (what is being done), then the end of the rest after an ellipsis. */
function fitted(label: string, room: number): string {
  const chars = [...label];
  if (chars.length <= room) return label;
  const space = label.indexOf(' ');
  const head = space > 0 && space < room - 1 ? label.slice(0, space + 1) : '';
  const keep = room - [...head].length - 1;
  return keep <= 0 ? '' : `${head}…${chars.slice(chars.length - keep).join('')}`;
}
