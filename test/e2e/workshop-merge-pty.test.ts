import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { KEY, spawnAlign, type PtySession } from '../helpers/pty.js';
import { tempRepo, type TempRepo } from '../helpers/workspace.js';

let repo: TempRepo;
afterEach(() => repo?.cleanup());

// A workspace template with the SLA section alone: the merge is the point, not the whole lead-definition flow.
const TEMPLATE = `id: sla-review
title: SLA review
sections:
  - id: sla
    title: The hand-off SLA
    minutes: 10
    capture: sla
`;

async function slaWorkspace(): Promise<string> {
  repo = await tempRepo();
  const init = await repo.align(['init', '--org', 'Acme Corp', '--sales', 'Dana Kim,Lee Park', '--marketing', 'Sam Ortiz,Ana Ruiz', '--yes']);
  expect(init.exitCode, init.stderr).toBe(0);
  repo.write('templates/sla-review.yaml', TEMPLATE);
  await repo.git('add', 'templates');
  await repo.git('commit', '-q', '-m', 'an SLA review agenda');
  return repo.read('rubric.yaml');
}

async function setupAndHours(s: PtySession): Promise<void> {
  await s.answer('Date of the session', '');
  await s.choose('Facilitator', 'Sam Ortiz');
  await s.tick('Who is here?', 'a', ['Dana Kim (Sales)', 'Lee Park (Sales)', 'Sam Ortiz (Marketing)', 'Ana Ruiz (Marketing)']);
  await s.answer('Someone else in the room?', '');
  await s.answer('within how many hours', `${KEY.backspace.repeat(2)}8`);
}

describe('align workshop on a terminal, while a colleague commits a change to rubric.yaml', { timeout: 120_000 }, () => {
  it('keeps their change to another value and says so; asks about the value both changed, and keeps the one picked', async () => {
    const before = await slaWorkspace();
    const s = spawnAlign(['workshop', 'sla-review'], { cwd: repo.dir, env: repo.env });
    await setupAndHours(s);

    // Between two prompts, a colleague commits: the same value (24 → 12) and another one (3 → 5 attempts).
    repo.write('rubric.yaml', before.replace('follow_up_hours: 24', 'follow_up_hours: 12').replace('attempts_before_recycle: 3', 'attempts_before_recycle: 5'));
    await repo.git('-c', 'user.name=Pat Lee', 'commit', '-q', '-am', 'Faster follow-up, more attempts');
    const commit = (await repo.git('rev-parse', '--short=7', 'HEAD')).trim();
    // The draft keeps the rubric the session started from, so a resume merges from the same base.
    const draft = JSON.parse(readFileSync(join(repo.dir, '.align', 'drafts', readdirSync(join(repo.dir, '.align', 'drafts'))[0]!), 'utf8'));
    expect(draft.base['rubric.yaml']).toBe(before);

    for (const p of ['within how many days', 'Attempts before', 'Where do rejected leads go', 'Rejection reasons']) await s.answer(p, '');
    await s.pick('Write it all down?', 'Confirm: write the files and commit them');
    await s.waitFor('Merge: rubric.yaml changed while the session ran');
    await s.waitFor(`by commit ${commit} Pat Lee: Faster follow-up, more attempts; see \`git show ${commit} -- rubric.yaml\``);
    await s.waitFor(/sla\.follow_up_hours\n\s+was\s+24\n\s+on disk now\s+12\s+\(theirs\)\n\s+this session\s+8\s+\(ours\)/);
    await s.pick('Keep which for sla.follow_up_hours?', 'ours: 8 (this session)', { from: 'theirs: 12 (on disk now)' });
    await s.waitFor('merged, and kept from it:');
    await s.waitFor('sla.attempts_before_recycle: 3 → 5');
    await s.waitFor('committed');
    expect(await s.exited).toBe(0);

    const after = repo.read('rubric.yaml');
    expect(parse(after).sla).toMatchObject({ follow_up_hours: 8, attempts_before_recycle: 5, decision_days: 3 });
    // Only the value picked differs from the colleague's file.
    expect(after).toBe(before.replace('follow_up_hours: 24', 'follow_up_hours: 8').replace('attempts_before_recycle: 3', 'attempts_before_recycle: 5'));
    expect((await repo.git('show', '--name-only', '--format=', 'HEAD')).trim().split('\n').sort()).toEqual(['rubric.yaml', 'sessions/2026-11-27-sla-review.yaml']);
  });

  it('after Ctrl-C and a colleague\'s commit, --resume merges from the rubric the session started from (the bug: it wrote 24 back)', async () => {
    const before = await slaWorkspace();
    const first = spawnAlign(['workshop', 'sla-review'], { cwd: repo.dir, env: repo.env });
    await setupAndHours(first);
    await first.waitFor('within how many days');
    first.type(KEY.ctrlC);
    expect(await first.exited).toBe(130);
    repo.write('rubric.yaml', before.replace('follow_up_hours: 24', 'follow_up_hours: 12'));
    await repo.git('-c', 'user.name=Pat Lee', 'commit', '-q', '-am', 'Faster follow-up');

    const s = spawnAlign(['workshop', '--resume'], { cwd: repo.dir, env: repo.env });
    for (const p of ['within how many days', 'Attempts before', 'Where do rejected leads go', 'Rejection reasons']) await s.answer(p, '');
    await s.pick('Write it all down?', 'Confirm: write the files and commit them');
    await s.waitFor(/sla\.follow_up_hours\n\s+was\s+24\n\s+on disk now\s+12\s+\(theirs\)\n\s+this session\s+8\s+\(ours\)/);
    await s.pick('Keep which for sla.follow_up_hours?', 'theirs: 12 (on disk now)', { from: 'theirs: 12 (on disk now)' });
    await s.waitFor('committed');
    expect(await s.exited).toBe(0);
    expect(repo.read('rubric.yaml')).toBe(before.replace('follow_up_hours: 24', 'follow_up_hours: 12'));
    expect(await repo.git('log', '-1', '--format=%s', '--', 'rubric.yaml')).toBe('Faster follow-up');
  });
});
