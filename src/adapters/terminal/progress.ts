/** A progress bar for long scoring runs, on stderr and only when stderr is a terminal. */
export interface Progress {
  update(bytes: number, total: number, rows: number): void;
  done(): void;
}

const NONE: Progress = { update() {}, done() {} };

export function progressBar(stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number }, label: string): Progress {
  if (!stderr.isTTY) return NONE;
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
      stderr.write(`\r${label} [${'#'.repeat(fill)}${'-'.repeat(width - fill)}] ${(frac * 100).toFixed(0).padStart(3)}%  ${rows.toLocaleString('en-US')} leads\x1b[K`);
      shown = true;
    },
    done() {
      if (shown) stderr.write('\r\x1b[K');
    },
  };
}
