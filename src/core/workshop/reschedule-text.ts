import type { Reschedule } from './open-actions.js';

/**
 * An action's due date as it stands, with the date it first had and the session of each move:
 * `2026-12-20 (was 2026-12-02; moved in 2026-12-08-sync)`. `status` and `export` say it alike.
 */
export function dueWithHistory(due: string, rescheduled: readonly Reschedule[]): string {
  if (!rescheduled.length) return due;
  const first = rescheduled[0]!.from ?? 'no date';
  const moves = rescheduled.length === 1 ? `moved in ${rescheduled[0]!.session}` : `moved ${rescheduled.map((r) => `to ${r.to} in ${r.session}`).join(', ')}`;
  return `${due} (was ${first}; ${moves})`;
}
