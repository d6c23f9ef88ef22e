import { offsetAt } from '../agenda/zone.js';
import { offsetTransitions } from './transitions.js';

const DAY = 86_400_000;

/**
 * An RFC 5545 VTIMEZONE for `zone` over [from, to), made from Intl's time-zone data, the data
 * the agenda's times come from, so a calendar that follows the file reads the same instants as
 * the agenda. One observance for the offset in force at `from`, then one per change of offset
 * (its DTSTART is the local time of the change in the offset before it), each a STANDARD or a
 * DAYLIGHT one: no RRULE, so no reader has to expand a rule to agree with the agenda. `tzid` is
 * the name the file gives the zone. Lines without their CRLF.
 */
export function vtimezoneLines(tzid: string, zone: string, from: number, to: number): string[] {
  const first = offsetAt(from, zone);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${tzid}`, ...observance(zone, from, first, first)];
  for (const change of offsetTransitions(zone, from, to)) lines.push(...observance(zone, change.at, change.from, change.to));
  lines.push('END:VTIMEZONE');
  return lines;
}

function observance(zone: string, at: number, from: number, to: number): string[] {
  const kind = isDaylight(zone, at, to) ? 'DAYLIGHT' : 'STANDARD';
  return [`BEGIN:${kind}`, `DTSTART:${localStamp(at, from)}`, `TZOFFSETFROM:${icsOffset(from)}`, `TZOFFSETTO:${icsOffset(to)}`, `END:${kind}`];
}

/**
 * Intl does not say which offset is summer time; an offset is taken as daylight time when the
 * zone is behind it eight months before or after (clocks that go forward and come back within
 * the year). A zone that moves for good (Paraguay in 2024) keeps standard time.
 */
function isDaylight(zone: string, at: number, offset: number): boolean {
  return offset > offsetAt(at - 240 * DAY, zone) || offset > offsetAt(at + 240 * DAY, zone);
}

/** The wall-clock time of an instant at a UTC offset, as an RFC 5545 local DATE-TIME: 20261025T030000. */
function localStamp(at: number, offset: number): string {
  return new Date(at + offset * 60_000).toISOString().slice(0, 19).replace(/[-:]/g, '');
}

/** An RFC 5545 UTC-OFFSET: +0545, -0300. */
function icsOffset(minutes: number): string {
  const a = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(a / 60)).padStart(2, '0')}${String(a % 60).padStart(2, '0')}`;
}
