import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { KEY, spawnAlign, type PtySession } from '../helpers/pty.js';
import { demoWorkspace, ROOT, type TempRepo } from '../helpers/workspace.js';

let repo: TempRepo;
afterEach(() => repo?.cleanup());

const run = (args: string[]) => spawnAlign(['workshop', ...args], { cwd: repo.dir, env: repo.env });

const MEMBERS = ['Dana Kim (Sales)', 'Lee Park (Sales)', 'Sam Ortiz (Marketing)', 'Ana Ruiz (Marketing)'];

async function setupAndEvidence(s: PtySession): Promise<void> {
  await s.answer('Date of the session', '');
  await s.choose('Facilitator', 'Sam Ortiz');
  await s.tick('Who is here?', 'a', MEMBERS); // tick every member
  await s.answer('Someone else in the room?', 'Priya Shah');
  await s.pick("Priya Shah's team", 'Sales');
  await s.answer('Someone else in the room?', '');
  await s.waitFor('What the last quarter');
  await s.answer('Note (empty line to finish)', '412 leads passed, 160 accepted, 31 closed');
  await s.answer('Note (empty line to finish)', '');
}

async function addGroupedCriterion(s: PtySession): Promise<void> {
  await s.waitFor('fit criteria in the draft rubric');
  await s.pick('Add, edit or remove a criterion', 'Add a criterion');
  await s.answer('Criterion, in words', 'Decision maker in a target country');
  await s.pick('Its condition', 'All of several conditions (all)');
  await s.choose('Field', 'title');
  await s.choose('Operator', 'matches');
  await s.answer('Value', '\\b(vp|director|head)\\b');
  await s.answer('Another condition in this group?', '');
  await s.choose('Field', 'country');
  await s.choose('Operator', 'in');
  await s.answer('Value', 'US, CA, GB');
  await s.answer('Another condition in this group?', '');
  await s.answer('Is it a gate', '');
  await s.answer('Points', '20');
  await s.answer('Why does it matter?', 'Directors in our markets sign');
  await s.waitFor('all of (title matches');
  await s.pick('Add, edit or remove a criterion', 'Remove: authority');
  await s.waitFor('fit criteria in the draft rubric');
  await s.pick('Add, edit or remove a criterion', 'Done', { up: true }); // the list wraps: up from the first entry is Done
}

// A whole session types a few hundred keys, each waiting for its prompt; on two busy cores that takes a while.
describe('align workshop on a terminal', { timeout: 180_000 }, () => {
  it('runs lead-definition end to end: criteria, thresholds, SLA, a rejected date, an edit from the summary', async () => {
    repo = await demoWorkspace();
    const s = run(['lead-definition']);
    await setupAndEvidence(s);
    await addGroupedCriterion(s);

    await s.waitFor('engagement criteria in the draft rubric');
    await s.pick('Add, edit or remove a criterion', 'Add a criterion');
    await s.answer('Criterion, in words', 'Demo requested');
    await s.pick('Its condition', 'One condition');
    await s.choose('Field', 'demo_requested');
    await s.choose('Operator', 'eq');
    await s.answer('Value', 'true');
    await s.answer('Is it a gate', '');
    await s.answer('Points', '40');
    await s.answer('Why does it matter?', '');
    await s.waitFor('demo-requested');
    await s.pick('Add, edit or remove a criterion', 'Done', { up: true });

    await s.waitFor('Thresholds: MQL and SQL');
    await s.answer('mql (Marketing-qualified): minimum score', '35');
    await s.answer('mql: fit points', '');
    await s.answer('mql: engagement points', '');
    await s.answer('sql (Sales-ready): minimum score', '65');
    await s.answer('sql: fit points', '');
    await s.answer('sql: engagement points', '');
    await s.answer('Add a stage above sql?', '');
    await s.answer('Add a golden lead', '');

    await s.waitFor('The hand-off SLA');
    await s.answer('within how many hours', '12');
    await s.answer('within how many days', '2');
    await s.answer('Attempts before', '');
    await s.answer('Where do rejected leads go', '');
    await s.answer('Rejection reasons', `${KEY.backspace.repeat(60)}no-budget, wrong-persona, not-now`);

    await s.waitFor('Which leads need nurturing');
    await s.answer('Decision (empty line to finish)', 'Leads with fit but no engagement get the nurture sequence');
    await s.answer('Decision (empty line to finish)', '');

    await s.waitFor('Sign-off and next steps');
    await s.answer('Action (empty line to finish)', 'Configure the scoring in the CRM');
    await s.pick('Owner', 'Ana Ruiz (Marketing)'); // after Dana Kim, Lee Park, Priya Shah (now in sales), Sam Ortiz
    await s.answer('Due date', '2026-02-30', { rejectedWith: 'real calendar date' }); // rejected, and asked again
    await s.correct('Due date', `${KEY.backspace.repeat(12)}2026-12-11`);
    await s.pick('Status', 'open', { from: 'open' });
    await s.answer('Action (empty line to finish)', '');
    await s.pick('approves this rubric for Sales', 'Dana Kim');
    await s.pick('approves this rubric for Marketing', 'Sam Ortiz');

    await s.waitFor('Summary of');
    await s.waitFor('follow up within 12 hours');
    await s.pick('Write it all down?', 'Go back and edit a section');
    await s.pick('Which section?', 'The hand-off SLA (sla)');
    await s.answer('within how many hours', `${KEY.backspace.repeat(4)}8`);
    await s.answer('within how many days', '');
    await s.answer('Attempts before', '');
    await s.answer('Where do rejected leads go', '');
    await s.answer('Rejection reasons', '');
    await s.pick('approves this rubric for Sales', 'Dana Kim'); // the rubric was edited: asked again
    await s.pick('approves this rubric for Marketing', 'Sam Ortiz');
    await s.waitFor('follow up within 8 hours');
    await s.pick('Write it all down?', 'Confirm: write the files and commit them');
    await s.waitFor('committed');
    expect(await s.exited).toBe(0);

    const rubric = parse(repo.read('rubric.yaml'));
    const grouped = rubric.criteria.find((c: { id: string }) => c.id === 'decision-maker-in-a-target-country');
    expect(grouped).toEqual({
      id: 'decision-maker-in-a-target-country',
      label: 'Decision maker in a target country',
      dimension: 'fit',
      when: { all: [{ field: 'title', op: 'matches', value: '\\b(vp|director|head)\\b' }, { field: 'country', op: 'in', value: ['US', 'CA', 'GB'] }] },
      points: 20,
      why: 'Directors in our markets sign',
    });
    expect(rubric.criteria.map((c: { id: string }) => c.id)).not.toContain('authority');
    expect(rubric.criteria.find((c: { id: string }) => c.id === 'demo-requested')).toEqual({
      id: 'demo-requested', label: 'Demo requested', dimension: 'engagement', when: { field: 'demo_requested', op: 'eq', value: true }, points: 40,
    });
    expect(rubric.stages.map((x: { id: string; min: number }) => [x.id, x.min])).toEqual([['mql', 35], ['sql', 65]]);
    expect(rubric.stages[1].require).toEqual({ fit: 30 });
    expect(rubric.sla).toEqual({ follow_up_hours: 8, decision_days: 2, attempts_before_recycle: 3, recycle_to: 'nurture', rejection_reasons: ['no-budget', 'wrong-persona', 'not-now'] });
    expect(rubric.approved_by).toEqual({ sales: 'Dana Kim', marketing: 'Sam Ortiz' });
    const session = parse(repo.read('sessions/2026-11-27-lead-definition.yaml'));
    expect(session.facilitator).toBe('Sam Ortiz');
    expect(session.attendees.map((a: { name: string }) => a.name)).toEqual(['Dana Kim', 'Lee Park', 'Sam Ortiz', 'Ana Ruiz', 'Priya Shah']);
    expect(session.actions).toEqual([{ id: 'a1', title: 'Configure the scoring in the CRM', owner: 'Ana Ruiz', team: 'marketing', due: '2026-12-11', status: 'open' }]);
    expect(session.sections[0].notes).toEqual(['412 leads passed, 160 accepted, 31 closed']);
    expect(parse(repo.read('align.yaml')).teams.sales.members).toContain('Priya Shah');
    expect((await repo.git('log', '-1', '--format=%B')).trim()).toBe(
      'workshop: What is a sales-ready lead at Acme Corp? (2026-11-27)\n\nDecisions:\n- Leads with fit but no engagement get the nurture sequence',
    );
    expect((await repo.git('show', '--name-only', '--format=', 'HEAD')).trim().split('\n').sort()).toEqual(['align.yaml', 'rubric.yaml', 'sessions/2026-11-27-lead-definition.yaml']);
    expect(readdirSync(join(repo.dir, '.align', 'drafts'))).toEqual([]);
    expect((await repo.align(['validate'])).exitCode).toBe(0);
  });

  it('fits a terminal of 60 columns: section text word-wraps, the criteria and summary tables wrap their cells', async () => {
    repo = await demoWorkspace();
    const purpose = 'Who the lead is: the attributes that make a buyer likely to close within a quarter, written so that a new seller understands them.';
    const prompt = 'Which company size, industry, region and role does Sales close fastest? Name the field in the CRM for each one.';
    repo.write('templates/narrow.yaml', `id: narrow\ntitle: Fit on a narrow screen\nsections:\n  - id: fit\n    title: Fit criteria\n    minutes: 10\n    capture: criteria\n    dimension: fit\n    purpose: "${purpose}"\n    prompts:\n      - "${prompt}"\n`);
    const s = spawnAlign(['workshop', 'narrow'], { cwd: repo.dir, env: repo.env, cols: 60 });
    await s.answer('Date of the session', '');
    await s.choose('Facilitator', 'Sam Ortiz');
    await s.tick('Who is here?', 'a', MEMBERS);
    await s.answer('Someone else in the room?', '');
    await s.waitFor('fit criteria in the draft rubric');
    await s.pick('Add, edit or remove a criterion', 'Done', { up: true });
    await s.waitFor('Summary of');
    await s.pick('Write it all down?', 'Stop here and keep the draft');
    expect(await s.exited).toBe(0);

    // align breaks the lines itself: a line the terminal wrapped would be one long line here.
    const out = s.output();
    const lines = out.split('\n');
    const from = lines.findIndex((l) => l.startsWith('Who the lead is'));
    expect(lines.slice(from, from + 5)).toEqual([
      'Who the lead is: the attributes that make a buyer likely to',
      'close within a quarter, written so that a new seller',
      'understands them.',
      '  • Which company size, industry, region and role does Sales',
      '    close fastest? Name the field in the CRM for each one.',
    ]);
    const tables = lines.filter((l) => /^[┌│├└]/.test(l));
    expect(tables.length).toBeGreaterThan(10);
    expect(tables.filter((l) => l.length > 60)).toEqual([]);
    expect(out).not.toContain('…'); // no cell cut short
    // The starter rubric's fit criteria, each condition whole across its wrapped lines.
    const criteria = out.slice(out.indexOf('fit criteria in the draft rubric'), out.indexOf('Add, edit or remove'));
    expect(criteria.replace(/[│├┼┤─┌┬┐└┴┘\s]+/g, '')).toContain('authority20titlematches\\b(vp|vicepresident|director|head|chief|c[eitfo]o)\\bcompany-size');
    const summary = out.slice(out.indexOf('Summary of'));
    expect(summary.replace(/[│\s]+/g, ' ')).toMatch(/attendees: Dana Kim, Lee Park, Sam Ortiz, Ana Ruiz/);
    expect(summary).toMatch(/^│ Fit criteria +│ - +│$/m);
  });

  it('Ctrl-C mid-session saves everything typed; --resume continues at the same place, with the leads file it remembers, and finishes', async () => {
    repo = await demoWorkspace();
    repo.write('old-leads.csv', 'title,employees\nVP Sales,600\n');
    const first = run(['lead-definition', '--leads', 'old-leads.csv']);
    await setupAndEvidence(first);
    await first.waitFor('fit criteria in the draft rubric');
    await first.pick('Add, edit or remove a criterion', 'Add a criterion');
    await first.answer('Criterion, in words', 'Works at a large company');
    await first.pick('Its condition', 'One condition');
    await first.choose('Field', 'employees');
    await first.waitFor('Operator');
    first.type(KEY.ctrlC);
    await first.waitFor('Resume with: align workshop --resume');
    expect(await first.exited).toBe(130);
    const drafts = readdirSync(join(repo.dir, '.align', 'drafts'));
    expect(drafts).toEqual(['2026-11-27-lead-definition.json']);
    expect(existsSync(join(repo.dir, 'sessions', '2026-11-27-lead-definition.yaml'))).toBe(false);

    // Four leads, one per outcome under the rubric the resumed session will have (BANT plus 15 fit points at 500+ employees):
    // fit 20+20+10+15 (capped 60) and engagement 45 → sql; nothing → unqualified; engagement 45 alone → mql; a competitor → disqualified.
    repo.write('leads.csv', [
      'budget_confirmed,annual_budget,title,employees,demo_requested,pain_point,purchase_timeline_days,last_activity,is_competitor',
      'true,,VP Sales,600,true,,30,,',
      ',,Student,,,,,,',
      ',,Coordinator,,true,,60,,',
      'true,,Director,,true,,,,true',
    ].join('\n'));
    const second = run(['--resume', '--leads', 'leads.csv']); // another file than at the start: it replaces the one remembered, and says so
    await second.waitFor('--leads leads.csv: used from now on instead of old-leads.csv');
    await second.waitFor('Fit criteria'); // the section it stopped in, not the start
    await second.choose('Operator', 'gte'); // label, condition shape and field were kept
    await second.answer('Value', '500');
    await second.answer('Is it a gate', '');
    await second.answer('Points', '15');
    await second.answer('Why does it matter?', '');
    for (const dim of ['fit', 'engagement']) {
      await second.waitFor(`${dim} criteria in the draft rubric`);
      await second.pick('Add, edit or remove a criterion', 'Done', { up: true });
    }
    await second.waitFor('leads per stage under the draft rubric (4 leads): disqualified 1 · unqualified 1 · mql 1 · sql 1');
    await second.waitFor(/\? (\[[^\]\n]*\] )?mql \(Marketing-qualified\): minimum score/); // after the section clock's label
    second.type(KEY.ctrlC);
    expect(await second.exited).toBe(130);

    const s = run(['--resume']); // no --leads: the draft remembers leads.csv
    await s.waitFor("leads: leads.csv, as this workshop's draft remembers");
    await s.waitFor('leads per stage under the draft rubric (4 leads): disqualified 1 · unqualified 1 · mql 1 · sql 1');
    for (const p of ['mql (Marketing-qualified): minimum score', 'mql: fit', 'mql: engagement', 'sql (Sales-ready): minimum score', 'sql: fit', 'sql: engagement', 'Add a stage above sql?', 'Add a golden lead']) await s.answer(p, '');
    for (const p of ['within how many hours', 'within how many days', 'Attempts before', 'Where do rejected leads go', 'Rejection reasons']) await s.answer(p, '');
    await s.answer('Decision (empty line to finish)', '');
    await s.answer('Action (empty line to finish)', '');
    for (const team of ['Sales', 'Marketing']) await s.pick(`approves this rubric for ${team}`, '(nobody signs in this session)');
    await s.pick('Write it all down?', 'Confirm: write the files and commit them');
    await s.waitFor('committed');
    expect(await s.exited).toBe(0);

    const session = parse(repo.read('sessions/2026-11-27-lead-definition.yaml'));
    expect(session.facilitator).toBe('Sam Ortiz');
    expect(session.attendees.map((a: { name: string }) => a.name)).toEqual(['Dana Kim', 'Lee Park', 'Sam Ortiz', 'Ana Ruiz', 'Priya Shah']);
    expect(session.sections[0].notes).toEqual(['412 leads passed, 160 accepted, 31 closed']);
    const rubric = parse(repo.read('rubric.yaml'));
    expect(rubric.criteria.at(-1)).toEqual({ id: 'works-at-a-large-company', label: 'Works at a large company', dimension: 'fit', when: { field: 'employees', op: 'gte', value: 500 }, points: 15 });
    expect(readdirSync(join(repo.dir, '.align', 'drafts'))).toEqual([]);
    expect((await repo.git('show', '--name-only', '--format=', 'HEAD')).trim().split('\n').sort()).toEqual(['align.yaml', 'rubric.yaml', 'sessions/2026-11-27-lead-definition.yaml']);
  });

  it('runs kickoff: attendees, team goals and values, a shared goal, a decision and an action', async () => {
    repo = await demoWorkspace();
    const s = run(['kickoff']);
    await s.answer('Date of the session', '');
    await s.choose('Facilitator', 'Sam Ortiz');
    await s.waitFor('Welcome and who is here'); // who is here is asked once, in this section
    await s.tick('Who is here?', 'a', MEMBERS);
    await s.answer('Someone else in the room?', 'Priya Shah');
    await s.pick("Priya Shah's team", 'Marketing');
    await s.answer('Someone else in the room?', '');
    await s.waitFor('Sales: goals and values');
    await s.answer('Sales goal (empty line to finish)', 'Close 1.2M in new bookings');
    await s.answer('Sales goal (empty line to finish)', '');
    await s.answer('Sales value (empty line to finish)', 'Speed to first call');
    await s.answer('Sales value (empty line to finish)', '');
    await s.waitFor('Marketing: goals and values');
    await s.answer('Marketing goal (empty line to finish)', '450 MQLs');
    await s.answer('Marketing goal (empty line to finish)', '');
    await s.answer('Marketing value (empty line to finish)', '');
    await s.waitFor('What we share');
    await s.pick('Shared goals: add or edit one', 'Add a goal');
    await s.answer('Goal title', 'Grow SQL pipeline');
    await s.answer('Metric', 'SQL pipeline (USD)');
    await s.answer('Baseline', '1200000');
    await s.answer('Target', '2000000');
    await s.answer('Due date', '2027-03-31');
    await s.tick('Owning teams', 'a', ['Sales', 'Marketing']);
    await s.pick('Horizon', 'now', { from: 'now' });
    await s.pick('Status', 'on-track', { from: 'proposed' });
    await s.pick('Shared goals: add or edit one', 'Done', { up: true });
    await s.answer('Note (empty line to finish)', '');
    await s.answer('Decision (empty line to finish)', 'Meet every two weeks');
    await s.answer('Decision (empty line to finish)', '');
    await s.answer('Action (empty line to finish)', 'Book the lead-definition workshop');
    await s.pick('Owner', 'Dana Kim (Sales)');
    await s.answer('Due date', '2026-12-04');
    await s.pick('Status', 'open', { from: 'open' });
    await s.answer('Action (empty line to finish)', '');
    await s.waitFor('Summary of');
    await s.pick('Write it all down?', 'Confirm: write the files and commit them');
    await s.waitFor('committed');
    expect(await s.exited).toBe(0);

    const config = parse(repo.read('align.yaml'));
    expect(config.teams.sales).toEqual({ name: 'Sales', members: ['Dana Kim', 'Lee Park'], goals: ['Close 1.2M in new bookings'], values: ['Speed to first call'] });
    expect(config.teams.marketing).toEqual({ name: 'Marketing', members: ['Sam Ortiz', 'Ana Ruiz', 'Priya Shah'], goals: ['450 MQLs'] });
    expect(parse(repo.read('goals.yaml')).goals).toEqual([
      { id: 'grow-sql-pipeline', title: 'Grow SQL pipeline', metric: 'SQL pipeline (USD)', baseline: 1200000, target: 2000000, due: '2027-03-31', owners: ['sales', 'marketing'], horizon: 'now', status: 'on-track' },
    ]);
    const session = parse(repo.read('sessions/2026-11-27-kickoff.yaml'));
    expect(session.attendees.at(-1)).toEqual({ name: 'Priya Shah', team: 'marketing' });
    expect(session.decisions).toEqual(['Meet every two weeks']);
    expect(session.actions).toEqual([{ id: 'a1', title: 'Book the lead-definition workshop', owner: 'Dana Kim', team: 'sales', due: '2026-12-04', status: 'open' }]);
    expect((await repo.git('show', '--name-only', '--format=', 'HEAD')).trim().split('\n').sort()).toEqual(['align.yaml', 'goals.yaml', 'sessions/2026-11-27-kickoff.yaml']);
  });

  it('runs sync after a kickoff: reviews its open actions and records goal progress', async () => {
    repo = await demoWorkspace();
    expect((await repo.align(['workshop', 'kickoff', '--answers', join(ROOT, 'examples', 'kickoff.answers.yaml')])).exitCode).toBe(0);
    const s = run(['sync']);
    await s.answer('Date of the session', `${KEY.backspace.repeat(12)}2026-12-08`);
    await s.choose('Facilitator', 'Dana Kim');
    await s.answer('Who is here?', '');
    await s.answer('Someone else in the room?', '');
    await s.waitFor('Book the lead-definition workshop');
    await s.pick('Done, still open, or dropped?', 'done', { from: 'open' });
    await s.answer('Note', 'booked for 11 December');
    await s.waitFor('Send the last quarter');
    await s.pick('Done, still open, or dropped?', 'open', { from: 'open' });
    await s.answer('Note', '');
    await s.waitFor('Share the campaign calendar');
    await s.pick('Done, still open, or dropped?', 'dropped', { from: 'open' });
    await s.answer('Note', '');
    await s.waitFor('Grow pipeline from sales-ready leads');
    await s.answer('Latest value', '1350000');
    await s.pick('Status', 'at-risk', { from: 'on-track' }); // the goal's status so far
    await s.answer('Note', 'two deals slipped');
    await s.waitFor('Enter the mid-market segment');
    await s.answer('Latest value', '');
    await s.pick('Status', 'proposed', { from: 'proposed' }); // as it was
    await s.answer('Note', '');
    await s.answer('Note (empty line to finish)', '');
    await s.answer('Decision (empty line to finish)', '');
    await s.answer('Action (empty line to finish)', '');
    await s.pick('Write it all down?', 'Confirm: write the files and commit them');
    await s.waitFor('committed');
    expect(await s.exited).toBe(0);

    const session = parse(repo.read('sessions/2026-12-08-sync.yaml'));
    expect(session.action_reviews).toEqual([
      { session: '2026-11-27-kickoff', action: 'a1', status: 'done', note: 'booked for 11 December' },
      { session: '2026-11-27-kickoff', action: 'a2', status: 'open' },
      { session: '2026-11-27-kickoff', action: 'a3', status: 'dropped' },
    ]);
    const goal = parse(repo.read('goals.yaml')).goals[0];
    expect(goal.status).toBe('at-risk');
    expect(goal.progress).toEqual([{ date: '2026-12-08', value: 1350000, note: 'two deals slipped' }]);
    expect((await repo.git('show', '--name-only', '--format=', 'HEAD')).trim().split('\n').sort()).toEqual(['goals.yaml', 'sessions/2026-12-08-sync.yaml']);
  });

  it('picks the template when none is named, and the draft to resume when several wait', async () => {
    repo = await demoWorkspace();
    const a = run([]);
    const exchange = 'exchange — Walk in their shoes: a Sales and Marketing exchange';
    await a.pick('Which workshop?', exchange, { from: exchange }); // the first: templates are listed by id
    // Titles as the agenda shows them, placeholders filled from align.yaml.
    expect(a.output()).toContain('kickoff — Kickoff: Sales and Marketing at Acme Corp');
    expect(a.output()).not.toContain('{{');
    await a.answer('Date of the session', '');
    await a.choose('Facilitator', 'Dana Kim');
    await a.waitFor('Who is here?');
    a.type(KEY.ctrlC);
    expect(await a.exited).toBe(130);

    const b = run(['kickoff']);
    await b.waitFor('1 unfinished workshop saved');
    await b.waitFor('Date of the session');
    b.type(KEY.ctrlC);
    expect(await b.exited).toBe(130);
    expect(readdirSync(join(repo.dir, '.align', 'drafts')).sort()).toEqual(['2026-11-27-exchange.json', '2026-11-27-kickoff.json']);

    const s = run(['--resume']);
    await s.pick('Which workshop do you resume?', /^2026-11-27-exchange /, { from: /^2026-11-27-exchange / }); // the first
    expect(s.output()).toMatch(/Which workshop do you resume\?\n.*2026-11-27-exchange .*\n.*2026-11-27-kickoff/); // both drafts listed
    await s.answer('Who is here?', ''); // date and facilitator are not asked again
    await s.answer('Someone else in the room?', '');
    await s.answer('Note (empty line to finish)', '');
    for (let i = 0; i < 4; i++) await s.answer('Action (empty line to finish)', '');
    await s.answer('Decision (empty line to finish)', '');
    await s.pick('Write it all down?', 'Confirm: write the files and commit them');
    await s.waitFor('committed');
    expect(await s.exited).toBe(0);
    expect(parse(repo.read('sessions/2026-11-27-exchange.yaml')).facilitator).toBe('Dana Kim');
    expect(readdirSync(join(repo.dir, '.align', 'drafts'))).toEqual(['2026-11-27-kickoff.json']);
  });

  it('names a draft it cannot read and skips it: a new workshop starts, and --resume takes the good one', async () => {
    repo = await demoWorkspace();
    repo.write('.align/drafts/2026-11-20-sync.json', '{"version": 1, "id": "2026-11-20-sy');
    repo.write('.align/drafts/2026-11-21-sync.json', JSON.stringify({ version: 1, id: '2026-11-21-sync', template: 'sync', answers: {}, position: { step: 'setup' }, pending: {}, elapsedMs: 0, sectionMs: {}, updated: '2026-11-21T10:00:00Z' }));
    const a = run(['kickoff']);
    await a.waitFor('warning: .align/drafts/2026-11-20-sync.json cannot be resumed (not JSON');
    await a.waitFor('warning: .align/drafts/2026-11-21-sync.json cannot be resumed (not a workshop draft: answers.sections:');
    await a.waitFor('Date of the session');
    a.type(KEY.ctrlC);
    expect(await a.exited).toBe(130);

    const s = run(['--resume']);
    await s.waitFor('cannot be resumed');
    await s.waitFor('Date of the session'); // the kickoff draft, the only good one, resumes
    s.type(KEY.ctrlC);
    expect(await s.exited).toBe(130);
    expect(readdirSync(join(repo.dir, '.align', 'drafts')).sort()).toEqual(['2026-11-20-sync.json', '2026-11-21-sync.json', '2026-11-27-kickoff.json']);
  });
});
