import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { hashTree, tempRepo, type TempRepo } from '../helpers/workspace.js';
import { buildExportFixture, EXPORT_NOW } from '../fixtures/export/workspace.js';

let repo: TempRepo;
beforeAll(async () => {
  repo = await buildExportFixture();
});
afterAll(() => repo?.cleanup());

const status = (args: string[] = [], env: Record<string, string | undefined> = {}, terminal?: { columns: number }) =>
  repo.align(['status', ...args], { env: { ...repo.env, ALIGN_NOW: EXPORT_NOW, ...env }, ...(terminal ? { terminal } : {}) });

/** The text of one column of a table, its wrapped lines joined again: what a reader puts together. */
function column(table: string, k: number): string[] {
  const cells: string[] = [];
  let cell: string[] = [];
  // Without rules between rows, each line is a row.
  const ruled = table.includes('├');
  for (const line of table.split('\n')) {
    if (/^[┌├└]/.test(line) || (!ruled && line.startsWith('│') && cell.length)) {
      if (cell.length) cells.push(cell.join(' '));
      cell = [];
    }
    if (line.startsWith('│')) {
      const text = line.split('│')[k + 1]!.trim();
      if (text) cell.push(text);
    }
  }
  return cells;
}

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
    expect(r.stdout).toMatch(/^Status on 2026-11-27: last session 2026-11-10 \(sync\), 17 days ago; 4 open\nactions$/m);
    for (const heading of ['Goals at risk or off track', 'Overdue actions', 'Due in the next 7 days', 'Lead definition']) expect(r.stdout).toContain(heading);
    // Not a terminal: laid out for 80 columns.
    expect(r.stdout).toMatch(/│ 2026-11-20 │ 7 days late │ Export won \| lost +│ Lee Park │ 2026-10-06-kickoff │/);
    expect(Math.max(...r.stdout.split('\n').map((l) => l.length))).toBe(80);
    expect(r.stdout).toMatch(/│ marketing sign-off │ missing/);
    expect(r.stderr).toBe('');
  });

  it('fits a terminal of 60 columns: every table wraps its cells to the width, nothing cut off or lost', async () => {
    const r = await status([], {}, { columns: 60 });
    expect(r.exitCode, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines.filter((l) => l.length > 60)).toEqual([]);
    expect(r.stdout).not.toContain('…');
    const tables = r.stdout.split(/\n\n/).filter((b) => b.includes('┌'));
    const [goals, overdue, soon, rubric] = tables.map((b) => b.slice(b.indexOf('┌')));
    expect(column(goals!, 0)).toEqual(['Goal', 'Win rate | above 25% <b>bold</b>']);
    // A word longer than the column is cut, never dropped.
    expect(column(overdue!, 2).map((c) => c.replace(/\s+/g, ''))).toEqual(['Action', 'Exportwon|lostdeals<imgsrc=xonerror=alert(1)>']);
    expect(column(soon!, 2)).toEqual(['Action', 'Configure the new scoring in the CRM', 'Prepare the webinar follow-up sequence']);
    expect(column(soon!, 1)).toEqual(['When', 'in 3 days', 'in 4 days']);
    expect(column(rubric!, 1)).toEqual(['State', 'Dana Kim', 'missing', 'all 4 pass', 'no']);
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
