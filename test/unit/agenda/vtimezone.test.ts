import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offsetTransitions } from '../../../src/core/calendar/transitions.js';
import { vtimezoneLines } from '../../../src/core/calendar/vtimezone.js';
import { canonicalZone } from '../../../src/core/agenda/zone.js';
import { buildAgenda } from '../../../src/core/agenda/build.js';
import { agendaJson } from '../../../src/core/agenda/output.js';
import { getTemplate } from '../../../src/adapters/workspace/templates.js';
import { tempRepo, type TempRepo } from '../../helpers/workspace.js';

// The invite's times, read by ical.js through the VTIMEZONE the file carries and nothing else,
// must be the instants of the agenda align prints for each of those days.

let repo: TempRepo;
beforeAll(async () => {
  repo = await tempRepo({ git: false });
});
afterAll(() => repo.cleanup());

interface Occurrence {
  start: string;
  end: string;
}

/** Every meeting of the invite as ical.js reads it, resolving its TZID only through the file's own VTIMEZONE. */
function readInvite(text: string): { tzid: string; occurrences: Occurrence[] } {
  const cal = new ICAL.Component(ICAL.parse(text));
  const zones = cal.getAllSubcomponents('vtimezone');
  expect(zones).toHaveLength(1);
  const tzid = String(zones[0]!.getFirstPropertyValue('tzid'));
  ICAL.TimezoneService.reset();
  ICAL.TimezoneService.register(zones[0]!);
  const event = new ICAL.Event(cal.getFirstSubcomponent('vevent')!);
  expect(event.startDate.zone.tzid).toBe(tzid);
  // RFC 5545 gives every meeting of a repeat the exact duration of the first (ical.js would add it in wall-clock time).
  const minutes = (event.endDate.toJSDate().getTime() - event.startDate.toJSDate().getTime()) / 60_000;
  const occurrences: Occurrence[] = [];
  const it = event.iterator();
  for (let next = it.next(); next && occurrences.length < 600; next = it.next()) {
    const start = next.toJSDate().getTime();
    occurrences.push({ start: new Date(start).toISOString(), end: new Date(start + minutes * 60_000).toISOString() });
  }
  return { tzid, occurrences };
}

/**
 * The JSON agenda `align agenda sync --date DATE --start START --tz ZONE --format json` prints
 * (made here by the same functions, without a process per day): its start and end instants.
 */
function agendaAt(date: string, start: string, zone: string): Occurrence {
  const sync = getTemplate(null, 'sync');
  const a = JSON.parse(agendaJson(buildAgenda(sync.template, sync.file, null, { date, start, zone }))) as { start: { utc: string }; end: { utc: string } };
  return { start: a.start.utc, end: a.end.utc };
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const ZONES = ['Europe/Berlin', 'America/New_York', 'Asia/Almaty', 'America/Nuuk', 'America/Asuncion', 'Australia/Lord_Howe', 'Asia/Kathmandu'];

describe('the invite keeps the agenda’s instants', () => {
  // 52 weeks from January cross every change of the clocks of a year, in both hemispheres; in 2024
  // Almaty moved to UTC+5, Nuuk began summer time at UTC-1 and Asuncion stayed at UTC-3 for good.
  it.each(ZONES)('%s: every meeting of --repeat weekly --count 52', async (zone) => {
    const r = await repo.align(['agenda', 'sync', '--date', '2024-01-01', '--start', '09:00', '--tz', zone, '--format', 'ics', '--repeat', 'weekly', '--count', '52']);
    expect(r.exitCode).toBe(0);
    const { tzid, occurrences } = readInvite(r.stdout);
    expect(tzid).toBe(zone);
    expect(occurrences).toHaveLength(52);
    const expected = occurrences.map((_, k) => agendaAt(addDays('2024-01-01', 7 * k), '09:00', zone));
    expect(occurrences).toEqual(expected);
    // The meetings do cross a change of the clocks, where the zone has one.
    const utcTimes = new Set(expected.map((o) => o.start.slice(11, 16)));
    expect(utcTimes.size).toBe(zone === 'Asia/Kathmandu' ? 1 : 2);
  });

  it.each([
    ['Asia/Almaty', '2026-07-14', '10:00'], // the issue's example: 05:00Z, not 04:00Z as 2023's data had it
    ['America/Nuuk', '2026-07-14', '10:00'],
    ['America/Asuncion', '2026-07-14', '10:00'], // permanent UTC-3 since October 2024
    ['Australia/Lord_Howe', '2026-10-04', '10:00'], // the morning after its half-hour change
    ['Asia/Kathmandu', '2031-02-03', '23:30'],
    ['Europe/Berlin', '2026-03-29', '03:30'],
    ['America/New_York', '2026-11-01', '00:30'], // ends in the hour the clocks repeat
  ])('%s on %s at %s, a single meeting', async (zone, date, start) => {
    const r = await repo.align(['agenda', 'sync', '--date', date, '--start', start, '--tz', zone, '--format', 'ics']);
    expect(r.exitCode).toBe(0);
    expect(readInvite(r.stdout).occurrences).toEqual([agendaAt(date, start, zone)]);
  });

  it('an open-ended repeat is right for twenty years, monthly and biweekly too', async () => {
    for (const [repeat, count] of [['monthly', '30'], ['biweekly', '40'], ['weekly', undefined]] as const) {
      const zone = 'America/Asuncion';
      const r = await repo.align(['agenda', 'sync', '--date', '2023-09-29', '--tz', zone, '--format', 'ics', '--repeat', repeat, ...(count ? ['--count', count] : [])]);
      const { occurrences } = readInvite(r.stdout);
      const seen = count ? occurrences : occurrences.filter((_, k) => k % 50 === 0);
      for (const o of seen) {
        const date = new Date(Date.parse(o.start) - 3 * 3_600_000).toISOString().slice(0, 10);
        expect(o).toEqual(agendaAt(date, '10:00', zone));
      }
    }
  });
});

describe('zone names', () => {
  it.each([
    ['America/Godthab', 'America/Nuuk'],
    ['america/nuuk', 'America/Nuuk'],
    ['Asia/Calcutta', 'Asia/Kolkata'],
    ['Asia/Katmandu', 'Asia/Kathmandu'],
    ['Europe/Kiev', 'Europe/Kyiv'],
    ['europe/berlin', 'Europe/Berlin'],
  ])('--tz %s is written %s, in the agenda and as the invite’s TZID', async (given, current) => {
    expect(canonicalZone(given)).toBe(current);
    const r = await repo.align(['agenda', 'sync', '--date', '2026-07-14', '--tz', given, '--format', 'ics']);
    expect(r.stdout).toContain(`\r\nTZID:${current}\r\n`);
    expect(r.stdout).toContain(`DTSTART;TZID=${current}:20260714T100000\r\n`);
  });
});

describe('the VTIMEZONE generator', () => {
  const year = (y: number) => [Date.UTC(y, 0, 1), Date.UTC(y + 1, 0, 1)] as const;
  it.each([
    ['Europe/Berlin', 2026, [['2026-03-29T01:00:00.000Z', 60, 120], ['2026-10-25T01:00:00.000Z', 120, 60]]],
    ['Australia/Lord_Howe', 2026, [['2026-04-04T15:00:00.000Z', 660, 630], ['2026-10-03T15:30:00.000Z', 630, 660]]],
    ['America/Asuncion', 2024, [['2024-03-24T03:00:00.000Z', -180, -240], ['2024-10-06T04:00:00.000Z', -240, -180]]],
    ['America/Asuncion', 2026, []],
    ['Asia/Kathmandu', 2026, []],
  ] as const)('%s in %d changes its offset at exactly these instants', (zone, y, expected) => {
    const found = offsetTransitions(zone, ...year(y)).map((t) => [new Date(t.at).toISOString(), t.from, t.to]);
    expect(found).toEqual(expected);
  });

  it('writes one observance for the start and one per change, in local time before the change', () => {
    expect(vtimezoneLines('Australia/Lord_Howe', 'Australia/Lord_Howe', ...year(2026))).toEqual([
      'BEGIN:VTIMEZONE', 'TZID:Australia/Lord_Howe',
      'BEGIN:DAYLIGHT', 'DTSTART:20260101T110000', 'TZOFFSETFROM:+1100', 'TZOFFSETTO:+1100', 'END:DAYLIGHT',
      'BEGIN:STANDARD', 'DTSTART:20260405T020000', 'TZOFFSETFROM:+1100', 'TZOFFSETTO:+1030', 'END:STANDARD',
      'BEGIN:DAYLIGHT', 'DTSTART:20261004T020000', 'TZOFFSETFROM:+1030', 'TZOFFSETTO:+1100', 'END:DAYLIGHT',
      'END:VTIMEZONE',
    ]);
    expect(vtimezoneLines('Asia/Kathmandu', 'Asia/Kathmandu', ...year(2026))).toEqual([
      'BEGIN:VTIMEZONE', 'TZID:Asia/Kathmandu',
      'BEGIN:STANDARD', 'DTSTART:20260101T054500', 'TZOFFSETFROM:+0545', 'TZOFFSETTO:+0545', 'END:STANDARD',
      'END:VTIMEZONE',
    ]);
  });
});
