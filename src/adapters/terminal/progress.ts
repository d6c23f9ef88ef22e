import { terminalSafe } from '../../core/text/terminal.js';

/** A progress bar for long scoring runs, on stderr and only when stderr is a terminal. */
export interface Progress {
  update(bytes: number, total: number, rows: number): void;
  done(): void;
}

const NONE: Progress = { update() {}, done() {} };

/** `label` names the file being scored, as typed: it is shown made safe for the terminal. */
export function progressBar(stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number }, label: string): Progress {
  if (!stderr.isTTY) return NONE;
  const shownLabel = terminalSafe(label);
  let last = 0;
  let shown = false;
  return {
    update(bytes, total, rows) {
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      const frac = total > 0 ? Math.min(1, bytes / total) : 0;
      const width = Math.max(10, Math.min(30, (stderr.columns ?? 80) - 50));
      const fill = Math.round(frac * width);
      stderr.write(`\r${shownLabel} [${'#'.repeat(fill)}${'-'.repeat(width - fill)}] ${(frac * 100).toFixed(0).padStart(3)}%  ${rows.toLocaleString('en-US')} leads\x1b[K`);
      shown = true;
    },
    done() {
      if (shown) stderr.write('\r\x1b[K');
    },
  };
}
