import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempRepo, hashTree, ROOT, type TempRepo } from '../helpers/workspace.js';

const FIXTURES = join(ROOT, 'test/fixtures/leads');
const fixture = (name: string) => readFileSync(join(FIXTURES, name));

let repo: TempRepo;

beforeAll(async () => {
  repo = await tempRepo();
  repo.write('align.yaml', 'organization: Acme Corp\nteams:\n  sales: { name: Sales, members: [Dana Kim] }\n  marketing: { name: Marketing, members: [Sam Ortiz] }\n');
  repo.write('rubric.yaml', fixture('rubric.yaml'));
  repo.write('leads.csv', fixture('quirks.csv'));
  await repo.git('add', '.');
  await repo.git('commit', '-q', '-m', 'workspace');
});
afterAll(() => repo.cleanup());

const parseCsv = (text: string) => text.trimEnd().split('\n');

describe('align rubric score', () => {
  it('scores quoted fields, embedded newlines, a BOM and CRLF; skips a ragged row with its line', async () => {
    const r = await repo.align(['rubric', 'score', 'leads.csv', '--format', 'csv']);
    expect(r.exitCode).toBe(0);
    expect(parseCsv(r.stdout)).toEqual([
      'email,fit,engagement,score,stage', // the id column keeps the source's header
      'ann@acme.com,30,30,60,sql', // fit 15 + 20 capped at 30; "VP, Sales" is one quoted cell
      'bob@acme.com,30,0,30,mql', // "1,200" is 1200; the title spans two lines
      "'=cmd|calc@x.com,0,30,30,mql", // a formula-looking id is neutralised
      'eve@rival.com,30,30,60,disqualified',
      '-5,0,0,0,unqualified', // a plain negative number stays a number
    ]);
    expect(r.stderr).toContain('leads.csv:8:1: warning: this row has 2 cells, the header has 6; the row was skipped');
    // for csv on stdout, the summary goes to stderr
    expect(r.stderr).toMatch(/5 leads scored \(1 row skipped\)/);
    expect(r.stderr).toMatch(/sql \(Sales-ready\)\s+1\s+20\.0%/);
  });

  it('fails on a ragged row with --strict (exit 2), naming the line', async () => {
    const r = await repo.align(['rubric', 'score', 'leads.csv', '--strict', '--format', 'csv']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('leads.csv:8:1: this row has 2 cells');
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/); // no stack trace
  });

  it('prints a table with the summary and a histogram by default', async () => {
    const r = await repo.align(['rubric', 'score', 'leads.csv']);
    expect(r.exitCode).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^id\s+fit\s+engagement\s+score\s+stage$/);
    expect(lines.find((l) => l.startsWith('ann@acme.com'))).toMatch(/30\s+30\s+60\s+sql$/);
    expect(r.stdout).toMatch(/mql \(Marketing-qualified\)\s+2\s+40\.0%/);
    expect(r.stdout).toMatch(/disqualified\s+1\s+20\.0%/);
    expect(r.stdout).toContain('score histogram');
    expect(r.stdout).toMatch(/50–60\s+█+ 2/); // the top bin holds the top score
  });

  it('--explain shows the fired criteria with points, why, caps and the gate', async () => {
    const table = await repo.align(['rubric', 'score', 'leads.csv', '--explain']);
    expect(table.stdout).toContain('company-size (+15 fit) — Deals under 200 seats rarely close in a quarter');
    expect(table.stdout).toContain('cap: fit 35 capped at 30');
    expect(table.stdout).toContain('competitor (gate: disqualifies) — Competitors research us; they do not buy');
    const csv = await repo.align(['rubric', 'score', 'leads.csv', '--explain', '--format', 'csv']);
    expect(parseCsv(csv.stdout)[1]).toBe('ann@acme.com,30,30,60,sql,company-size;decision-maker;demo;recent');
  });

  it('--outcome reports conversion per stage and lift per criterion, in one JSON document', async () => {
    const r = await repo.align(['rubric', 'score', 'leads.csv', '--outcome', 'converted', '--format', 'json']);
    expect(r.exitCode).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.schema).toBe('align.rubric-score/1');
    expect(doc.leads).toHaveLength(5);
    expect(doc.leads[1]).toEqual({ id: 'bob@acme.com', line: 3, fit: 30, engagement: 0, score: 30, stage: 'mql' });
    const stage = (id: string) => doc.summary.stages.find((s: { stage: string }) => s.stage === id);
    expect(stage('sql')).toMatchObject({ count: 1, converted: 1, conversion: 1 });
    expect(stage('mql')).toMatchObject({ count: 2, converted: 1, conversion: 0.5 });
    expect(doc.summary.outcome).toEqual({ column: 'converted', converted: 2, conversion: 0.4 });
    const size = doc.summary.criteria.find((c: { id: string }) => c.id === 'company-size');
    expect(size.fires).toBe(3);
    expect(size.lift).toBeCloseTo(1 / 3 / 0.5, 6);
    const demo = doc.summary.criteria.find((c: { id: string }) => c.id === 'demo');
    expect(demo).toMatchObject({ fires: 3, fire_rate: 3 / 5, conversion_when_fires: 2 / 3, conversion_when_not: 0, lift: null });
    expect(doc.skipped_rows).toEqual([{ line: 8, message: expect.stringContaining('2 cells') }]);
    expect(r.stderr).toBe('');
    const table = await repo.align(['rubric', 'score', 'leads.csv', '--outcome', 'converted']);
    expect(table.stdout).toMatch(/sql \(Sales-ready\)\s+1\s+20\.0%\s+1\s+100\.0%/);
    expect(table.stdout).toMatch(/company-size\s+3\s+60\.0%\s+33\.3%\s+50\.0%\s+0\.67x/);
  });

  it('writes ndjson, one lead per line, with the line each record starts on', async () => {
    const r = await repo.align(['rubric', 'score', 'leads.csv', '--format', 'ndjson', '--explain']);
    const rows = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(rows.map((x) => x.line)).toEqual([2, 3, 5, 7, 9]);
    expect(rows[3]).toMatchObject({ id: 'eve@rival.com', stage: 'disqualified', fired: ['company-size', 'decision-maker', 'demo', 'recent', 'competitor'] });
  });

  it('--out writes atomically, refuses to overwrite without --force', async () => {
    const first = await repo.align(['rubric', 'score', 'leads.csv', '--format', 'csv', '--out', 'scored.csv']);
    expect(first.exitCode).toBe(0);
    expect(first.stderr).toContain('wrote 5 scored leads to scored.csv');
    expect(first.stdout).toContain('5 leads scored'); // the summary has stdout to itself
    expect(repo.read('scored.csv').split('\n')[1]).toBe('ann@acme.com,30,30,60,sql');
    const before = hashTree(repo.dir);
    const again = await repo.align(['rubric', 'score', 'leads.csv', '--format', 'csv', '--out', 'scored.csv']);
    expect(again.exitCode).toBe(2);
    expect(again.stderr).toMatch(/scored\.csv already exists.*\n.*--force/);
    expect(hashTree(repo.dir)).toBe(before);
    const forced = await repo.align(['rubric', 'score', 'leads.csv', '--format', 'ndjson', '--out', 'scored.csv', '--force']);
    expect(forced.exitCode).toBe(0);
    expect(JSON.parse(repo.read('scored.csv').split('\n')[0]!).id).toBe('ann@acme.com');
  });

  it('leaves no file behind when scoring fails', async () => {
    const r = await repo.align(['rubric', 'score', 'leads.csv', '--strict', '--format', 'csv', '--out', 'never.csv']);
    expect(r.exitCode).toBe(2);
    expect(existsSync(join(repo.dir, 'never.csv'))).toBe(false);
    expect((await repo.git('status', '--porcelain')).split('\n').filter((l) => l.includes('.tmp'))).toEqual([]);
  });

  it('finds a field under another spelling of its header, and names the field and the closest headers when it is not a column (exit 2)', async () => {
    repo.write('spelled.csv', 'EMAIL,Employees,job_title,Demo-Requested,last.activity\nx@y.com,5,vp,yes,2026-11-01\n');
    const ok = await repo.align(['rubric', 'score', 'spelled.csv', '--format', 'csv']);
    expect(ok.exitCode, ok.stderr).toBe(0);
    expect(parseCsv(ok.stdout)[0]).toBe('EMAIL,fit,engagement,score,stage');
    repo.write('other.csv', 'email,employees,job titles,demo_requested,last_activity\nx@y.com,5,vp,yes,2026-11-01\n');
    const r = await repo.align(['rubric', 'score', 'other.csv']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/rubric\.yaml:\d+:\d+: the rubric reads the field "Job Title", but other\.csv has no column for it; the closest headers: "job titles", /);
    expect(r.stdout).toBe('');
  });

  it('reads the rubric at a git revision, and --as-of moves within_last', async () => {
    repo.write('rubric.yaml', fixture('rubric.yaml').toString().replace('value: 14d', 'value: 1d'));
    const head = await repo.align(['rubric', 'score', 'leads.csv', '--rubric', 'HEAD:rubric.yaml', '--format', 'csv']);
    expect(parseCsv(head.stdout)[1]).toBe('ann@acme.com,30,30,60,sql');
    const now = await repo.align(['rubric', 'score', 'leads.csv', '--format', 'csv']);
    expect(parseCsv(now.stdout)[1]).toBe('ann@acme.com,30,20,50,sql'); // 2026-11-20 is not within 1d of 2026-11-27
    const asOf = await repo.align(['rubric', 'score', 'leads.csv', '--format', 'csv', '--as-of', '2026-11-21']);
    expect(parseCsv(asOf.stdout)[1]).toBe('ann@acme.com,30,30,60,sql');
    const bad = await repo.align(['rubric', 'score', 'leads.csv', '--as-of', '2026-02-30']);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain('invalid --as-of "2026-02-30": expected a real calendar date');
    repo.write('rubric.yaml', fixture('rubric.yaml'));
  });

  it('takes another delimiter and an id column; without one, ids are line numbers', async () => {
    repo.write('semi.csv', 'name;employees;Job Title;demo_requested;last_activity;email\nAnn;500;VP;yes;2026-11-20;a@b.c\nBo;1;x;no;;b@c.d\n');
    const r = await repo.align(['rubric', 'score', 'semi.csv', '--delimiter', ';', '--id-column', 'name', '--format', 'csv']);
    expect(parseCsv(r.stdout).slice(1)).toEqual(['Ann,30,30,60,sql', 'Bo,0,0,0,unqualified']);
    repo.write('size.yaml', 'stages: [{ id: mql, min: 10 }]\ncriteria: [{ id: size, when: { field: employees, op: gte, value: 200 }, points: 10 }]\n');
    repo.write('noid.csv', 'employees,title\n\n500,VP\n5,x\n');
    const n = await repo.align(['rubric', 'score', 'noid.csv', '--rubric', 'size.yaml', '--format', 'csv']);
    expect(parseCsv(n.stdout).slice(1)).toEqual(['3,10,0,10,mql', '4,0,0,0,unqualified']);
    const missing = await repo.align(['rubric', 'score', 'noid.csv', '--rubric', 'size.yaml', '--id-column', 'lead']);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain('the id column "lead" is not a column');
  });

  it('reports an unclosed quote with its line (exit 2)', async () => {
    repo.write('broken.csv', 'email,employees,Job Title,demo_requested,last_activity\na@b.c,1,x,no,\n"oops,2,y,no,\nc@d.e,3,z,no,\n');
    const r = await repo.align(['rubric', 'score', 'broken.csv']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('broken.csv:3:1: a quote opened here is never closed');
  });

  it('says so when there is no workspace and no --rubric', async () => {
    const other = await tempRepo();
    try {
      other.write('leads.csv', 'a\n1\n');
      const r = await other.align(['rubric', 'score', 'leads.csv']);
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toContain('no align workspace here');
    } finally {
      other.cleanup();
    }
  });
});
