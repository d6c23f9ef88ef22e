import type { Repeat } from '../agenda/timing.js';

const DAY = 86_400_000;

/** How far an open-ended repeating meeting's zone rules are written: calendar programs go on with the last offset after it. */
const OPEN_ENDED_YEARS = 20;

/**
 * The instants an invite's time-zone rules must cover: from the first of January (UTC) of the
 * first meeting's year to the end of the year after the last meeting's, or OPEN_ENDED_YEARS on
 * for a repeat without --count.
 */
export function inviteSpan(start: number, end: number, repeat: Repeat | null): { from: number; to: number } {
  const firstYear = new Date(start).getUTCFullYear();
  const from = Date.UTC(firstYear, 0, 1);
  if (repeat && repeat.count === undefined) return { from, to: Date.UTC(firstYear + OPEN_ENDED_YEARS, 0, 1) };
  const last = end + lastOccurrenceAfter(repeat);
  return { from, to: Date.UTC(new Date(last).getUTCFullYear() + 2, 0, 1) };
}

/** How long after the first meeting the last one can be, at most (a monthly meeting on the 31st skips the shorter months). */
function lastOccurrenceAfter(repeat: Repeat | null): number {
  if (!repeat?.count) return 0;
  const n = repeat.count - 1;
  if (repeat.frequency === 'weekly') return n * 7 * DAY + DAY;
  if (repeat.frequency === 'biweekly') return n * 14 * DAY + DAY;
  return n * 62 * DAY;
}
