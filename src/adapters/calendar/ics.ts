import { createHash } from 'node:crypto';
import ical, { ICalCalendarMethod, ICalEventRepeatingFreq } from 'ical-generator';
import { agendaPlainText } from '../../core/agenda/plain-text.js';
import { oneLine } from '../../core/export/escape.js';
import type { Repeat, TimedAgenda } from '../../core/agenda/timing.js';
import { instantOf, isUtcZone, wallAt } from '../../core/agenda/zone.js';
import { inviteSpan } from '../../core/calendar/span.js';
import { vtimezoneLines } from '../../core/calendar/vtimezone.js';

/**
 * A Date whose local-time getters read the clock of a given zone. ical-generator writes a
 * DTSTART with TZID from a date's local fields, which for a plain Date would be the zone of
 * the machine running align, not the zone of the meeting.
 */
class ZonedDate extends Date {
  readonly internal: Date;
  constructor(instant: number, readonly zone: string) {
    super(instant);
    this.internal = new Date(instant);
  }
  withTimeZone(zone?: string | null): ZonedDate {
    return new ZonedDate(this.getTime(), zone ?? this.zone);
  }
  tzComponents() {
    return wallAt(this.getTime(), this.zone);
  }
  override getFullYear() { return this.tzComponents().year; }
  override getMonth() { return this.tzComponents().month - 1; }
  override getDate() { return this.tzComponents().day; }
  override getHours() { return this.tzComponents().hour; }
  override getMinutes() { return this.tzComponents().minute; }
  override getSeconds() { return this.tzComponents().second; }
}

const FREQ: Record<Repeat['frequency'], { freq: ICalEventRepeatingFreq; interval?: number }> = {
  weekly: { freq: ICalEventRepeatingFreq.WEEKLY },
  biweekly: { freq: ICalEventRepeatingFreq.WEEKLY, interval: 2 },
  monthly: { freq: ICalEventRepeatingFreq.MONTHLY },
};

/**
 * Stable across re-sends and clones of the workspace, so a calendar replaces the event rather
 * than adding a second one: the organization (not the folder, which differs per clone), the template and the first date.
 */
export function agendaUid(workspace: string, templateId: string, date: string): string {
  const h = createHash('sha256').update(`${workspace}\0${templateId}\0${date}`).digest('hex').slice(0, 16);
  return `${date}-${templateId}-${h}@align`;
}

export interface IcsOptions {
  uid: string;
  now: Date;
}

/**
 * One RFC 5545 event in the agenda's zone, with a VTIMEZONE made from the same time-zone data
 * as the agenda's times and covering every meeting of a repeat, or in UTC where the zone is UTC.
 */
export function agendaIcs(agenda: TimedAgenda, opts: IcsOptions): { text: string } {
  const zone = isUtcZone(agenda.zone) ? null : agenda.zone;
  const start = Date.parse(agenda.start.utc);
  const end = Date.parse(agenda.end.utc);
  const span = inviteSpan(start, end, agenda.repeat);
  const cal = ical({
    prodId: { company: 'align', product: 'align', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    // No calendar-wide zone: ical-generator would then write DTSTAMP without its Z; the event carries the zone.
    ...(zone ? { timezone: { name: null, generator: (tz: string) => vtimezoneLines(tz, tz, span.from, span.to).join('\r\n') } } : {}),
  });
  const event = cal.createEvent({
    id: opts.uid,
    // Re-sending must win over the copy a calendar already has; minutes since 1970 only grow.
    sequence: Math.floor(opts.now.getTime() / 60_000),
    stamp: opts.now,
    start: zone ? new ZonedDate(start, zone) : new Date(start),
    end: zone ? new ZonedDate(end, zone) : new Date(end),
    ...(zone ? { timezone: zone } : {}),
    summary: summaryOf(agenda),
    description: agendaPlainText(agenda),
  });
  if (agenda.repeat) {
    const f = FREQ[agenda.repeat.frequency];
    event.repeating({ freq: f.freq, ...(f.interval ? { interval: f.interval } : {}), ...(agenda.repeat.count !== undefined ? { count: agenda.repeat.count } : {}) });
  }
  return { text: crlfLines(endInUtc(cal.toString(), agenda, zone)) };
}

/** The title, and the organization unless the title names it; on one line, as calendar text must be. */
function summaryOf(agenda: TimedAgenda): string {
  const title = oneLine(agenda.template.title);
  const organization = agenda.organization ? oneLine(agenda.organization) : '';
  return organization && !title.includes(organization) ? `${title} (${organization})` : title;
}

/**
 * A meeting that ends in the hour the clocks repeat would have a local DTEND that calendar
 * programs read differently (RFC 5545 says the first pass, ical.js takes the second, and reads a
 * DURATION in wall-clock time too); an end in UTC, which RFC 5545 allows beside a local start, cannot be misread.
 */
function endInUtc(text: string, agenda: TimedAgenda, zone: string | null): string {
  if (!zone) return text;
  const read = instantOf(agenda.end.date, agenda.end.time, zone);
  if (read.ok && !read.ambiguous) return text;
  const stamp = agenda.end.utc.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return text.replace(/^DTEND;TZID=[^\r\n]*\r\n/m, `DTEND:${stamp}\r\n`);
}

/** RFC 5545 ends every content line with CRLF, the last one too; ical-generator leaves the last one bare, and a VTIMEZONE may bring bare LFs. */
function crlfLines(text: string): string {
  return `${text.replace(/\r?\n/g, '\r\n').replace(/(\r\n)?$/, '')}\r\n`;
}
