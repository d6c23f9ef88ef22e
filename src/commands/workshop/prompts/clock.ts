import type { styles } from '../../../adapters/terminal/style.js';

const mmss = (ms: number) => {
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

/** The live label in front of a section's prompts: `[4:59 left] `, then `[over by 1:05] ` in red. */
export function liveClock(sectionMs: number, plannedMin: number, paint: ReturnType<typeof styles>['err']): string {
  const left = plannedMin * 60_000 - sectionMs;
  return left >= 0 ? paint.dim(`[${mmss(left)} left] `) : paint.red(`[over by ${mmss(-left)}] `);
}
