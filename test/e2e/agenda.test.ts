import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import { hashTree, ROOT, tempRepo, TEST_ENV, type TempRepo } from '../helpers/workspace.js';

const CONFIG = `organization: Acme Corp
teams:
  sales: { name: Field Sales, members: [Dana Kim, Lee Park] }
  marketing: { name: Growth, members: [Sam Ortiz] }
defaults: { facilitator: Ana Ruiz, start: "14:00", timezone: Europe/Berlin }
`;

let repo: TempRepo | undefined;
afterEach(() => repo?.cleanup());

async function workspace(): Promise<TempRepo> {
  repo = await tempRepo();
  repo.write('align.yaml', CONFIG);
  await repo.git('add', 'align.yaml');
  await repo.git('commit', '-q', '-m', 'workspace');
  return repo;
}

describe('align agenda', () => {
  it('renders Markdown from the workspace and its defaults', async () => {
    const r = await (await workspace()).align(['agenda', 'kickoff', '--date', '2026-12-03']);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('# Kickoff: Field Sales and Growth at Acme Corp');
    expect(r.stdout).toContain('**Time:** 14:00–15:30 (Europe/Berlin, UTC+01:00), 90 minutes');
    expect(r.stdout).toContain('**Facilitator:** Ana Ruiz');
    expect(r.stdout).toContain('**Teams:** Field Sales (Dana Kim, Lee Park); Growth (Sam Ortiz)');
    expect(r.stdout).toContain('| 14:00–14:10 | Welcome and who is here | Ana Ruiz | 10 |');
  });

  it.each(['md', 'json'])('the binary prints the reviewed golden agenda (%s)', async (format) => {
    repo = await tempRepo();
    repo.write('align.yaml', 'organization: Acme Corp\nteams:\n  sales: { name: Sales, members: [Dana Kim, Lee Park] }\n  marketing: { name: Marketing, members: [Sam Ortiz, Ana Ruiz] }\n');
    const r = await repo.align(['agenda', 'lead-definition', '--date', '2026-12-03', '--start', '09:30', '--tz', 'Europe/Berlin', '--facilitator', 'Sam Ortiz', '--format', format]);
    expect(r.exitCode).toBe(0);
    expect(`${r.stdout}\n`).toBe(readFileSync(join(ROOT, 'test/golden/agenda', `lead-definition.${format}`), 'utf8'));
  });

  it('flags win over the defaults; JSON carries the same data', async () => {
    const r = await (await workspace()).align(['agenda', 'sync', '--date', '2026-12-03', '--start', '9:15', '--tz', 'America/New_York', '--facilitator', 'Lee Park', '--format', 'json']);
    expect(r.exitCode).toBe(0);
    const a = JSON.parse(r.stdout) as { organization: string; facilitator: string; zone: string; start: { time: string; utc: string }; sections: { id: string; start: { time: string } }[] };
    expect([a.organization, a.facilitator, a.zone, a.start.time, a.start.utc]).toEqual(['Acme Corp', 'Lee Park', 'America/New_York', '09:15', '2026-12-03T14:15:00.000Z']);
    expect(a.sections.map((s) => s.id)).toEqual(['action-review', 'goal-progress', 'lead-feedback', 'revenue-plans', 'actions']);
  });

  it('works outside a workspace, with today from the clock and stand-in names', async () => {
    repo = await tempRepo({ git: false });
    const r = await repo.align(['agenda', 'future']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('# Now and next: where your organization goes from here');
    expect(r.stdout).toContain(`**Date:** Friday ${TEST_ENV.ALIGN_NOW.slice(0, 10)}`);
    expect(r.stdout).toContain('**Time:** 10:00–11:30 (UTC, UTC+00:00)'); // TZ=UTC in tests
    expect(r.stdout).toContain('**Facilitator:** to be decided');
  });

  it('--out into a folder writes agendas/<date>-<template>.<ext> once, and refuses a second time without --force', async () => {
    const ws = await workspace();
    const args = ['agenda', 'sync', '--date', '2026-12-08', '--format', 'ics', '--repeat', 'biweekly', '--count', '6', '--out', '.'];
    const first = await ws.align(args);
    expect(first.exitCode).toBe(0);
    expect(first.stdout).toBe('agendas/2026-12-08-sync.ics');
    const ics = ws.read('agendas/2026-12-08-sync.ics');
    const cal = new ICAL.Component(ICAL.parse(ics));
    for (const vtz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(vtz);
    const event = new ICAL.Event(cal.getFirstSubcomponent('vevent')!);
    expect(event.startDate.zone.tzid).toBe('Europe/Berlin');
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-12-08T13:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2026-12-08T14:00:00.000Z');
    expect(event.summary).toBe('Field Sales and Growth sync (Acme Corp)');
    expect(String(event.component.getFirstPropertyValue('rrule'))).toBe('FREQ=WEEKLY;COUNT=6;INTERVAL=2');
    expect(String(event.component.getFirstPropertyValue('dtstamp'))).toBe('2026-11-27T10:00:00Z');

    const before = hashTree(ws.dir);
    const second = await ws.align([...args.slice(0, -2), '--start', '16:00', '--out', '.']);
    expect(second.exitCode).toBe(2);
    expect(second.stderr).toMatch(/^align: agendas\/2026-12-08-sync\.ics already exists; align will not overwrite it\nhint: pass --force/);
    expect(second.stdout).toBe('');
    expect(hashTree(ws.dir)).toBe(before);

    const forced = await ws.align([...args.slice(0, -2), '--start', '16:00', '--out', '.', '--force']);
    expect(forced.exitCode).toBe(0);
    expect(ws.read('agendas/2026-12-08-sync.ics')).toContain('DTSTART;TZID=Europe/Berlin:20261208T160000');
    // the same UID, so a calendar updates the event it already has
    expect(ws.read('agendas/2026-12-08-sync.ics').match(/^UID:.*$/m)![0]).toBe(ics.match(/^UID:.*$/m)![0]);
    expect(readdirSync(join(ws.dir, 'agendas')).filter((f) => f.startsWith('.'))).toEqual([]); // no temp files left
  });

  it('--out to a file writes it and prints its path', async () => {
    const ws = await workspace();
    const missing = await ws.align(['agenda', 'exchange', '--format', 'json', '--out', 'out/exchange.json']);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toMatch(/^align: --out out\/exchange\.json: out does not exist; align creates no folders for --out\nhint: create the folder first \(mkdir -p out\)/m);
    mkdirSync(join(ws.dir, 'out'));
    const r = await ws.align(['agenda', 'exchange', '--format', 'json', '--out', 'out/exchange.json']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe('out/exchange.json');
    expect(JSON.parse(ws.read('out/exchange.json')).template.id).toBe('exchange');
  });

  const errors: [string, string[], RegExp][] = [
    ['an unknown template', ['agenda', 'retro'], /^align: no template "retro"; known templates: exchange, future, kickoff, lead-definition, sync\nhint: /m],
    ['a bad date', ['agenda', 'sync', '--date', '2026-02-30'], /^align: invalid --date "2026-02-30": expected a real calendar date written YYYY-MM-DD\nhint: for example --date /m],
    ['a bad time', ['agenda', 'sync', '--start', '25:00'], /^align: --start "25:00" is not a time of day\nhint: /m],
    ['a bad zone', ['agenda', 'sync', '--tz', 'Europe/Atlantis'], /^align: --tz "Europe\/Atlantis" is not a time zone\nhint: use an IANA zone name/m],
    ['a time the clocks skip', ['agenda', 'sync', '--tz', 'Europe/Berlin', '--date', '2026-03-29', '--start', '02:30'], /^align: 02:30 does not exist on 2026-03-29 in Europe\/Berlin/m],
    ['--count without --repeat', ['agenda', 'sync', '--count', '3'], /^align: --count needs --repeat/m],
    ['a bad format', ['agenda', 'sync', '--format', 'pdf'], /^align: invalid --format "pdf": expected one of text, json, ics\nhint: /m],
  ];
  it.each(errors)('%s is exit 2 with a hint, and nothing is written', async (_name, args, message) => {
    const ws = await workspace();
    const before = hashTree(ws.dir);
    const r = await ws.align([...args, '--out', '.']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
    expect(hashTree(ws.dir)).toBe(before);
    expect(existsSync(join(ws.dir, 'agendas'))).toBe(false);
  });

  it('an unknown placeholder in a workspace template names its file, line and column', async () => {
    const ws = await workspace();
    ws.write('templates/sync.yaml', 'id: sync\ntitle: Sync\nsections:\n  - id: review\n    title: Review\n    minutes: 15\n    capture: notes\n    prompts:\n      - "Ask {{teams.finance.name}} too"\n');
    const r = await ws.align(['agenda', 'sync']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/^templates\/sync\.yaml:9:14: sections\[0\]\.prompts\[0\]: unknown placeholder \{\{teams\.finance\.name\}\}$/m);
    expect(r.stderr).toMatch(/^hint: placeholders a template may use: \{\{organization\}\}/m);
  });

  it('the attendees\' agenda (the default) has no align internals in Markdown, JSON or the invite; --for facilitator keeps them', async () => {
    const ws = await workspace();
    const base = ['agenda', 'kickoff', '--date', '2026-12-03'];
    const md = await ws.align(base);
    expect(md.exitCode, md.stderr).toBe(0);
    expect(md.stdout).toContain('- Who chairs the regular sync, and who keeps the notes?\n');
    expect(md.stdout).not.toMatch(/Captures|`align|\balign (agenda|workshop|rubric)/);
    const json = JSON.parse((await ws.align([...base, '--format', 'json'])).stdout);
    expect(json.audience).toBe('attendees');
    expect(json.sections.map((s: object) => ['capture' in s, 'dimension' in s])).toEqual(json.sections.map(() => [false, false]));
    expect(JSON.stringify(json)).not.toMatch(/`align/);
    const ics = (await ws.align([...base, '--format', 'ics'])).stdout;
    expect(ics.replace(/\r\n /g, '')).not.toMatch(/Captures|`align/);

    const facilitator = await ws.align([...base, '--for', 'facilitator']);
    expect(facilitator.stdout).toContain('*Lead: Ana Ruiz · 10 minutes · Captures: attendees*');
    expect(facilitator.stdout).toContain('(\\`align agenda sync --repeat biweekly\\` sends the invite.)');
    const fjson = JSON.parse((await ws.align([...base, '--for', 'facilitator', '--format', 'json'])).stdout);
    expect([fjson.audience, fjson.sections[0].capture]).toEqual(['facilitator', 'attendees']);
    const fics = (await ws.align([...base, '--for', 'facilitator', '--format', 'ics'])).stdout.replace(/\r\n /g, '');
    expect(fics).toContain('Captures: attendees');
    // Both copies can go into agendas/ side by side.
    expect((await ws.align([...base, '--for', 'facilitator', '--out', '.'])).stdout).toBe('agendas/2026-12-03-kickoff-facilitator.md');
    expect((await ws.align([...base, '--out', '.'])).stdout).toBe('agendas/2026-12-03-kickoff.md');

    const bad = await ws.align([...base, '--for', 'everyone']);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toMatch(/invalid --for "everyone": expected one of attendees, facilitator/);
  });

  it('a session over 90 minutes gets a 10-minute break at the section boundary nearest the middle, in every format; 1 minute is singular', async () => {
    const ws = await workspace();
    const base = ['agenda', 'lead-definition', '--date', '2026-12-03', '--start', '09:00'];
    const md = (await ws.align(base)).stdout;
    expect(md).toContain('**Time:** 09:00–11:10 (Europe/Berlin, UTC+01:00), 130 minutes with a 10-minute break');
    expect(md).toContain('| 09:35–10:00 | Engagement criteria | Growth | 25 |\n| 10:00–10:10 | *Break* | | 10 |\n| 10:10–10:30 | Thresholds: MQL and SQL |');
    const json = JSON.parse((await ws.align([...base, '--format', 'json'])).stdout);
    expect(json.breaks).toEqual([{ after: 'engagement', minutes: 10, start: expect.objectContaining({ time: '10:00' }), end: expect.objectContaining({ time: '10:10' }) }]);
    expect(json.minutes).toBe(130);
    const ics = (await ws.align([...base, '--format', 'ics'])).stdout.replace(/\r\n /g, '');
    expect(ics).toContain('10:00–10:10  Break');
    expect(ics).toMatch(/^DTEND;TZID=Europe\/Berlin:20261203T111000\r$/m);
    // 90 minutes is not over 90: no break.
    expect(JSON.parse((await ws.align(['agenda', 'kickoff', '--date', '2026-12-03', '--format', 'json'])).stdout).breaks).toEqual([]);

    ws.write('templates/huddle.yaml', 'id: huddle\ntitle: Huddle\nsections:\n  - id: hello\n    title: Hello\n    minutes: 1\n    capture: notes\n');
    expect((await ws.align(['agenda', 'huddle', '--date', '2026-12-03'])).stdout).toMatch(/, 1 minute {2}\n[\s\S]*\*1 minute\*/);
    expect((await ws.align(['templates', 'show', 'huddle'])).stdout).toContain('1 minute, 1 section;');
  });
});
