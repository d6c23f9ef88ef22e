import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { hashTree, ROOT, tempRepo, type TempRepo } from '../helpers/workspace.js';

let repo: TempRepo;
afterEach(() => repo?.cleanup());

async function kickedOff(): Promise<TempRepo> {
  const r = await tempRepo();
  expect((await r.align(['init', '--org', 'Acme Corp', '--sales', 'Dana Kim,Lee Park', '--marketing', 'Sam Ortiz,Ana Ruiz', '--yes'])).exitCode).toBe(0);
  const k = await r.align(['workshop', 'kickoff', '--answers', join(ROOT, 'examples', 'kickoff.answers.yaml')]);
  expect(k.exitCode, k.stderr).toBe(0);
  return r;
}

const at = (r: TempRepo, day: string) => ({ env: { ...r.env, ALIGN_NOW: `${day}T10:00:00Z` } });

/** A sync on 2026-12-01: a2 moves to 2026-12-15, a topic is parked, lead feedback is parked whole, revenue plans skipped. */
const FIRST_SYNC = `template: sync
date: 2026-12-01
facilitator: Dana Kim
sections:
  action-review:
    reviews:
      - { action: a1, status: done }
      - { action: a2, status: open, due: 2026-12-15, note: waiting for the CRM export }
    parked: [Budget for the spring events]
  goal-progress:
    notes: [Pipeline numbers come from the CRM report]
  lead-feedback:
    status: parked
  revenue-plans:
    status: skipped
    notes: [No time left]
`;

describe('align workshop --answers: reschedules, notes and parked topics', () => {
  it('reschedules an action: the session keeps the new date; status and export use it and keep the history', async () => {
    repo = await kickedOff();
    repo.write('sync1.yaml', FIRST_SYNC);
    const r = await repo.align(['workshop', '--answers', 'sync1.yaml']);
    expect(r.exitCode, r.stderr).toBe(0);
    const s1 = parse(repo.read('sessions/2026-12-01-sync.yaml'));
    expect(s1.action_reviews).toEqual([
      { session: '2026-11-27-kickoff', action: 'a1', status: 'done' },
      { session: '2026-11-27-kickoff', action: 'a2', status: 'open', note: 'waiting for the CRM export', due: '2026-12-15' },
    ]);
    // A second move, in the next sync.
    repo.write('sync2.yaml', 'template: sync\ndate: 2026-12-08\nsections:\n  action-review:\n    reviews:\n      - { action: a2, status: open, due: 2026-12-22 }\n');
    expect((await repo.align(['workshop', '--answers', 'sync2.yaml'])).exitCode).toBe(0);
    expect((await repo.align(['validate'])).exitCode).toBe(0);

    const status = await repo.align(['status', '--days', '30'], at(repo, '2026-12-10'));
    // The table fits 80 columns: the due cell wraps over lines; read back, it says the whole history.
    const dueCells = status.stdout.split('\n').filter((l) => l.startsWith('│')).map((l) => l.split('│')[1]!.trim()).filter(Boolean).join(' ');
    expect(dueCells).toContain('2026-12-22 (was 2026-12-02; moved to 2026-12-15 in 2026-12-01-sync, to 2026-12-22 in 2026-12-08-sync)');
    const json = JSON.parse((await repo.align(['status', '--days', '30', '--format', 'json'], at(repo, '2026-12-10'))).stdout);
    const a2 = json.due_soon.find((a: { id: string }) => a.id === 'a2');
    expect(a2.due).toBe('2026-12-22');
    expect(a2.rescheduled).toEqual([
      { session: '2026-12-01-sync', from: '2026-12-02', to: '2026-12-15' },
      { session: '2026-12-08-sync', from: '2026-12-15', to: '2026-12-22' },
    ]);
    // Not overdue any more: its due date is the new one.
    expect(json.overdue.map((a: { id: string }) => a.id)).not.toContain('a2');

    const md = (await repo.align(['export'], at(repo, '2026-12-10'))).stdout;
    expect(md).toContain('| 2026-12-22 (was 2026-12-02; moved to 2026-12-15 in 2026-12-01-sync, to 2026-12-22 in 2026-12-08-sync) | Send the last quarter');
    expect(md).toMatch(/Send the last quarter.*\| due in 12 days \|/);
    const ej = JSON.parse((await repo.align(['export', '--format', 'json'], at(repo, '2026-12-10'))).stdout);
    const row = ej.open_actions.flatMap((g: { actions: unknown[] }) => g.actions).find((a: { id: string }) => a.id === 'a2');
    expect(row.rescheduled).toHaveLength(2);
  });

  it('refuses a new due date on a closed action or before the session, where it is written; nothing changes', async () => {
    repo = await kickedOff();
    repo.write('bad.yaml', 'template: sync\ndate: 2026-12-01\nsections:\n  action-review:\n    reviews:\n      - { action: a1, status: done, due: 2026-12-15 }\n      - { action: a2, status: open, due: 2026-11-30 }\n');
    const before = hashTree(repo.dir);
    const r = await repo.align(['workshop', '--answers', 'bad.yaml']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('bad.yaml:6:');
    expect(r.stderr).toContain('a new due date goes with status open, not done');
    expect(r.stderr).toContain('bad.yaml:7:');
    expect(r.stderr).toContain('the new due date 2026-11-30 is before the session (2026-12-01)');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(hashTree(repo.dir)).toEqual(before);
  });

  it('notes and parked topics in any section, a section parked or skipped; status and the next sync agenda carry them until a review closes them', async () => {
    repo = await kickedOff();
    repo.write('sync1.yaml', FIRST_SYNC);
    const r = await repo.align(['workshop', '--answers', 'sync1.yaml']);
    expect(r.exitCode, r.stderr).toBe(0);
    const s1 = parse(repo.read('sessions/2026-12-01-sync.yaml'));
    expect(s1.parked).toEqual([
      { topic: 'Budget for the spring events', section: 'action-review' },
      { topic: 'Lead feedback', section: 'lead-feedback', whole_section: true },
    ]);
    expect(s1.sections.find((x: { id: string }) => x.id === 'goal-progress').notes).toEqual(['Pipeline numbers come from the CRM report']);
    expect(s1.sections.find((x: { id: string }) => x.id === 'lead-feedback').status).toBe('parked');
    expect(s1.sections.find((x: { id: string }) => x.id === 'revenue-plans')).toMatchObject({ status: 'skipped', notes: ['No time left'] });
    expect((await repo.align(['validate'])).exitCode).toBe(0);

    const status = await repo.align(['status'], at(repo, '2026-12-02'));
    expect(status.stdout).toMatch(/Parked topics\n.*\n.*Topic.*Parked in.*Section/);
    expect(status.stdout).toMatch(/Budget for the spring events.*2026-12-01-sync.*Last time's actions/);
    expect(status.stdout).toMatch(/Lead feedback \(the whole section\).*2026-12-01-sync.*Lead feedback/);
    const md = (await repo.align(['export'], at(repo, '2026-12-02'))).stdout;
    expect(md).toContain("## Parked topics\n\nPut aside in a session, carried to the next sync until a review closes them.\n\n| Topic | Parked in | Section |\n|---|---|---|\n| Budget for the spring events | 2026-12-01-sync (2026-12-01) | Last time's actions |\n| Lead feedback (the whole section) | 2026-12-01-sync (2026-12-01) | Lead feedback |\n");
    const agenda = (await repo.align(['agenda', 'sync', '--date', '2026-12-08'])).stdout;
    const review = agenda.slice(agenda.indexOf("Last time's actions\n"), agenda.indexOf('Progress on shared goals\n'));
    expect(review).toContain("- Parked in 2026-12-01-sync (Last time's actions): Budget for the spring events — discuss it now, or keep it parked?");
    expect(review).toContain('- Parked section from 2026-12-01-sync: Lead feedback — run it today, or keep it parked?');
    // An agenda dated before the session that parked them does not carry them.
    expect((await repo.align(['agenda', 'sync', '--date', '2026-11-30'])).stdout).not.toContain('Parked');

    // The next sync's review closes one; the other stays parked.
    repo.write('sync2.yaml', 'template: sync\ndate: 2026-12-08\nsections:\n  action-review:\n    topics:\n      - { topic: Budget for the spring events, status: discussed, note: 20k agreed }\n');
    const r2 = await repo.align(['workshop', '--answers', 'sync2.yaml']);
    expect(r2.exitCode, r2.stderr).toBe(0);
    expect(parse(repo.read('sessions/2026-12-08-sync.yaml')).parked_reviews).toEqual([{ session: '2026-12-01-sync', topic: 'Budget for the spring events', status: 'discussed', note: '20k agreed' }]);
    const later = (await repo.align(['agenda', 'sync', '--date', '2026-12-15'])).stdout;
    expect(later).not.toContain('Budget for the spring events');
    expect(later).toContain('Parked section from 2026-12-01-sync: Lead feedback');
    const json = JSON.parse((await repo.align(['status', '--format', 'json'], at(repo, '2026-12-09'))).stdout);
    expect(json.parked.map((p: { topic: string }) => p.topic)).toEqual(['Lead feedback']);
  });

  it('refuses captured answers in a section marked skipped', async () => {
    repo = await kickedOff();
    repo.write('bad.yaml', 'template: sync\ndate: 2026-12-01\nsections:\n  revenue-plans:\n    status: skipped\n    decisions: [Spend more]\n');
    const r = await repo.align(['workshop', '--answers', 'bad.yaml']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('bad.yaml:6:5');
    expect(r.stderr).toContain('`decisions` in a section with status skipped: a section not run captures nothing');
  });

  it('refuses to close a parked topic no session parked, naming the open ones', async () => {
    repo = await kickedOff();
    repo.write('sync1.yaml', FIRST_SYNC);
    expect((await repo.align(['workshop', '--answers', 'sync1.yaml'])).exitCode).toBe(0);
    repo.write('bad.yaml', 'template: sync\ndate: 2026-12-08\nsections:\n  action-review:\n    topics:\n      - { topic: Budget, status: discussed }\n');
    const r = await repo.align(['workshop', '--answers', 'bad.yaml']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('bad.yaml:6:');
    expect(r.stderr).toContain('no parked topic "Budget"');
    expect(r.stderr).toContain('parked topics: "Budget for the spring events" (2026-12-01-sync), "Lead feedback" (2026-12-01-sync)');
  });
});
