import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { hashTree, tempRepo, type TempRepo } from '../helpers/workspace.js';

let repo: TempRepo;
afterEach(() => repo?.cleanup());

/** The demo workspace, then a colleague's commit of `follow_up_hours: 24 → 12` (and what else `edit` does) after `base`. */
async function colleagueCommitted(edit: (rubric: string) => string = (r) => r): Promise<{ base: string; commit: string }> {
  repo = await tempRepo();
  const init = await repo.align(['init', '--org', 'Acme Corp', '--sales', 'Dana Kim,Lee Park', '--marketing', 'Sam Ortiz,Ana Ruiz', '--yes']);
  expect(init.exitCode, init.stderr).toBe(0);
  const base = await repo.git('rev-parse', 'HEAD');
  repo.write('rubric.yaml', edit(repo.read('rubric.yaml').replace('follow_up_hours: 24', 'follow_up_hours: 12')));
  await repo.git('-c', 'user.name=Pat Lee', 'commit', '-q', '-am', 'Faster follow-up');
  return { base, commit: (await repo.git('rev-parse', '--short=7', 'HEAD')).trim() };
}

const answers = (base: string, sla: string) => `template: lead-definition\nbase: ${base}\ndate: 2026-11-27\nsections:\n  sla:\n${sla}`;

describe('align workshop --answers with base: the session merged onto a colleague\'s change', () => {
  it('a value both changed is refused: exit 2, the file and YAML path, the commit named (not git diff), nothing written', async () => {
    const { base, commit } = await colleagueCommitted();
    repo.write('answers.yaml', answers(base, '    follow_up_hours: 8\n'));
    const hash = hashTree(repo.dir);
    const r = await repo.align(['workshop', '--answers', 'answers.yaml']);
    expect(r.exitCode).toBe(2);
    const line = repo.read('rubric.yaml').split('\n').findIndex((l) => l.includes('follow_up_hours')) + 1;
    expect(r.stderr).toMatch(new RegExp(`^rubric\\.yaml:${line}:\\d+: sla\\.follow_up_hours: the session changed it \\(24 → 8\\) and so did commit ${commit} Pat Lee: Faster follow-up; see \`git show ${commit} -- rubric\\.yaml\` \\(24 → 12\\)`, 'm'));
    expect(r.stderr).toMatch(/nothing was written/);
    expect(r.stderr).not.toContain('git diff');
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(hashTree(repo.dir)).toBe(hash);
  });

  it('changes to different values are merged: the colleague\'s kept and said, the session\'s written, the rest byte for byte', async () => {
    const { base, commit } = await colleagueCommitted((r) => r.replace('decision_days: 3', 'decision_days: 3   # agreed with Dana'));
    repo.write('answers.yaml', answers(base, '    decision_days: 2\n    attempts_before_recycle: 5\n'));
    const before = repo.read('rubric.yaml');
    const r = await repo.align(['workshop', '--answers', 'answers.yaml']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stderr).toContain(`rubric.yaml changed while the session ran (commit ${commit} Pat Lee: Faster follow-up; see \`git show ${commit} -- rubric.yaml\`); merged, and kept from it:\n  sla.follow_up_hours: 24 → 12\n`);
    const after = repo.read('rubric.yaml');
    expect(parse(after).sla).toMatchObject({ follow_up_hours: 12, decision_days: 2, attempts_before_recycle: 5 });
    // only the two lines the session changed differ; the comment, the flow list and everything else are as they were
    const changed = before.split('\n').filter((l, i) => l !== after.split('\n')[i]);
    expect(changed).toEqual(['  decision_days: 3   # agreed with Dana', '  attempts_before_recycle: 3']);
    expect(after).toContain('  decision_days: 2   # agreed with Dana\n');
    expect((await repo.git('show', '--name-only', '--format=', 'HEAD')).trim().split('\n').sort()).toEqual(['rubric.yaml', 'sessions/2026-11-27-lead-definition.yaml']);
    const v = await repo.align(['validate']);
    expect(v.exitCode, v.stderr + v.stdout).toBe(0);
  });
});
