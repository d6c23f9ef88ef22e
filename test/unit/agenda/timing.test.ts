import { describe, expect, it } from 'vitest';
import { parseRepeat, parseTime, parseZone } from '../../../src/core/agenda/options.js';
import { buildAgenda } from '../../../src/core/agenda/build.js';
import { instantOf, offsetAt } from '../../../src/core/agenda/zone.js';
import type { Template } from '../../../src/core/schemas/template.js';

const template: Template = {
  id: 'two',
  title: 'Two parts',
  sections: [
    { id: 'a', title: 'A', minutes: 45, prompts: [], capture: 'notes', lead: 'sales' },
    { id: 'b', title: 'B', minutes: 30, prompts: [], capture: 'actions', lead: 'both' },
  ],
};

describe('wall-clock time in a zone', () => {
  it.each([
    ['2026-07-01', '12:00', 'Europe/Berlin', '2026-07-01T10:00:00.000Z', false],
    ['2026-01-15', '12:00', 'Europe/Berlin', '2026-01-15T11:00:00.000Z', false],
    ['2026-11-01', '01:30', 'America/New_York', '2026-11-01T05:30:00.000Z', true], // first of two passes
    ['2026-06-01', '09:00', 'Asia/Kolkata', '2026-06-01T03:30:00.000Z', false],
    ['2026-06-01', '09:00', 'Australia/Lord_Howe', '2026-05-31T22:30:00.000Z', false], // half-hour DST zone, in winter
    ['2026-12-31', '23:30', 'Pacific/Kiritimati', '2026-12-31T09:30:00.000Z', false], // UTC+14
  ])('%s %s in %s is %s', (date, time, zone, iso, ambiguous) => {
    const r = instantOf(date, time, zone);
    expect(r).toEqual({ ok: true, instant: Date.parse(iso), ambiguous });
  });

  it('a time the clocks skip does not exist', () => {
    expect(instantOf('2026-03-08', '02:30', 'America/New_York')).toEqual({ ok: false, reason: 'gap' });
    expect(instantOf('2026-03-29', '02:30', 'Europe/Berlin')).toEqual({ ok: false, reason: 'gap' });
  });

  it('reads offsets east of UTC in minutes', () => {
    expect(offsetAt(Date.parse('2026-07-01T00:00:00Z'), 'America/New_York')).toBe(-240);
    expect(offsetAt(Date.parse('2026-07-01T00:00:00Z'), 'Asia/Kathmandu')).toBe(345);
  });
});

describe('a timed agenda', () => {
  it('times each section from the start and reads leads as names', () => {
    const a = buildAgenda(template, 't.yaml', null, { date: '2026-12-01', start: '16:30', zone: 'Europe/Berlin' });
    expect(a.sections.map((s) => [s.start.time, s.end.time, s.leadName])).toEqual([['16:30', '17:15', 'Sales'], ['17:15', '17:45', 'Sales and Marketing']]);
    expect(a.end).toEqual({ date: '2026-12-01', time: '17:45', offset: '+01:00', utc: '2026-12-01T16:45:00.000Z' });
    expect([a.minutes, a.organization, a.facilitator]).toEqual([75, null, null]);
  });

  it('runs past midnight into the next day', () => {
    const a = buildAgenda(template, 't.yaml', null, { date: '2026-12-31', start: '23:30', zone: 'UTC' });
    expect(a.end).toMatchObject({ date: '2027-01-01', time: '00:45' });
  });

  it('counts elapsed minutes across a change of the clocks', () => {
    const a = buildAgenda(template, 't.yaml', null, { date: '2026-11-01', start: '00:50', zone: 'America/New_York' });
    expect(a.sections.map((s) => `${s.start.time}${s.start.offset}`)).toEqual(['00:50-04:00', '01:35-04:00']);
    // 75 minutes after 04:50Z; the wall clock reads 01:05 again, an hour later in standard time
    expect(a.end).toMatchObject({ time: '01:05', offset: '-05:00', utc: '2026-11-01T06:05:00.000Z' });
  });

  it.each([
    ['2026-03-08', '02:30', /does not exist/],
    ['2026-11-01', '01:30', /happens twice/],
  ])('refuses a start at %s %s in New York', (date, start, message) => {
    expect(() => buildAgenda(template, 't.yaml', null, { date, start, zone: 'America/New_York' })).toThrow(message);
  });
});

describe('agenda flags', () => {
  it.each([['9:05', '09:05'], ['23:59', '23:59'], [' 00:00 ', '00:00']])('--start %j is %s', (t, want) => expect(parseTime(t)).toBe(want));
  it.each(['24:00', '10:60', '10', '10am', '10:5'])('--start %j is refused', (t) => expect(() => parseTime(t)).toThrow(/not a time of day/));
  it.each([['europe/berlin', 'Europe/Berlin'], ['UTC', 'UTC']])('--tz %s is %s', (z, want) => expect(parseZone(z)).toBe(want));
  it.each(['Mars/Olympus', 'CET+5', ''])('--tz %j is refused', (z) => expect(() => parseZone(z)).toThrow(/not a time zone/));
  it('--repeat and --count', () => {
    expect(parseRepeat(undefined, undefined)).toBeUndefined();
    expect(parseRepeat('biweekly', '6')).toEqual({ frequency: 'biweekly', count: 6 });
    expect(parseRepeat('monthly', undefined)).toEqual({ frequency: 'monthly' });
    expect(() => parseRepeat(undefined, '3')).toThrow(/--count needs --repeat/);
    for (const bad of ['0', '-1', '2.5', 'x', '501']) expect(() => parseRepeat('weekly', bad)).toThrow(/not a number of meetings/);
  });
});
