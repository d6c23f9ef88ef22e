import { afterEach, describe, expect, it } from 'vitest';
import { hashTree, tempRepo, type TempRepo } from '../helpers/workspace.js';

let repo: TempRepo;
afterEach(() => repo?.cleanup());

const CONFIG = 'organization: Acme Corp\nteams:\n  sales: { name: Sales, members: [Dana Kim] }\n  marketing: { name: Marketing, members: [Sam Ortiz] }\n';

/** A rubric with the knobs the tests turn: the size threshold and points, the sql min, a webinar criterion. */
function rubric(o: { size?: number; sizePoints?: number; sqlMin?: number; webinar?: boolean; signedBy?: string } = {}): string {
  return [
    'name: Sales-ready lead',
    ...(o.signedBy ? [`approved_by: { sales: ${o.signedBy}, marketing: Sam Ortiz }`] : []),
    'stages:',
    '  - { id: mql, min: 20 }',
    `  - { id: sql, min: ${o.sqlMin ?? 50} }`,
    'criteria:',
    '  - id: company-size',
    `    when: { field: employees, op: gte, value: ${o.size ?? 200} }`,
    `    points: ${o.sizePoints ?? 20}`,
    '  - id: demo-request',
    '    dimension: engagement',
    '    when: { field: demo_requested, op: eq, value: true }',
    '    points: 30',
    ...(o.webinar ? ['  - id: webinar', '    dimension: engagement', '    when: { field: webinar, op: eq, value: true }', '    points: 10'] : []),
    '',
  ].join('\n');
}

async function workspace(versions: string[]): Promise<TempRepo> {
  const r = await tempRepo();
  r.write('align.yaml', CONFIG);
  for (const [i, text] of versions.entries()) {
    r.write('rubric.yaml', text);
    await r.git('add', 'align.yaml', 'rubric.yaml');
    await r.git('commit', '-q', '-m', `rubric version ${i + 1}`);
    await r.git('tag', `v${i + 1}`);
  }
  return r;
}

const POINTS_CHANGE = { section: 'criterion', kind: 'changed', id: 'company-size', field: 'points', before: 20, after: 25 };

describe('align rubric diff', () => {
  it('between two revisions, a tag and REV:PATH, as JSON with raw values and words', async () => {
    repo = await workspace([rubric(), rubric({ sizePoints: 25 })]);
    for (const args of [['HEAD~1', 'HEAD'], ['v1', 'v2'], ['HEAD~1:rubric.yaml', 'HEAD:rubric.yaml']]) {
      const r = await repo.align(['rubric', 'diff', ...args, '--format', 'json']);
      expect(r.exitCode, r.stderr).toBe(0);
      const doc = JSON.parse(r.stdout);
      expect(doc.changed).toBe(true);
      expect(doc.changes.map(({ text: _t, ...c }: Record<string, unknown>) => c)).toEqual([POINTS_CHANGE]);
      expect(doc.changes[0].text).toEqual({ what: 'criterion company-size: points', before: '20', after: '25' });
      expect(r.stderr).toBe('');
    }
  });

  it('between two files, outside git history', async () => {
    repo = await workspace([rubric()]);
    repo.write('proposals/a.yaml', rubric());
    repo.write('proposals/b.yaml', rubric({ size: 500, webinar: true, sqlMin: 60 }));
    const r = await repo.align(['rubric', 'diff', 'proposals/a.yaml', 'proposals/b.yaml', '--format', 'json']);
    expect(r.exitCode, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect([doc.from, doc.to]).toEqual(['proposals/a.yaml', 'proposals/b.yaml']);
    expect(doc.changes.map((c: { text: { what: string; before: string; after: string } }) => c.text)).toEqual([
      { what: 'criterion company-size: when', before: 'employees ≥ 200', after: 'employees ≥ 500' },
      { what: 'criterion webinar added', before: '—', after: 'webinar = true → 10 engagement' },
      { what: 'stage sql: min', before: '50', after: '60' },
    ]);
  });

  it('defaults to HEAD against the working tree; --exit-code is 1 on a change and 0 without', async () => {
    repo = await workspace([rubric()]);
    const same = await repo.align(['rubric', 'diff', '--exit-code']);
    expect(same.exitCode, same.stderr).toBe(0);
    expect(same.stdout).toContain('no semantic changes');

    // A comment and reformatting are no semantic change.
    repo.write('rubric.yaml', `# tuned after the workshop\n${rubric().replace('points: 30', 'points:   30')}`);
    expect((await repo.align(['rubric', 'diff', '--exit-code'])).exitCode).toBe(0);

    repo.write('rubric.yaml', rubric({ signedBy: 'Dana Kim' }));
    const before = hashTree(repo.dir);
    const changed = await repo.align(['rubric', 'diff', '--exit-code']);
    expect(changed.exitCode).toBe(1);
    expect(changed.stdout).toMatch(/HEAD:rubric\.yaml → rubric\.yaml \(working tree\)/);
    expect(changed.stdout).toMatch(/sign-off sales added .*Dana Kim/);
    expect(changed.stdout).toMatch(/sign-off marketing added .*Sam Ortiz/);
    expect(changed.stdout).not.toMatch(/\x1b\[/); // no colour off a terminal
    // Without --exit-code a difference is not an error.
    expect((await repo.align(['rubric', 'diff'])).exitCode).toBe(0);
    expect(hashTree(repo.dir)).toBe(before);
  });

  it('renders Markdown for a pull request', async () => {
    repo = await workspace([rubric(), rubric({ sizePoints: 25, sqlMin: 55 })]);
    const r = await repo.align(['rubric', 'diff', 'v1', 'v2', '--format', 'md']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout.split('\n')).toEqual([
      '## Rubric changes: `v1:rubric.yaml` → `v2:rubric.yaml`',
      '',
      '| change | before | after |',
      '|---|---|---|',
      '| criterion company-size: points | 20 | 25 |',
      '| stage sql: min | 50 | 55 |',
    ]);
  });

  it('--leads: the stage transition matrix and the criteria that moved sample leads', async () => {
    // v1: size 200 → 20 fit; demo → 30 engagement; mql 20, sql 50.
    // v2: size 500, sql 60, webinar +10.
    repo = await workspace([rubric(), rubric({ size: 500, sqlMin: 60, webinar: true })]);
    const leads = [
      'id,employees,demo_requested,webinar',
      'big-demo,600,true,false', // 50 sql → 50 mql (sql min 60)
      'mid-demo,300,true,true', // 50 sql → 40 mql (size now 500, +10 webinar)
      'mid-nodemo,300,false,false', // 20 mql → 0 unqualified
      'small-demo-webinar,10,true,true', // 30 mql → 40 mql
      'nobody,5,false,false', // unqualified both
      'big-demo-webinar,900,true,true', // 50 sql → 60 sql
    ];
    repo.write('leads.csv', `${leads.join('\n')}\n`);
    const r = await repo.align(['rubric', 'diff', 'v1', 'v2', '--leads', 'leads.csv', '--format', 'json']);
    expect(r.exitCode, r.stderr).toBe(0);
    const { leads: m } = JSON.parse(r.stdout);
    expect(m.total).toBe(6);
    expect(m.moved).toBe(3);
    expect(m.stages).toEqual(['disqualified', 'unqualified', 'mql', 'sql']);
    // Every cell of the matrix, row by row in the order of stages.
    const row = (from: string) => m.transitions.filter((t: { from: string }) => t.from === from).map((t: { to: string; count: number }) => [t.to, t.count]);
    expect(m.transitions).toHaveLength(16);
    expect(row('sql')).toEqual([['disqualified', 0], ['unqualified', 0], ['mql', 2], ['sql', 1]]);
    expect(row('mql')).toEqual([['disqualified', 0], ['unqualified', 1], ['mql', 1], ['sql', 0]]);
    expect(row('unqualified')).toEqual([['disqualified', 0], ['unqualified', 1], ['mql', 0], ['sql', 0]]);
    expect(row('disqualified')).toEqual([['disqualified', 0], ['unqualified', 0], ['mql', 0], ['sql', 0]]);
    const byId = Object.fromEntries(m.samples.map((s: { id: string }) => [s.id, s]));
    expect(Object.keys(byId).sort()).toEqual(['big-demo', 'mid-demo', 'mid-nodemo']);
    const SQL_MIN = { section: 'stage', kind: 'changed', id: 'sql', field: 'min', before: 50, after: 60, text: 'stage sql min 50 → 60' };
    expect(byId['big-demo']).toEqual({ id: 'big-demo', from: 'sql', to: 'mql', criteria: [], rules: [SQL_MIN] });
    // Either change alone lands it in mql; the webinar's 10 points did not matter.
    expect(byId['mid-demo'].criteria).toEqual([{ id: 'company-size', reason: 'fires only before' }]);
    expect(byId['mid-demo'].rules).toEqual([SQL_MIN]);
    expect(byId['mid-nodemo'].criteria).toEqual([{ id: 'company-size', reason: 'fires only before' }]);
    expect(byId['mid-nodemo'].rules).toEqual([]);

    const table = await repo.align(['rubric', 'diff', 'v1', 'v2', '--leads', 'leads.csv']);
    expect(table.stdout).toContain('stage movement: 6 leads, 3 moved');
    expect(table.stdout).toMatch(/mid-demo: sql → mql +stage sql min 50 → 60, company-size \(fires only before\)$/m);
    expect(table.stdout).toMatch(/big-demo: sql → mql +stage sql min 50 → 60$/m);
  });

  it('--leads blames a threshold, a cap or a gate that moved a lead, not criteria that changed without mattering', async () => {
    const version = (o: { capFit: number; sqlMin: number; sizePoints: number; gate: boolean }) => [
      `dimensions: { fit: { max: ${o.capFit} } }`,
      'stages:',
      '  - { id: mql, min: 20 }',
      `  - { id: sql, min: ${o.sqlMin} }`,
      'criteria:',
      `  - { id: company-size, when: { field: employees, op: gte, value: 200 }, points: ${o.sizePoints} }`,
      '  - { id: vp, when: { field: title, op: eq, value: VP }, points: 20 }',
      '  - { id: demo-request, dimension: engagement, when: { field: demo_requested, op: eq, value: true }, points: 30 }',
      '  - { id: webinar, dimension: engagement, when: { field: webinar, op: eq, value: true }, points: 20 }',
      ...(o.gate ? ['  - { id: competitor, when: { field: email_domain, op: eq, value: rival.com }, disqualify: true }'] : []),
      '',
    ].join('\n');
    // v2 raises the sql threshold, lowers the fit cap, gives company-size 5 more points and adds a gate.
    repo = await workspace([version({ capFit: 40, sqlMin: 50, sizePoints: 20, gate: false }), version({ capFit: 30, sqlMin: 60, sizePoints: 25, gate: true })]);
    repo.write('leads.csv', [
      'id,employees,title,demo_requested,webinar,email_domain',
      'threshold,300,,true,false,', // 20+30=50 sql → 25+30=55 mql; 55 would still be sql under v1: the threshold moved it
      'cap,300,VP,false,true,', // 40+20=60 sql → 45 capped at 30, +20=50 mql: the cap and the threshold each moved it
      'gate,300,,true,false,rival.com', // 50 sql → disqualified: the gate, not company-size's points
      '',
    ].join('\n'));
    const r = await repo.align(['rubric', 'diff', 'v1', 'v2', '--leads', 'leads.csv', '--format', 'json']);
    expect(r.exitCode, r.stderr).toBe(0);
    const why = Object.fromEntries(JSON.parse(r.stdout).leads.samples.map((s: { id: string; to: string; criteria: { id: string; reason: string }[]; rules: { text: string }[] }) => [s.id, [s.to, s.rules.map((x) => x.text), s.criteria.map((c) => `${c.id} (${c.reason})`)]]));
    expect(why).toEqual({
      threshold: ['mql', ['stage sql min 50 → 60'], []],
      cap: ['mql', ['stage sql min 50 → 60', 'fit cap 40 → 30'], []],
      gate: ['disqualified', [], ['competitor (fires only after)']],
    });
    const text = await repo.align(['rubric', 'diff', 'v1', 'v2', '--leads', 'leads.csv']);
    expect(text.stdout).toMatch(/threshold: sql → mql +stage sql min 50 → 60$/m);
    expect(text.stdout).toMatch(/cap: sql → mql +stage sql min 50 → 60, fit cap 40 → 30$/m);
    expect(text.stdout).toMatch(/gate: sql → disqualified +competitor \(fires only after\)$/m);
    const md = await repo.align(['rubric', 'diff', 'v1', 'v2', '--leads', 'leads.csv', '--format', 'md']);
    expect(md.stdout).toContain('- `threshold`: sql → mql — stage sql min 50 → 60');
  });

  it('--leads with a CSV that lacks a rubric field names the closest column: exit 2', async () => {
    repo = await workspace([rubric(), rubric({ webinar: true })]);
    repo.write('leads.csv', 'id,employes,demo_requested,webinar\na,1,true,true\n');
    const r = await repo.align(['rubric', 'diff', 'v1', 'v2', '--leads', 'leads.csv']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/employees/);
    expect(r.stderr).toMatch(/employes/);
    expect(r.stdout).toBe('');
  });

  it('bad input: a revision without the rubric, a broken working tree: exit 2 with where', async () => {
    repo = await workspace([rubric()]);
    const noRubric = await repo.align(['rubric', 'diff', 'HEAD~1']);
    expect(noRubric.exitCode).toBe(2);
    expect(noRubric.stderr).toMatch(/rubric\.yaml does not exist at HEAD~1/);

    repo.write('rubric.yaml', rubric().replace('points: 30', 'points: thirty'));
    const broken = await repo.align(['rubric', 'diff']);
    expect(broken.exitCode).toBe(2);
    const line = rubric().split('\n').findIndex((l) => l.includes('points: 30')) + 1;
    expect(broken.stderr).toMatch(new RegExp(`^rubric\\.yaml:${line}:13: `, 'm'));
    expect(broken.stderr).not.toMatch(/at .*\.js:\d+/);
  });
});
