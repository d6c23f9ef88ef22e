import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildAgenda, type AgendaRequest } from '../../../src/core/agenda/build.js';
import { agendaIcs, agendaUid } from '../../../src/adapters/calendar/ics.js';
import { getTemplate } from '../../../src/adapters/workspace/templates.js';
import type { WorkspaceConfig } from '../../../src/core/schemas/workspace.js';

// Parsed back with ical.js, a parser independent of ical-generator, which wrote the file.
const config: WorkspaceConfig = { organization: 'Acme Corp', teams: { sales: { name: 'Sales', members: [] }, marketing: { name: 'Marketing', members: [] } } };
const NOW = new Date('2026-11-27T10:00:00Z');

function invite(id: string, req: AgendaRequest) {
  const entry = getTemplate(null, id);
  const agenda = buildAgenda(entry.template, entry.file, config, req);
  const { text } = agendaIcs(agenda, { uid: agendaUid('Acme Corp', id, req.date), now: NOW });
  const cal = new ICAL.Component(ICAL.parse(text));
  // Times with a TZID resolve through the VTIMEZONE the file itself carries, nothing else.
  for (const vtz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(vtz);
  const vevents = cal.getAllSubcomponents('vevent');
  expect(vevents).toHaveLength(1);
  const event = new ICAL.Event(vevents[0]!);
  return { text, cal, event, vevent: vevents[0]! };
}

const utc = (t: ICAL.Time) => t.toJSDate().toISOString();

describe('the calendar invite', () => {
  it('has the start, end, zone, summary, UID and DTSTAMP', () => {
    const { event, vevent, text } = invite('kickoff', { date: '2026-12-03', start: '09:30', zone: 'Europe/Berlin' });
    expect(event.startDate.zone.tzid).toBe('Europe/Berlin');
    expect(event.startDate.toString()).toBe('2026-12-03T09:30:00');
    expect(utc(event.startDate)).toBe('2026-12-03T08:30:00.000Z');
    expect(utc(event.endDate)).toBe('2026-12-03T10:00:00.000Z'); // 90 minutes
    expect(event.summary).toBe('Kickoff: Sales and Marketing at Acme Corp');
    expect(event.uid).toBe(agendaUid('Acme Corp', 'kickoff', '2026-12-03'));
    expect(vevent.getFirstPropertyValue('dtstamp')!.toString()).toBe('2026-11-27T10:00:00Z');
    expect(event.description).toContain('09:30–09:40  Welcome and who is here');
    expect(vevent.getFirstPropertyValue('rrule')).toBeNull();
    expect(text).toMatch(/^BEGIN:VTIMEZONE\r\nTZID:Europe\/Berlin\r\n/m);
  });

  it.each([
    ['Europe/Berlin', '2026-03-28', '09:00:00'], // CET, UTC+1
    ['Europe/Berlin', '2026-03-29', '08:00:00'], // clocks went forward that night: CEST, UTC+2
    ['America/New_York', '2026-10-31', '14:00:00'], // EDT, UTC-4
    ['America/New_York', '2026-11-01', '15:00:00'], // clocks went back that night: EST, UTC-5
  ])('10:00 in %s on %s is %s UTC', (zone, date, utcTime) => {
    const { event } = invite('sync', { date, start: '10:00', zone });
    expect(utc(event.startDate)).toBe(`${date}T${utcTime}.000Z`);
    expect(event.startDate.toString()).toBe(`${date}T10:00:00`);
  });

  it('repeats with an RRULE whose occurrences keep the local time across a change of the clocks', () => {
    const { event } = invite('sync', { date: '2026-10-25', start: '10:00', zone: 'America/New_York', repeat: { frequency: 'weekly', count: 3 } });
    const rule = event.component.getFirstPropertyValue('rrule') as ICAL.Recur;
    expect(rule.freq).toBe('WEEKLY');
    expect(rule.count).toBe(3);
    const it = event.iterator();
    const seen: string[] = [];
    for (let next = it.next(); next; next = it.next()) seen.push(utc(next));
    expect(seen).toEqual(['2026-10-25T14:00:00.000Z', '2026-11-01T15:00:00.000Z', '2026-11-08T15:00:00.000Z']);
  });

  it('biweekly is every second week; monthly has no end without --count', () => {
    const two = invite('sync', { date: '2026-12-01', start: '10:00', zone: 'UTC', repeat: { frequency: 'biweekly', count: 6 } });
    const r2 = two.event.component.getFirstPropertyValue('rrule') as ICAL.Recur;
    expect([r2.freq, r2.interval, r2.count]).toEqual(['WEEKLY', 2, 6]);
    const month = invite('sync', { date: '2026-12-01', start: '10:00', zone: 'UTC', repeat: { frequency: 'monthly' } });
    const rm = month.event.component.getFirstPropertyValue('rrule') as ICAL.Recur;
    expect([rm.freq, rm.count]).toEqual(['MONTHLY', null]);
  });

  it('a UTC meeting is written in UTC, without a VTIMEZONE', () => {
    const { event, cal } = invite('sync', { date: '2026-12-01', start: '16:00', zone: 'UTC' });
    expect(cal.getAllSubcomponents('vtimezone')).toHaveLength(0);
    expect(utc(event.startDate)).toBe('2026-12-01T16:00:00.000Z');
    expect(event.startDate.zone.tzid).toBe('UTC');
  });

  it.each([
    ['sync', 60, '2026-11-01T05:30:00.000Z'], // ends 01:30 EDT, the hour's first pass
    ['lead-definition', 130, '2026-11-01T06:40:00.000Z'], // with its break, ends 01:40 EST, the hour's second pass
  ])('%s ending in the hour the clocks repeat lasts its %d minutes', (id, minutes, end) => {
    const { event, text } = invite(id as string, { date: '2026-11-01', start: '00:30', zone: 'America/New_York' });
    expect(text).toMatch(/^DTEND:20261101T0[56][34]000Z\r$/m);
    expect(utc(event.startDate)).toBe('2026-11-01T04:30:00.000Z');
    expect(utc(event.endDate)).toBe(end);
    expect(event.endDate.toJSDate().getTime() - event.startDate.toJSDate().getTime()).toBe((minutes as number) * 60_000);
  });

  it('ends every line with CRLF, the last one too (RFC 5545 3.1), in a zone and in UTC, repeating or not', () => {
    for (const req of [
      { date: '2026-12-03', start: '09:30', zone: 'Europe/Berlin' },
      { date: '2026-12-03', start: '09:30', zone: 'UTC', repeat: { frequency: 'weekly' as const, count: 3 } },
    ]) {
      const { text } = invite('sync', req);
      expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
      const lines = text.split('\r\n');
      expect(lines.pop()).toBe('');
      for (const line of lines) expect(line).not.toMatch(/[\r\n]/);
    }
  });

  it('the UID is stable for the same organization, template and date, and differs otherwise', () => {
    expect(agendaUid('Acme Corp', 'sync', '2026-12-01')).toBe(agendaUid('Acme Corp', 'sync', '2026-12-01'));
    expect(agendaUid('Acme Corp', 'sync', '2026-12-01')).not.toBe(agendaUid('Acme Corp', 'sync', '2026-12-08'));
    expect(agendaUid('Acme Corp', 'sync', '2026-12-01')).not.toBe(agendaUid('Beta Inc', 'sync', '2026-12-01'));
  });
});
