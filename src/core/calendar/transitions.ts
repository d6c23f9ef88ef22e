import { offsetAt } from '../agenda/zone.js';

/** A change of a zone's UTC offset: the instant it happens, the offsets before and after (minutes east of UTC). */
export interface Transition {
  at: number;
  from: number;
  to: number;
}

/**
 * Offsets are read this far apart, and the instant of each change found by halving the step.
 * A change and its undoing less than a week apart would be missed; no zone has had one since 1970.
 */
const STEP = 7 * 86_400_000;

/**
 * Every change of the zone's UTC offset in [from, to), from Intl's time-zone data (the data
 * the agenda is timed with), to the second.
 */
export function offsetTransitions(zone: string, from: number, to: number): Transition[] {
  const found: Transition[] = [];
  let before = from;
  let offset = offsetAt(before, zone);
  while (before < to) {
    const after = Math.min(before + STEP, to);
    if (offsetAt(after, zone) === offset) {
      before = after;
      continue;
    }
    // Scanning goes on from the change, not from `after`: a second change may follow within the step.
    const change = changeBetween(zone, before, after, offset);
    found.push(change);
    before = change.at;
    offset = change.to;
  }
  return found;
}

/** The first instant, to the second, after `low` whose offset is not `offset` (there is one by `high`). */
function changeBetween(zone: string, low: number, high: number, offset: number): Transition {
  let lo = low;
  let hi = high;
  while (hi - lo > 1000) {
    const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
    if (offsetAt(mid, zone) === offset) lo = mid;
    else hi = mid;
  }
  return { at: hi, from: offset, to: offsetAt(hi, zone) };
}
