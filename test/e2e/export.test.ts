import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashTree, type TempRepo } from '../helpers/workspace.js';
import { buildExportFixture, EXPORT_NOW, normalizeCommits } from '../fixtures/export/workspace.js';

// Reviewed like code; regenerate deliberately with UPDATE_GOLDEN=1 and read the diff.
const GOLDEN = join(import.meta.dirname, '../golden/export');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

let repo: TempRepo;
beforeAll(async () => {
  repo = await buildExportFixture();
});
afterAll(() => repo?.cleanup());

const at = (now = EXPORT_NOW) => ({ env: { ...repo.env, ALIGN_NOW: now }, stripFinalNewline: false });

async function exportMd(args: string[] = []): Promise<string> {
  const r = await repo.align(['export', ...args], at());
  expect(r.exitCode, r.stderr).toBe(0);
  expect(r.stderr).toBe('');
  return r.stdout;
}

async function golden(name: string, actual: string): Promise<void> {
  const file = join(GOLDEN, name);
  const text = await normalizeCommits(repo, actual);
  if (UPDATE || !existsSync(file)) {
    if (!UPDATE) throw new Error(`missing golden file ${file}: run with UPDATE_GOLDEN=1 and review it`);
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, text);
  }
  expect(text).toBe(readFileSync(file, 'utf8'));
}

/** A CSV whose leads land in known stages under the fixture's rubric (sql needs 70 points and 30 fit). */
const LEADS = [
  'id,budget_confirmed,annual_budget,employees,title,country,demo_requested,pain_point,purchase_timeline_days,last_activity,pricing_page_views,webinar_attended,is_competitor',
  // fit 20+10+10+20 = 60 (capped 60), engagement 25+20 = 45: 105 → sql
  'l1,true,80000,500,VP Sales,US,true,,60,,,,false',
  'l2,true,90000,900,Head of Ops,GB,true,slow reports,30,,,,false',
  // fit 0, engagement 25+20 = 45: mql (35), not sql (no fit)
  'l3,false,,,Coordinator,FR,true,,30,,,,false',
  // nothing: unqualified
  'l4,false,,,Student,FR,false,,,,,,false',
  'l5,false,,,Intern,DE,false,,,,,,false',
  // a competitor: disqualified whatever the points
  'l6,true,80000,500,VP Sales,US,true,,60,,,,true',
].join('\n');

/** The sessions section alone (the changelog names sessions too, in its commit subjects). */
function sessionsPart(md: string): string {
  return md.slice(md.indexOf('\n## Sessions\n'), md.indexOf('\n## Rubric changelog\n'));
}

describe('align export', () => {
  it('writes the fixture workspace as the reviewed Markdown', async () => {
    await golden('fixture.md', await exportMd());
  });

  it('is the same document every time for the same workspace and ALIGN_NOW', async () => {
    expect(await exportMd()).toBe(await exportMd());
  });

  it('--since shows only later sessions and rubric versions; goals, the rubric and open actions stay whole', async () => {
    const md = await exportMd(['--since', '2026-11-01']);
    await golden('since-2026-11-01.md', md);
    expect(md).toContain('2026-11-01 to 2026-11-27');
    expect(md).not.toContain('Kickoff: Sales and Marketing');
    expect(md).toContain('No version of rubric.yaml was committed in this period.');
  });

  it('--session and --template choose sessions; an unknown session id exits 2 and names the closest', async () => {
    const one = sessionsPart(await exportMd(['--session', '2026-10-20-lead-definition']));
    expect(one.match(/^### /gm)).toHaveLength(1);
    expect(one).toContain('What is a sales-ready lead');
    const sync = sessionsPart(await exportMd(['--template', 'sync']));
    expect(sync.match(/^### /gm)).toHaveLength(1);
    expect(sync).toContain('Sales and Marketing sync');
    const bad = await repo.align(['export', '--session', '2026-10-20-lead-defnition'], at());
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain('did you mean "2026-10-20-lead-definition"');
    expect(bad.stdout).toBe('');
  });

  it('rejects a bad date or a reversed period with exit 2', async () => {
    for (const args of [['--since', '2026-13-01'], ['--until', 'yesterday'], ['--since', '2026-11-02', '--until', '2026-11-01']]) {
      const r = await repo.align(['export', ...args], at());
      expect(r.exitCode, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    }
  });

  it('--out writes the file, prints its path, refuses to overwrite without --force', async () => {
    const md = await exportMd();
    mkdirSync(join(repo.dir, 'out'), { recursive: true });
    const first = await repo.align(['export', '--out', 'out/summary.md'], at());
    expect(first.exitCode, first.stderr).toBe(0);
    expect(first.stdout).toBe('out/summary.md\n');
    expect(repo.read('out/summary.md')).toBe(md);
    repo.write('out/summary.md', 'hand edits\n');
    const tree = hashTree(repo.dir);
    const again = await repo.align(['export', '--out', 'out/summary.md'], at());
    expect(again.exitCode).toBe(2);
    expect(again.stderr).toContain('already exists');
    expect(hashTree(repo.dir)).toBe(tree);
    const forced = await repo.align(['export', '--out', 'out/summary.md', '--force', '--format', 'json'], at());
    expect(forced.exitCode, forced.stderr).toBe(0);
    expect(JSON.parse(repo.read('out/summary.md')).organization).toBe('Acme | <Corp>');
  });

  it('--format json prints one JSON document with the same content', async () => {
    const r = await repo.align(['export', '--format', 'json'], at());
    expect(r.exitCode, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.schema).toBe('align.export/1');
    expect(doc.today).toBe('2026-11-27');
    expect(doc.sessions.map((s: { id: string }) => s.id)).toEqual(['2026-11-10-sync', '2026-10-20-lead-definition', '2026-10-06-kickoff']);
    expect(doc.lead_definition.missing_sign_off).toEqual(['marketing']);
    expect(doc.changelog.map((e: { subject: string }) => e.subject)[0]).toBe('rubric: raise the sales-ready threshold to 70');
  });

  it('overdue follows ALIGN_NOW', async () => {
    const early = JSON.parse((await repo.align(['export', '--format', 'json'], at('2026-10-07T10:00:00Z'))).stdout);
    const late = JSON.parse((await repo.align(['export', '--format', 'json'], at('2027-06-01T10:00:00Z'))).stdout);
    const overdue = (d: { open_actions: { actions: { overdue: boolean }[] }[] }) => d.open_actions.flatMap((g) => g.actions).filter((a) => a.overdue).length;
    expect(overdue(early)).toBe(0);
    expect(overdue(late)).toBe(3); // every open action with a due date
  });

  it('--leads scores the leads with the current rubric and draws the stages as a pie', async () => {
    repo.write('leads.csv', `${LEADS}\n`);
    const md = await exportMd(['--leads', 'leads.csv']);
    await golden('with-leads.md', md);
    const pie = md.slice(md.indexOf('pie showData'));
    expect(pie).toContain('"Sales-ready (sql)" : 2');
    expect(pie).toContain('"Marketing-qualified (mql)" : 1');
    expect(pie).toContain('"unqualified" : 2');
    expect(pie).toContain('"disqualified" : 1');
  });
});

/** One session's part of the Markdown, from its heading to the next session's. */
function sessionPart(md: string, title: string): string {
  const sessions = sessionsPart(md);
  const start = sessions.indexOf(`\n### `, sessions.indexOf(title) - 40);
  const next = sessions.indexOf('\n### ', start + 1);
  return sessions.slice(start, next === -1 ? undefined : next);
}

describe('align export tells the story of each session', () => {
  it('kickoff: roles, each team in its own words, the agenda as it ran with its notes, action notes, what changed', async () => {
    const kickoff = sessionPart(await exportMd(), 'Kickoff: Sales and Marketing');
    expect(kickoff).toContain('- Sales: Dana Kim (Head of Sales), Lee Park\n');
    expect(kickoff).toContain('- Marketing: Sam Ortiz, Ana Ruiz (Campaigns \\| \\<i\\>lead\\</i\\>)\n');
    expect(kickoff).toContain(
      ['**Each team in its own words**', '', '- **Sales**', '  - Goal: Close 1.2M in new bookings this quarter', '  - Value: Speed to first call', '- **Marketing**', '  - Goal: 450 MQLs this quarter', '  - Value: Experiments over opinions', ''].join('\n'),
    );
    expect(kickoff).toContain(
      [
        '**The agenda as it ran**',
        '',
        "- **Where we get in each other's way** · 14 of 10 minutes (4 over)",
        '  - Sales: leads arrive with no context \\| not even the campaign',
        '  - Marketing: we never hear why a lead was rejected',
        '',
      ].join('\n'),
    );
    expect(kickoff).toContain('| Book the lead-definition workshop | Dana Kim | 2026-10-13 | done | a half day with both teams |');
    expect(kickoff).toContain('**Changed in this session:** the shared goals *Grow pipeline from sales-ready leads*, *Win rate \\| above 25% \\<b\\>bold\\</b\\>* and *Enter the mid-market segment*; the teams and their members (align.yaml).');
  });

  it('sync: progress on shared goals, earlier actions reviewed with what was said, the section notes', async () => {
    const md = await exportMd();
    const sync = sessionPart(md, 'Sales and Marketing sync');
    expect(sync).toContain('| Grow pipeline from sales-ready leads | 1,450,000 | on-track | two enterprise deals |');
    expect(sync).toContain('| Book the lead-definition workshop | Dana Kim | 2026-10-06-kickoff | done | held on 20 October |');
    expect(sync).toContain('| Share the campaign calendar | Ana Ruiz | 2026-10-06-kickoff | dropped | the calendar is shared in the team channel |');
    expect(sync).toContain('- **Lead feedback** · 20 of 15 minutes (5 over)\n  - Three of the rejected leads were students\n');
    const lead = sessionPart(md, 'What is a sales-ready lead');
    expect(lead).toContain("- **What the last quarter's leads tell us** · 12 of 10 minutes (2 over)\n  - 412 leads passed last quarter; 160 accepted, 31 closed\n");
    expect(lead).toContain('**Changed in this session:** the lead definition (rubric.yaml).');
    // An open action's note is with the action, under its owner.
    expect(md).toContain('| 2026-11-20 | Export won \\| lost deals \\<img src=x onerror=alert(1)\\> — the last four quarters | 2026-10-06-kickoff |');
  });

  it('reads the lead definition as sentences: no operator names, no "is … is yes", a word list instead of a regular expression', async () => {
    const md = await exportMd();
    expect(md).toContain('- Is competitor: **disqualified** — *Works for a competitor*.');
    expect(md).toContain('- Title mentions "vp", "director" or "head" and Country is one of US, CA or GB: **+20**');
    expect(md).not.toMatch(/\bIs competitor is yes\b/);
    expect(md.slice(md.indexOf('## The lead definition'), md.indexOf('## Open actions'))).not.toMatch(/\b(?:gte|lte|neq|not_in|within_last|is_known|matches the pattern)\b/);
    // The changelog words the criteria it added and removed the same way.
    const changelog = md.slice(md.indexOf('## Rubric changelog'));
    expect(changelog).toContain('| criterion decision-maker-in-a-target-country added | — | Title mentions "vp", "director" or "head" and Country is one of US, CA or GB: +20 fit |');
    expect(changelog).toContain('| — | At least 2 of: Pricing page views is at least 2; Webinar attended is yes; Last activity is within the last 14 days: +15 engagement |');
    expect(changelog).not.toMatch(/≥|\\\\b|→ \d/);
  });

  it('follows every Mermaid chart with a table of the same data', async () => {
    repo.write('leads.csv', `${LEADS}\n`);
    const md = await exportMd(['--leads', 'leads.csv']);
    const charts = [...md.matchAll(/```mermaid\n([\s\S]*?)```\n\n((?:\|.*\|\n)+)/g)];
    expect(charts).toHaveLength(2);
    expect(md.match(/```mermaid/g)).toHaveLength(2);
    const [bars, pie] = charts;
    const rows = (table: string) => table.trim().split('\n').slice(2).map((r) => r.split(' | ').map((c) => c.replace(/^\| |\s*\|$/g, '')));
    // The bar chart: each bar's label and value, then the table's rows in the same order.
    const labels = JSON.parse(`[${/x-axis \[(.*)\]/.exec(bars![1]!)![1]}]`) as string[];
    const values = JSON.parse(/bar (\[.*\])/.exec(bars![1]!)![1]!) as number[];
    expect(rows(bars![2]!)).toEqual(labels.map((l, i) => [l, 'Grow pipeline from sales-ready leads', `${values[i]}%`]));
    // The pie: every slice is a row with the same count; the table also lists stages with no leads.
    const slices = [...pie![1]!.matchAll(/"(.*)" : (\d+)/g)].map((m) => [m[1], m[2]]);
    const table = rows(pie![2]!).map((r) => [r[0], r[1]]);
    for (const s of slices) expect(table).toContainEqual(s);
    expect(rows(pie![2]!)).toContainEqual(['Sales-ready (sql)', '2', '33.3%']);
  });

  it('--format json carries the same story, in additive keys under the same schema id', async () => {
    const doc = JSON.parse((await repo.align(['export', '--format', 'json'], at())).stdout);
    expect(doc.schema).toBe('align.export/1');
    const [sync, lead, kickoff] = doc.sessions;
    expect(kickoff.attendees[0]).toEqual({ team: 'sales', team_name: 'Sales', names: ['Dana Kim', 'Lee Park'], people: [{ name: 'Dana Kim', role: 'Head of Sales' }, { name: 'Lee Park', role: null }] });
    expect(kickoff.team_goals).toEqual([
      { team: 'sales', team_name: 'Sales', goals: ['Close 1.2M in new bookings this quarter'], values: ['Speed to first call'] },
      { team: 'marketing', team_name: 'Marketing', goals: ['450 MQLs this quarter'], values: ['Experiments over opinions'] },
    ]);
    expect(kickoff.sections.find((s: { id: string }) => s.id === 'friction')).toEqual({
      id: 'friction',
      title: "Where we get in each other's way",
      minutes_planned: 10,
      minutes_used: 14,
      notes: ['Sales: leads arrive with no context | not even the campaign', 'Marketing: we never hear why a lead was rejected'],
    });
    expect(kickoff.closed_actions[0]).toMatchObject({ id: 'a1', status: 'done', note: 'a half day with both teams' });
    expect(kickoff.changes).toEqual({
      goals: [
        { id: 'grow-pipeline-from-sales-ready-leads', title: 'Grow pipeline from sales-ready leads' },
        { id: 'win-rate-above-25-b-bold-b', title: 'Win rate | above 25% <b>bold</b>' },
        { id: 'enter-the-mid-market-segment', title: 'Enter the mid-market segment' },
      ],
      rubric: false,
      teams: true,
    });
    expect(lead.sections[0]).toMatchObject({ id: 'evidence', minutes_used: 12, notes: ['412 leads passed last quarter; 160 accepted, 31 closed'] });
    expect(lead.changes).toEqual({ goals: [], rubric: true, teams: false });
    expect(sync.progress).toEqual([{ goal: 'grow-pipeline-from-sales-ready-leads', goal_title: 'Grow pipeline from sales-ready leads', value: 1450000, status: 'on-track', note: 'two enterprise deals' }]);
    expect(sync.action_reviews).toEqual([
      { session: '2026-10-06-kickoff', action: 'a1', title: 'Book the lead-definition workshop', owner: 'Dana Kim', status: 'done', note: 'held on 20 October' },
      { session: '2026-10-06-kickoff', action: 'a3', title: 'Share the campaign calendar', owner: 'Ana Ruiz', status: 'dropped', note: 'the calendar is shared in the team channel' },
    ]);
    expect(sync.start).toBeNull();
    const lee = doc.open_actions.find((g: { owner: string }) => g.owner === 'Lee Park');
    expect(lee.actions[0].note).toBe('the last four quarters');
  });
});
