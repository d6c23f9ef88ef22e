import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { KEY, spawnAlign, type PtySession } from '../helpers/pty.js';
import { tempRepo, type TempRepo } from '../helpers/workspace.js';

let repo: TempRepo;
afterEach(() => repo?.cleanup());

const MEMBERS = ['Dana Kim (Sales)', 'Lee Park (Sales)', 'Sam Ortiz (Marketing)', 'Ana Ruiz (Marketing)'];

/** A search prompt opened on its current value: waits for it highlighted, and keeps it with Enter. */
async function keep(s: PtySession, prompt: string, current: string): Promise<void> {
  await s.waitFor(new RegExp(`\\? [^\\n]*${prompt}`));
  await s.waitFor(`❯ ${current}`);
  s.type(KEY.enter);
  await s.waitFor(new RegExp(`✔[^✔]*?${prompt}[^\\n]*`));
}

describe('align workshop on a terminal: the rubric the room signs', { timeout: 180_000 }, () => {
  it('runs golden leads on each change, captures a new one, signs off from members last, and edits keep every current value', async () => {
    repo = await tempRepo();
    const init = await repo.align(['init', '--org', 'Acme Corp', '--sales', 'Dana Kim,Lee Park', '--marketing', 'Sam Ortiz,Ana Ruiz', '--yes']);
    expect(init.exitCode, init.stderr).toBe(0);
    const s = spawnAlign(['workshop', 'lead-definition'], { cwd: repo.dir, env: repo.env });
    await s.answer('Date of the session', '');
    await s.choose('Facilitator', 'Sam Ortiz');
    await s.tick('Who is here?', 'a', MEMBERS);
    await s.answer('Someone else in the room?', '');
    await s.answer('Note (empty line to finish)', '');
    await s.waitFor('fit criteria in the draft rubric');
    await s.pick('Add, edit or remove a criterion', 'Done', { up: true });

    // Edit: every current value is the default; only the points change, and a golden lead fails at once.
    await s.waitFor('engagement criteria in the draft rubric');
    await s.pick('Add, edit or remove a criterion', 'Edit: need');
    await s.answer('Criterion, in words', '');
    await s.pick('Its condition', 'Any of several conditions (any)', { from: 'Any of several conditions (any)' });
    await keep(s, 'Field', 'demo_requested');
    await keep(s, 'Operator', 'eq');
    await s.answer('Value', '');
    await s.answer('Another condition in this group?', ''); // yes: the criterion had two
    await keep(s, 'Field', 'pain_point');
    await keep(s, 'Operator', 'is_known');
    await s.answer('Another condition in this group?', ''); // no: that was the last
    await s.answer('Is it a gate', '');
    await s.answer('Points', `${KEY.backspace.repeat(4)}5`);
    await s.answer('Why does it matter?', '');
    await s.waitFor('golden leads: 1 of 4 golden leads fails');
    await s.waitFor('✗ Coordinator who asked for a demo, buying soon, no authority: expected mql, now unqualified (score 25)');
    await s.pick('Add, edit or remove a criterion', 'Done', { up: true });

    // Thresholds kept; the room adds a golden lead, run with the others at once.
    for (const p of ['mql (Marketing-qualified): minimum score', 'mql: fit', 'mql: engagement', 'sql (Sales-ready): minimum score', 'sql: fit', 'sql: engagement', 'Add a stage above sql?']) await s.answer(p, '');
    await s.answer('Add a golden lead', 'y');
    await s.answer('Which lead?', 'Globex VP, no budget yet');
    await s.answer('Globex VP, no budget yet: field', 'title');
    await s.answer('Globex VP, no budget yet: title =', 'VP Marketing');
    await s.answer('Globex VP, no budget yet: field', 'purchase_timeline_days');
    await s.answer('Globex VP, no budget yet: purchase_timeline_days =', '30');
    await s.answer('Globex VP, no budget yet: field', '');
    await s.pick('Which stage must Globex VP, no budget yet land in?', 'mql');
    await s.waitFor('golden leads: 1 of 5 golden leads fails');
    await s.answer('Add a golden lead', '');
    for (const p of ['within how many hours', 'within how many days', 'Attempts before', 'Where do rejected leads go', 'Rejection reasons']) await s.answer(p, '');
    await s.answer('Decision (empty line to finish)', '');
    await s.answer('Action (empty line to finish)', 'Configure the scoring in the CRM');
    await s.pick('Owner', 'Ana Ruiz (Marketing)');
    await s.answer('Due date', '2026-12-11');
    await s.pick('Status', 'open', { from: 'open' });
    await s.answer('Action (empty line to finish)', '');

    // Sign-off last, on the final rubric: a member of each team, picked (nothing typed).
    await s.waitFor('── Sign-off ──');
    await s.pick('approves this rubric for Sales', 'Dana Kim', { from: '(nobody signs in this session)' });
    await s.pick('approves this rubric for Marketing', 'Sam Ortiz');

    // The summary shows the failing golden lead, and confirm warns before committing it.
    await s.waitFor(/│ golden leads +│ 1 of 5 golden leads fails/);
    await s.waitFor('✗ Coordinator who asked for a demo');
    await s.pick('Write it all down?', 'Confirm: write the files and commit them');
    await s.pick('1 of 5 golden leads fails under this rubric. Commit it anyway?', 'No, go back and edit a section', { from: 'No, go back and edit a section' });

    // An action edited in place: every value offered, only the due date changed.
    await s.pick('Which section?', 'Sign-off and next steps (actions)');
    await s.pick('Change or remove one of these actions?', 'Edit: Configure the scoring in the CRM');
    await s.answer('Action', '');
    await s.pick('Owner', 'Ana Ruiz (Marketing)', { from: 'Ana Ruiz (Marketing)' });
    await s.answer('Due date', `${KEY.backspace.repeat(12)}2026-12-18`);
    await s.pick('Status', 'open', { from: 'open' });
    await s.pick('Change or remove one of these actions?', 'No, keep them', { from: 'No, keep them' });
    await s.answer('Action (empty line to finish)', '');

    // The session header, edited from the summary: the date changes, the rest is kept.
    await s.pick('Write it all down?', 'Go back and edit a section');
    await s.pick('Which section?', 'Session details (date, facilitator, attendees)', { from: 'Session details (date, facilitator, attendees)' });
    await s.answer('Date of the session', `${KEY.backspace.repeat(12)}2026-11-28`);
    await keep(s, 'Facilitator', 'Sam Ortiz');
    await s.tick('Who is here?', '', MEMBERS);
    await s.answer('Someone else in the room?', '');
    await s.waitFor('2026-11-28, facilitator Sam Ortiz');

    // The rubric edited from the summary withdraws this session's sign-off: asked again, Marketing does not sign this time.
    await s.pick('Write it all down?', 'Go back and edit a section');
    await s.pick('Which section?', 'The hand-off SLA (sla)');
    await s.answer('within how many hours', `${KEY.backspace.repeat(4)}12`);
    for (const p of ['within how many days', 'Attempts before', 'Where do rejected leads go', 'Rejection reasons']) await s.answer(p, '');
    await s.pick('approves this rubric for Sales', 'Dana Kim', { from: '(nobody signs in this session)' });
    await s.pick('approves this rubric for Marketing', '(nobody signs in this session)', { from: '(nobody signs in this session)' });
    await s.pick('Write it all down?', 'Confirm: write the files and commit them');
    await s.pick('Commit it anyway?', 'Yes, write it with the failing golden leads');
    await s.waitFor('committed');
    expect(await s.exited).toBe(0);

    const rubric = parse(repo.read('rubric.yaml'));
    expect(rubric.criteria.find((c: { id: string }) => c.id === 'need')).toEqual({
      id: 'need', label: 'Stated a need', dimension: 'engagement',
      when: { any: [{ field: 'demo_requested', op: 'eq', value: true }, { field: 'pain_point', op: 'is_known' }] },
      points: 5, why: 'A demo request or a named pain is a need sales can work with',
    });
    expect(rubric.tests).toHaveLength(5);
    expect(rubric.tests.at(-1)).toEqual({ name: 'Globex VP, no budget yet', lead: { title: 'VP Marketing', purchase_timeline_days: 30 }, expect: 'mql' });
    expect(rubric.approved_by).toEqual({ sales: 'Dana Kim' });
    expect(rubric.sla.follow_up_hours).toBe(12);
    const session = parse(repo.read('sessions/2026-11-28-lead-definition.yaml'));
    expect(session.date).toBe('2026-11-28');
    expect(session.facilitator).toBe('Sam Ortiz');
    expect(session.actions).toEqual([{ id: 'a1', title: 'Configure the scoring in the CRM', owner: 'Ana Ruiz', team: 'marketing', due: '2026-12-18', status: 'open' }]);
    expect((await repo.align(['validate'])).exitCode).toBe(0);
  });
});
