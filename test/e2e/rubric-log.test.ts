import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempRepo, type TempRepo } from '../helpers/workspace.js';

let repo: TempRepo;
afterEach(() => repo?.cleanup());

const CONFIG = 'organization: Acme Corp\nteams:\n  sales: { name: Sales, members: [Dana Kim] }\n  marketing: { name: Marketing, members: [Sam Ortiz] }\n';
const rubric = (points: number, sqlMin: number, signed = '') =>
  `${signed}stages:\n  - { id: mql, min: 20 }\n  - { id: sql, min: ${sqlMin} }\ncriteria:\n  - id: demo\n    when: { field: demo_requested, op: eq, value: true }\n    points: ${points}\n`;
const SIGNED = 'approved_by: { sales: Dana Kim, marketing: Sam Ortiz }\n';

async function commit(r: TempRepo, file: string, text: string, subject: string, author: string) {
  r.write(file, text);
  await r.git('add', file);
  await r.git('commit', '-q', '-m', subject, '--author', `${author} <${author.split(' ')[0]!.toLowerCase()}@example.com>`);
  return (await r.git('rev-parse', 'HEAD')).trim();
}

/** Four rubric versions (one broken) and an unrelated commit in between. */
async function history(): Promise<{ r: TempRepo; commits: string[] }> {
  const r = await tempRepo();
  r.write('align.yaml', CONFIG);
  await r.git('add', 'align.yaml');
  await r.git('commit', '-q', '-m', 'workspace');
  const commits = [
    await commit(r, 'rubric.yaml', rubric(40, 60), 'first rubric', 'Sam Ortiz'),
    await commit(r, 'rubric.yaml', rubric(50, 60, SIGNED), 'demo requests weigh more; signed off', 'Dana Kim'),
  ];
  await commit(r, 'notes.md', 'unrelated\n', 'notes', 'Lee Park');
  commits.push(await commit(r, 'rubric.yaml', rubric(50, 60, SIGNED).replace('  - { id: sql', ' - { id: sql'), 'oops: bad indent', 'Lee Park'));
  commits.push(await commit(r, 'rubric.yaml', rubric(50, 70, SIGNED), 'fix indent, raise sql', 'Dana Kim'));
  return { r, commits };
}

describe('align rubric log', () => {
  it('lists every version newest first with its change summary and sign-off; broken versions shown, not fatal', async () => {
    const h = await history();
    repo = h.r;
    const r = await repo.align(['rubric', 'log', '--format', 'json']);
    expect(r.exitCode, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.path).toBe('rubric.yaml');
    expect(doc.versions.map((v: Record<string, unknown>) => [v.commit, v.author, v.subject, v.status, v.summary, v.signed_off_by])).toEqual([
      [h.commits[3], 'Dana Kim', 'fix indent, raise sql', 'changed', 'stage sql min 60→70', { sales: 'Dana Kim', marketing: 'Sam Ortiz' }],
      [h.commits[2], 'Lee Park', 'oops: bad indent', 'broken', expect.stringMatching(/^cannot be read: /), null],
      [h.commits[1], 'Dana Kim', 'demo requests weigh more; signed off', 'changed', 'criterion demo points 40→50; +sign-off sales; +sign-off marketing', { sales: 'Dana Kim', marketing: 'Sam Ortiz' }],
      [h.commits[0], 'Sam Ortiz', 'first rubric', 'created', 'created: 1 criterion, 2 stages (mql, sql)', null],
    ]);
    expect(doc.versions[1].problem).toMatchObject({ file: `${h.commits[2]!.slice(0, 7)}:rubric.yaml`, line: 4 });
    expect(doc.versions[0].changes).toEqual([{ section: 'stage', kind: 'changed', id: 'sql', field: 'min', before: 60, after: 70 }]);
    expect(doc.versions[0].date).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('a second run answers from the cache in the git folder with the same output; a new commit adds one entry', async () => {
    const h = await history();
    repo = h.r;
    const first = await repo.align(['rubric', 'log', '--format', 'json']);
    expect(existsSync(join(repo.dir, '.git', 'align-rubric-log'))).toBe(true);
    expect(await repo.git('status', '--porcelain')).toBe('');
    const second = await repo.align(['rubric', 'log', '--format', 'json']);
    expect(second.stdout).toBe(first.stdout);
    const next = await commit(repo, 'rubric.yaml', rubric(55, 70, SIGNED), 'demo 55', 'Sam Ortiz');
    const third = JSON.parse((await repo.align(['rubric', 'log', '--format', 'json'])).stdout);
    expect(third.versions[0]).toMatchObject({ commit: next, status: 'changed', summary: 'criterion demo points 50→55' });
    expect(third.versions.slice(1)).toEqual(JSON.parse(first.stdout).versions);
    // A damaged cache is ignored, not trusted.
    writeFileSync(join(repo.dir, '.git', 'align-rubric-log'), '{"v":1,"entries":');
    expect(JSON.parse((await repo.align(['rubric', 'log', '--format', 'json'])).stdout)).toEqual(third);
  });

  it('--limit keeps the newest versions and still compares the oldest shown with the one before it', async () => {
    const h = await history();
    repo = h.r;
    const r = await repo.align(['rubric', 'log', '--limit', '1', '--format', 'json']);
    expect(r.exitCode, r.stderr).toBe(0);
    const versions = JSON.parse(r.stdout).versions;
    expect(versions.map((v: { commit: string; status: string }) => [v.commit, v.status])).toEqual([[h.commits[3], 'changed']]);
  });

  it('prints a readable log on a pipe, without colour', async () => {
    const h = await history();
    repo = h.r;
    const r = await repo.align(['rubric', 'log']);
    expect(r.exitCode).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(new RegExp(`^${h.commits[3]!.slice(0, 7)} \\d{4}-\\d{2}-\\d{2} Dana Kim: fix indent, raise sql$`));
    expect(lines[1]).toBe('    stage sql min 60 → 70');
    expect(lines[2]).toBe('    signed off: sales: Dana Kim, marketing: Sam Ortiz');
    expect(lines[4]).toMatch(new RegExp(`^    broken \\(${h.commits[2]!.slice(0, 7)}:rubric\\.yaml:4:\\d+\\): `));
    expect(r.stdout).toContain('signed off: not signed off');
    expect(r.stdout).not.toMatch(/\x1b\[/);
    expect(r.stdout).not.toContain('notes');
  });

  it('a workspace whose rubric was never committed has an empty log; bad --limit is exit 2', async () => {
    repo = await tempRepo();
    repo.write('align.yaml', CONFIG);
    const r = await repo.align(['rubric', 'log', '--format', 'json']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).versions).toEqual([]);
    const bad = await repo.align(['rubric', 'log', '--limit', 'zero']);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toMatch(/--limit/);
  });

  it('shows every change of a version with its values before → after, never "+N more", wrapped to the width', async () => {
    repo = await tempRepo();
    repo.write('align.yaml', CONFIG);
    await commit(repo, 'rubric.yaml', rubric(40, 60), 'first rubric', 'Sam Ortiz');
    const busy = [
      'name: Sales-ready lead (2027)',
      'dimensions: { fit: { max: 50 } }',
      'stages:\n  - { id: mql, min: 25 }\n  - { id: sql, min: 65 }',
      'criteria:',
      '  - id: demo\n    when: { field: demo_requested, op: eq, value: true }\n    points: 45',
      '  - id: decision-maker\n    when: { field: title, op: in, value: [VP Sales, VP Marketing, Director of Sales, Head of Revenue Operations] }\n    points: 20',
      'sla: { follow_up_hours: 12 }',
      '',
    ].join('\n');
    await commit(repo, 'rubric.yaml', busy, 'the 2027 rubric', 'Dana Kim');
    const r = await repo.align(['rubric', 'log', '--limit', '1']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(/more|…/);
    expect(r.stdout.split('\n').slice(1)).toEqual([
      '    name added: Sales-ready lead (2027)',
      '    criterion demo points 40 → 45',
      '    criterion decision-maker added: title in ["VP Sales", "VP Marketing",',
      '      "Director of Sales", "Head of Revenue Operations"] → 20 fit',
      '    stage mql min 20 → 25',
      '    stage sql min 60 → 65',
      '    fit cap — → 50',
      '    SLA follow_up_hours added: 12',
      '    signed off: not signed off',
    ]);
    expect(r.stdout.split('\n').every((l) => l.length <= 80)).toBe(true);
  });
});
