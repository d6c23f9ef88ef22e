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
