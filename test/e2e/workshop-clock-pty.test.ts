import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { KEY, spawnAlign, type PtySession } from '../helpers/pty.js';
import { ROOT, tempRepo, type TempRepo } from '../helpers/workspace.js';

let repo: TempRepo;
afterEach(() => repo?.cleanup());

const CTRL_O = '\x0f';

/** A select prompt already on screen (its render waited for): down to the entry of that name, then Enter. */
async function moveTo(s: PtySession, name: string): Promise<void> {
  await s.waitFor(/❯ [^\n]*/); // the highlight of the render on screen
  for (let i = 0; i < 6; i++) {
    s.type(KEY.down);
    if ((await s.waitFor(/❯ [^\n]*/)).slice(2) === name) {
      s.type(KEY.enter);
      await s.waitFor(new RegExp(`✔[^\n]*${name}`));
      return;
    }
  }
  throw new Error(`${name} is not an entry of the select on screen`);
}

// One sync on a terminal whose clock the test moves (ALIGN_TEST_CLOCK_FILE): no sleeping, the screen says when align saw it.
describe('align workshop on a terminal: the live clock and the section menu', { timeout: 120_000 }, () => {
  it('counts down while a prompt waits, shows the overrun, says what comes next; reschedules, parks, skips and notes from the menu', async () => {
    repo = await tempRepo();
    expect((await repo.align(['init', '--org', 'Acme Corp', '--sales', 'Dana Kim,Lee Park', '--marketing', 'Sam Ortiz,Ana Ruiz', '--yes'])).exitCode).toBe(0);
    expect((await repo.align(['workshop', 'kickoff', '--answers', join(ROOT, 'examples', 'kickoff.answers.yaml')])).exitCode).toBe(0);
    const clock = join(repo.dir, '.git', 'test-clock');
    // Written aside, then renamed: align never reads a file half written.
    const setClock = (t: string) => {
      writeFileSync(`${clock}.tmp`, `2026-12-08T${t}Z`);
      renameSync(`${clock}.tmp`, clock);
    };
    setClock('10:00:00');
    const s = spawnAlign(['workshop', 'sync'], { cwd: repo.dir, env: { ...repo.env, ALIGN_TEST_CLOCK_FILE: clock } });
    await s.answer('Date of the session', ''); // today on the test clock: 2026-12-08
    await s.choose('Facilitator', 'Dana Kim');
    await s.answer('Who is here?', '');
    await s.answer('Someone else in the room?', '');

    await s.waitFor("1/5 Last time's actions");
    await s.waitFor('next: 2/5 Progress on shared goals (15 min)');
    await s.waitFor('Book the lead-definition workshop');
    await s.waitFor('[10:00 left] Done, still open, or dropped?');
    setClock('10:04:30'); // the prompt waits; its clock follows
    await s.waitFor('[5:30 left] Done, still open, or dropped?');
    await moveTo(s, 'open, with a new due date');
    await s.answer('New due date YYYY-MM-DD (was 2026-12-04)', '2026-12-01', { rejectedWith: 'before the session (2026-12-08)' });
    await s.correct('New due date', `${KEY.backspace.repeat(10)}2026-12-18`);
    await s.answer('Note', '');
    await s.waitFor('Send the last quarter');
    setClock('10:11:05');
    await s.waitFor('[over by 1:05] Done, still open, or dropped?');
    await moveTo(s, 'done');
    await s.waitFor(/\? [^\n]*Note/);
    s.type(CTRL_O);
    await s.pick("Section menu: Last time's actions", 'Park a topic for the next sync');
    await s.answer('Topic to park', 'Budget for the spring events');
    await s.waitFor('parked: Budget for the spring events');
    await s.answer('Note (empty for none)', 'sent on Friday'); // back at the question the menu interrupted
    await s.waitFor('Share the campaign calendar');
    await s.pick('Done, still open, or dropped?', 'dropped', { from: 'open' });
    await s.answer('Note', '');

    await s.waitFor('2/5 Progress on shared goals');
    await s.waitFor('next: 3/5 Lead feedback (15 min)');
    await s.waitFor('[15:00 left] Latest value');
    s.type(CTRL_O);
    await s.pick('Section menu: Progress on shared goals', 'Skip this section (nothing captured)');

    await s.waitFor('3/5 Lead feedback');
    await s.waitFor(/\? [^\n]*Note \(empty line to finish\)/);
    s.type(CTRL_O);
    await s.pick('Section menu: Lead feedback', 'Park this section for the next sync');

    await s.waitFor('4/5 Joint revenue plans');
    await s.waitFor(/\? [^\n]*Decision \(empty line to finish\)/);
    s.type(CTRL_O);
    await s.pick('Section menu: Joint revenue plans', 'Add a note to this section');
    await s.answer('Note for this section', 'Pipeline is short for Q1');
    await s.answer('Decision (empty line to finish)', '');
    await s.waitFor('next: the summary');
    await s.answer('Action (empty line to finish)', '');

    await s.waitFor('Summary of');
    await s.waitFor('skipped: nothing captured');
    await s.waitFor('parked: the whole section, for the next sync');
    await s.pick('Write it all down?', 'Confirm: write the files and commit them');
    await s.waitFor('committed');
    expect(await s.exited).toBe(0);

    // Every label the clock showed, in order: it only counts down, then up once over.
    const labels = [...new Set([...s.output().matchAll(/\[(\d+:\d\d left|over by \d+:\d\d)\]/g)].map((m) => m[1]))];
    expect(labels).toEqual(['10:00 left', '5:30 left', 'over by 1:05', '15:00 left']);

    const session = parse(repo.read('sessions/2026-12-08-sync.yaml'));
    expect(session.action_reviews).toEqual([
      { session: '2026-11-27-kickoff', action: 'a1', status: 'open', due: '2026-12-18' },
      { session: '2026-11-27-kickoff', action: 'a2', status: 'done', note: 'sent on Friday' },
      { session: '2026-11-27-kickoff', action: 'a3', status: 'dropped' },
    ]);
    expect(session.parked).toEqual([
      { topic: 'Budget for the spring events', section: 'action-review' },
      { topic: 'Lead feedback', section: 'lead-feedback', whole_section: true },
    ]);
    const sections = Object.fromEntries(session.sections.map((x: { id: string }) => [x.id, x]));
    expect(sections['action-review'].minutes_used).toBe(11);
    expect(sections['goal-progress'].status).toBe('skipped');
    expect(sections['lead-feedback'].status).toBe('parked');
    expect(sections['revenue-plans'].notes).toEqual(['Pipeline is short for Q1']);
    expect(session.progress).toBeUndefined();
    expect((await repo.align(['validate'])).exitCode).toBe(0);
  });
});
