import type { Repeat } from './timing.js';
import type { AgendaTime, TimedAgenda } from './timing.js';

/** Words shared by the Markdown and plain-text agendas. */

export function timeRange(a: AgendaTime, b: AgendaTime): string {
  return `${a.time}–${b.time}${b.date !== a.date ? ` (${b.date})` : ''}`;
}

export function weekday(date: string): string {
  return new Date(`${date}T12:00:00Z`).toLocaleDateString('en-US', { weekday: 'long', timeZone: 'UTC' });
}

export function describeRepeat(r: Repeat): string {
  const every = { weekly: 'every week', biweekly: 'every two weeks', monthly: 'every month' }[r.frequency];
  return r.count === undefined ? `repeats ${every}` : `repeats ${every}, ${r.count} meetings in all`;
}

/** The teams and their members, each name made safe by the output's own escaper. */
export function teamsLine(a: TimedAgenda, safe: (text: string) => string): string {
  return a.teams.map((t) => (t.members.length ? `${safe(t.name)} (${t.members.map(safe).join(', ')})` : safe(t.name))).join('; ');
}

/** The zone with its offset on the day, since an offset alone hides daylight saving. */
export function zoneLabel(a: TimedAgenda): string {
  return a.start.offset === a.end.offset ? `${a.zone}, UTC${a.start.offset}` : `${a.zone}, UTC${a.start.offset} then UTC${a.end.offset}`;
}

/** "1 minute", "25 minutes". */
export function minutesText(n: number): string {
  return `${n} minute${n === 1 ? '' : 's'}`;
}

/** The meeting's length, and its breaks: "130 minutes with a 10-minute break". */
export function lengthText(a: TimedAgenda): string {
  const breaks = a.breaks.map((b) => `a ${b.minutes}-minute break`);
  return breaks.length ? `${minutesText(a.minutes)} with ${breaks.join(' and ')}` : minutesText(a.minutes);
}

/** The sections in order with each break where it falls, for the renderers to walk. */
export function timetable(a: TimedAgenda): ({ section: TimedAgenda['sections'][number] } | { pause: TimedAgenda['breaks'][number] })[] {
  return a.sections.flatMap((section) => [{ section }, ...a.breaks.filter((b) => b.after === section.id).map((pause) => ({ pause }))]);
}

/** What a section captures, for the facilitator: "criteria (fit)". */
export function captureText(s: TimedAgenda['sections'][number]): string {
  return `${s.capture}${s.dimension ? ` (${s.dimension})` : ''}`;
}
