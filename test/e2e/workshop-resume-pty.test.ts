import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { KEY, spawnAlign } from '../helpers/pty.js';
import { tempRepo, type TempRepo } from '../helpers/workspace.js';

let repo: TempRepo;
afterEach(() => repo?.cleanup());

const run = (args: string[]) => spawnAlign(['workshop', ...args], { cwd: repo.dir, env: repo.env });

const MEMBERS = ['Dana Kim (Sales)', 'Lee Park (Sales)', 'Sam Ortiz (Marketing)', 'Ana Ruiz (Marketing)'];

/** The prompts asked, in order: each `? message` line as first drawn (a prompt is redrawn at every key). */
const promptsAsked = (screen: string, text: string) => screen.split('\n').filter((l) => l.startsWith('? ') && l.includes(text)).length;

describe('align workshop resumed on a terminal', { timeout: 180_000 }, () => {
  it('kickoff: Ctrl-C after an accepted list answer, --resume continues at that very prompt with every answer kept; the facilitator owns an action', async () => {
    repo = await tempRepo();
    expect((await repo.align(['init', '--org', 'Acme Corp', '--sales', 'Dana Kim,Lee Park', '--marketing', 'Sam Ortiz,Ana Ruiz', '--yes'])).exitCode).toBe(0);
    const first = run(['kickoff']);
    await first.answer('Date of the session', '');
    await first.choose('Facilitator', 'Jo Rivera'); // an outside facilitator, on no team
    await first.waitFor('Welcome and who is here'); // who is here is asked in this section only
    await first.tick('Who is here?', 'a', MEMBERS);
    await first.answer('Someone else in the room?', 'sam ortiz', { rejectedWith: 'Sam Ortiz is already on the list' });
    await first.correct('Someone else in the room?', KEY.backspace.repeat(9));
    await first.waitFor('Sales: goals and values');
    await first.answer('Sales goal (empty line to finish)', 'Close 1.2M in new bookings');
    await first.answer('Sales goal (empty line to finish)', '');
    await first.answer('Sales value (empty line to finish)', 'Speed to first call');
    await first.answer('Sales value (empty line to finish)', '');
    await first.waitFor('Marketing: goals and values');
    await first.answer('Marketing goal (empty line to finish)', '450 MQLs');
    await first.answer('Marketing goal (empty line to finish)', '');
    await first.answer('Marketing value (empty line to finish)', 'Message consistency'); // accepted: ✔
    await first.waitFor(/\? (\[[^\]\n]*\] )?Marketing value/); // after the section clock's label
    first.type(KEY.ctrlC);
    await first.waitFor('Resume with: align workshop --resume');
    expect(await first.exited).toBe(130);

    const s = run(['--resume']);
    await s.answer('Marketing value (empty line to finish)', 'Experiments over opinions');
    // The first prompt of the resumed session is the one it stopped at: not the section's first, nor "remove one of these".
    expect(s.output().split('\n').find((l) => l.startsWith('? '))).toMatch(/^\? (\[[^\]\n]*\] )?Marketing value \(empty line to finish\)/);
    expect(s.output()).toContain('✔ Marketing value (empty line to finish) Message consistency'); // the answer it had, on screen again
    await s.answer('Marketing value (empty line to finish)', '');
    await s.waitFor('What we share');
    await s.pick('Shared goals: add or edit one', 'Add a goal');
    await s.answer('Goal title', 'Grow SQL pipeline');
    for (const p of ['Metric', 'Baseline', 'Target']) await s.answer(p, '');
    await s.answer('Due date', '2026-11-01', { rejectedWith: 'before the session date 2026-11-27' });
    await s.correct('Due date', `${KEY.backspace.repeat(10)}2027-03-31`);
    await s.answer('Owning teams', '', { rejectedWith: 'needs at least one owning team' }); // none ticked: refused
    s.type('a');
    await s.tick('Owning teams', '', ['Sales', 'Marketing']);
    await s.pick('Horizon', 'now', { from: 'now' });
    await s.pick('Status', 'proposed', { from: 'proposed' });
    await s.pick('Shared goals: add or edit one', 'Done', { up: true });
    await s.answer('Note (empty line to finish)', '');
    await s.answer('Decision (empty line to finish)', '');
    await s.answer('Action (empty line to finish)', 'Book the lead-definition workshop');
    await s.pick('Owner', 'Jo Rivera (facilitator)');
    await s.pick('Team', '(none)');
    await s.answer('Due date', '2026-11-20', { rejectedWith: 'before the session date 2026-11-27' });
    await s.correct('Due date', `${KEY.backspace.repeat(10)}2026-12-04`);
    await s.pick('Status', 'open', { from: 'open' });
    await s.answer('Action (empty line to finish)', '');
    await s.waitFor('Summary of');
    await s.waitFor('marketing value: Message consistency');
    await s.pick('Write it all down?', 'Confirm: write the files and commit them');
    await s.waitFor('committed');
    expect(await s.exited).toBe(0);

    expect(promptsAsked(first.output() + s.output(), 'Who is here?')).toBe(1);
    const config = parse(repo.read('align.yaml'));
    expect(config.teams.marketing).toEqual({ name: 'Marketing', members: ['Sam Ortiz', 'Ana Ruiz'], goals: ['450 MQLs'], values: ['Message consistency', 'Experiments over opinions'] });
    expect(config.teams.sales).toEqual({ name: 'Sales', members: ['Dana Kim', 'Lee Park'], goals: ['Close 1.2M in new bookings'], values: ['Speed to first call'] });
    const session = parse(repo.read('sessions/2026-11-27-kickoff.yaml'));
    expect(session.facilitator).toBe('Jo Rivera');
    expect(session.team_goals.marketing).toEqual({ goals: ['450 MQLs'], values: ['Message consistency', 'Experiments over opinions'] });
    expect(session.actions).toEqual([{ id: 'a1', title: 'Book the lead-definition workshop', owner: 'Jo Rivera', due: '2026-12-04', status: 'open' }]);
    expect(parse(repo.read('goals.yaml')).goals[0]).toMatchObject({ id: 'grow-sql-pipeline', due: '2027-03-31', owners: ['sales', 'marketing'] });
    expect(readdirSync(join(repo.dir, '.align', 'drafts'))).toEqual([]);
    expect((await repo.align(['validate'])).exitCode).toBe(0);
  });
});
