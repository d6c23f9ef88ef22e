import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { demoWorkspace, hashTree, ROOT, type TempRepo } from '../helpers/workspace.js';

let repo: TempRepo;
afterEach(() => repo?.cleanup());

const answers = (thresholds: string[]) => ['template: lead-definition', 'sections:', '  thresholds:', ...thresholds.map((l) => `    ${l}`), ''].join('\n');

describe('align workshop --answers: golden leads and sign-off', () => {
  it('writes a rubric whose golden leads fail, warns on stderr naming them (exit 0), and appends the golden leads the answers give', async () => {
    repo = await demoWorkspace();
    repo.write('raise.yaml', answers([
      'stages:',
      '  - { id: mql, label: Marketing-qualified, min: 30 }',
      '  - { id: sql, label: Sales-ready, min: 100, require: { fit: 30 } }',
      'tests:',
      '  - name: Head of sales at a 40-person agency, no budget yet',
      '    lead: { title: Head of Sales, demo_requested: true, budget_confirmed: false }',
      '    expect: mql',
      'approved_by: { sales: Dana Kim }',
    ]));
    const r = await repo.align(['workshop', '--answers', 'raise.yaml']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stderr).toContain('warning: 1 of 5 golden leads fails under the rubric this session writes');
    expect(r.stderr).toContain('✗ VP with a confirmed budget who asked for a demo, buying this quarter: expected sql, now mql (score 95)');
    const rubric = parse(repo.read('rubric.yaml'));
    expect(rubric.stages[1].min).toBe(100);
    expect(rubric.tests).toHaveLength(5);
    expect(rubric.tests.at(-1)).toEqual({ name: 'Head of sales at a 40-person agency, no budget yet', lead: { title: 'Head of Sales', demo_requested: true, budget_confirmed: false }, expect: 'mql' });
    expect(rubric.approved_by).toEqual({ sales: 'Dana Kim' });
    const v = await repo.align(['validate']);
    expect(v.exitCode, v.stdout + v.stderr).toBe(0);
    const t = await repo.align(['rubric', 'test']);
    expect(t.exitCode).toBe(1); // the check that fails on them
  });

  it('a session that changes the rubric clears the earlier sign-off unless the approvers sign again', async () => {
    repo = await demoWorkspace();
    expect((await repo.align(['workshop', 'lead-definition', '--answers', join(ROOT, 'examples', 'lead-definition.answers.yaml')])).exitCode).toBe(0);
    expect(parse(repo.read('rubric.yaml')).approved_by).toEqual({ sales: 'Dana Kim', marketing: 'Sam Ortiz' });

    // Golden leads alone do not change what the rubric does: the sign-off stands.
    repo.write('golden.yaml', answers(['tests:', '  - { name: Student, lead: { title: Student }, expect: unqualified }']));
    const g = await repo.align(['workshop', '--answers', 'golden.yaml']);
    expect(g.exitCode, g.stderr).toBe(0);
    expect(g.stderr).not.toContain('warning');
    expect(parse(repo.read('rubric.yaml')).approved_by).toEqual({ sales: 'Dana Kim', marketing: 'Sam Ortiz' });

    repo.write('change.yaml', answers(['stages:', '  - { id: mql, label: Marketing-qualified, min: 35 }', '  - { id: sql, label: Sales-ready, min: 70, require: { fit: 30 } }', 'approved_by: { marketing: Ana Ruiz }']));
    const r = await repo.align(['workshop', '--answers', 'change.yaml']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stderr).toContain('the earlier sign-off of sales is cleared');
    expect(parse(repo.read('rubric.yaml')).approved_by).toEqual({ marketing: 'Ana Ruiz' });
    const session = parse(repo.read('sessions/2026-11-27-lead-definition-3.yaml'));
    expect(session.changes).toEqual({ rubric: true });
    expect((await repo.align(['validate'])).exitCode).toBe(0);
  });

  it('refuses a sign-off by someone not in the team, and a golden lead expecting no stage: line:col, the closest member, exit 2, nothing written', async () => {
    repo = await demoWorkspace();
    repo.write('bad.yaml', answers([
      'tests:',
      '  - { lead: { title: VP }, expect: sales-ready }',
      'approved_by:',
      '  sales: Dana Kimm',
      '  marketing: Dana Kim',
    ]));
    const hash = hashTree(repo.dir);
    const r = await repo.align(['workshop', '--answers', 'bad.yaml']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/^bad\.yaml:5:\d+: .*no stage "sales-ready".*\n.*expect one of: unqualified, mql, sql, disqualified/m);
    expect(r.stderr).toMatch(/^bad\.yaml:7:14: .*"Dana Kimm" is not a member of Sales.*\n.*did you mean Dana Kim\?/m);
    expect(r.stderr).toMatch(/^bad\.yaml:8:18: .*"Dana Kim" is not a member of Marketing.*\n.*Dana Kim is in Sales; members of Marketing: Sam Ortiz, Ana Ruiz/m);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(hashTree(repo.dir)).toBe(hash);
  });
});
