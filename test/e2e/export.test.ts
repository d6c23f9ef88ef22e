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
