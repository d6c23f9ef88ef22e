import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { hashTree, tempRepo, type TempRepo } from '../helpers/workspace.js';
import { buildExportFixture, EXPORT_NOW } from '../fixtures/export/workspace.js';

let repo: TempRepo;
beforeAll(async () => {
  repo = await buildExportFixture();
});
afterAll(() => repo?.cleanup());

const status = (args: string[] = [], env: Record<string, string | undefined> = {}) =>
  repo.align(['status', ...args], { env: { ...repo.env, ALIGN_NOW: EXPORT_NOW, ...env } });

describe('align status', () => {
  it('--format json: at-risk goals, overdue and due-soon actions, days since the last session, sign-off and golden leads', async () => {
    const r = await status(['--format', 'json']);
    expect(r.exitCode, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout);
    const goals = parse(repo.read('goals.yaml')).goals as { id: string; status?: string }[];
    expect(s.schema).toBe('align.status/1');
    expect(s.today).toBe('2026-11-27');
    expect(s.goals_needing_attention.map((g: { id: string }) => g.id)).toEqual(goals.filter((g) => g.status === 'at-risk' || g.status === 'off-track').map((g) => g.id));
    expect(s.goals_needing_attention[0].overdue).toBe(true); // due 2026-11-15
    expect(s.overdue.map((a: { owner: string; days: number }) => [a.owner, a.days])).toEqual([['Lee Park', 7]]);
    expect(s.due_soon.map((a: { title: string; days: number }) => [a.title, a.days])).toEqual([
      ['Configure the new scoring in the CRM', 3],
      ['Prepare the webinar follow-up sequence', 4],
    ]);
    expect(s.open_actions).toBe(4);
    expect(s.last_session).toEqual({ id: '2026-11-10-sync', date: '2026-11-10', template: 'sync', days_ago: 17 });
    expect(s.rubric.sign_off).toEqual({ sales: 'Dana Kim', marketing: null });
    expect(s.rubric.signed_off_by_both).toBe(false);
    expect(s.rubric.golden.total).toBe(parse(repo.read('rubric.yaml')).tests.length);
    expect(s.rubric.golden.failed).toEqual([]);
    expect(s.rubric.ready).toBe(false);
  });

  it('--days widens "due soon"; the view never changes a file', async () => {
    const tree = hashTree(repo.dir);
    const narrow = JSON.parse((await status(['--format', 'json', '--days', '3'])).stdout);
    const wide = JSON.parse((await status(['--format', 'json', '--days', '30'])).stdout);
    expect(narrow.due_soon).toHaveLength(1);
    expect(wide.due_soon).toHaveLength(2); // the third open action has no due date
    expect(hashTree(repo.dir)).toBe(tree);
    const bad = await status(['--days', 'soon']);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain('--days');
  });

  it('prints tables without colour when stdout is not a terminal, and exits 0 even with things overdue', async () => {
    const r = await status([], { NO_COLOR: undefined });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).not.toMatch(/\x1b\[/);
    expect(r.stdout).toContain('Status on 2026-11-27: last session 2026-11-10 (sync), 17 days ago; 4 open actions');
    for (const heading of ['Goals at risk or off track', 'Overdue actions', 'Due in the next 7 days', 'Lead definition']) expect(r.stdout).toContain(heading);
    expect(r.stdout).toMatch(/│ 2026-11-20 │ 7 days late │ Export won \| lost deals <img src=x onerror=alert\(1\)> │ Lee Park/);
    expect(r.stdout).toMatch(/│ marketing sign-off │ missing/);
    expect(r.stderr).toBe('');
  });

  it('colours only when asked on a non-terminal (--color always)', async () => {
    const r = await repo.align(['--color', 'always', 'status'], { env: { ...repo.env, ALIGN_NOW: EXPORT_NOW } });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/\x1b\[/);
  });

  it('in a new workspace: no sessions, no actions, the starter rubric not signed off', async () => {
    const fresh = await tempRepo();
    try {
      expect((await fresh.align(['init', '--org', 'Acme Corp', '--sales', 'Dana Kim', '--marketing', 'Sam Ortiz', '--yes'])).exitCode).toBe(0);
      const r = await fresh.align(['status', '--format', 'json']);
      expect(r.exitCode, r.stderr).toBe(0);
      const s = JSON.parse(r.stdout);
      expect(s.last_session).toBeNull();
      expect(s.overdue).toEqual([]);
      expect(s.rubric.signed_off_by_both).toBe(false);
      const table = await fresh.align(['status']);
      expect(table.stdout).toContain('no sessions yet');
    } finally {
      fresh.cleanup();
    }
  });

  it('a broken workspace file is bad input: exit 2 with file:line:col, nothing printed on stdout', async () => {
    const fresh = await tempRepo();
    try {
      expect((await fresh.align(['init', '--org', 'Acme Corp', '--sales', 'Dana Kim', '--marketing', 'Sam Ortiz', '--yes'])).exitCode).toBe(0);
      fresh.write('sessions/2026-11-01-sync.yaml', 'id: s1\ntemplate: sync\ndate: 2026-13-01\n');
      for (const cmd of ['status', 'export']) {
        const r = await fresh.align([cmd]);
        expect(r.exitCode, cmd).toBe(2);
        expect(r.stdout).toBe('');
        expect(r.stderr).toMatch(/sessions\/2026-11-01-sync\.yaml:3:\d+/);
      }
    } finally {
      fresh.cleanup();
    }
  });
});
