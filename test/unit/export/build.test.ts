import { describe, expect, it } from 'vitest';
import { buildExport, type ExportInput } from '../../../src/core/export/build.js';
import { exportMarkdown } from '../../../src/core/export/markdown.js';
import type { LogEntry } from '../../../src/core/rubric/history/log.js';
import type { Rubric } from '../../../src/core/schemas/rubric.js';
import type { Session } from '../../../src/core/schemas/session.js';

const config = {
  organization: 'Acme Corp',
  teams: { sales: { name: 'Sales', members: ['Dana Kim'] }, marketing: { name: 'Marketing', members: ['Sam Ortiz'] } },
};

const sessions: Session[] = [
  {
    id: 's1', template: 'kickoff', date: '2026-10-01',
    attendees: [{ name: 'Sam Ortiz', team: 'marketing' }, { name: 'Dana Kim', team: 'sales' }, { name: 'Guest' }],
    decisions: ['d1'],
    actions: [
      { id: 'a1', title: 'overdue one', owner: 'Dana Kim', due: '2026-10-10' },
      { id: 'a2', title: 'closed by review', owner: 'Dana Kim', due: '2026-10-05' },
      { id: 'a3', title: 'no owner', due: '2026-12-01' },
      { id: 'a4', title: 'done at once', owner: 'Sam Ortiz', status: 'done' },
    ],
  },
  {
    id: 's2', template: 'sync', date: '2026-11-01',
    decisions: ['d2'],
    action_reviews: [{ session: 's1', action: 'a2', status: 'dropped' }],
    actions: [{ id: 'a1', title: 'due today', owner: 'Sam Ortiz', due: '2026-11-20' }, { id: 'a2', title: 'undated', owner: 'Dana Kim' }],
  },
];

const rubric: Rubric = {
  stages: [{ id: 'mql', min: 10 }, { id: 'sql', label: 'Sales-ready', min: 30, require: { fit: 10 } }],
  criteria: [
    { id: 'size', label: '200+ employees', when: { field: 'employees', op: 'gte', value: 200 }, points: 15 },
    { id: 'demo', dimension: 'engagement', when: { field: 'demo', op: 'eq', value: true }, points: 20 },
    { id: 'rival', when: { field: 'domain', op: 'in', value: ['rival.com'] }, disqualify: true },
  ],
  dimensions: { fit: { max: 40 } },
  sla: { follow_up_hours: 1, decision_days: 3 },
  approved_by: { marketing: 'Sam Ortiz', sales: 'Dana Kim' },
  tests: [{ name: 'big', lead: { employees: 500, demo: true }, expect: 'sql' }, { name: 'wrong', lead: { employees: 1 }, expect: 'sql' }],
};

const entry = (commit: string, date: string, status: LogEntry['status']): LogEntry => ({ commit, date, author: 'A', subject: `s ${commit}`, status, changes: [], summary: status, signedOffBy: null });

const input: ExportInput = {
  config,
  goals: [
    { id: 'g1', title: 'Pipeline', baseline: 100, target: 200, progress: [{ date: '2026-11-01', value: 175 }, { date: '2026-10-01', value: 120 }], owners: ['sales', 'board'] },
    { id: 'g2', title: 'No numbers' },
  ],
  rubric,
  sessions,
  history: [entry('c1', '2026-09-01T10:00:00+02:00', 'created'), entry('c2', '2026-10-15T10:00:00Z', 'changed'), entry('c3', '2026-11-05T10:00:00Z', 'unchanged')],
  today: '2026-11-20',
};

describe('buildExport', () => {
  const doc = buildExport(input);

  it('takes the latest progress by date and measures it from baseline to target', () => {
    expect(doc.goals[0]).toMatchObject({ latest: { date: '2026-11-01', value: 175 }, progressPercent: 75, owners: ['Sales', 'board'] });
    expect(doc.goals[1]).toMatchObject({ latest: null, progressPercent: null, owners: [] });
  });

  it('groups open actions by owner (no owner last), by due date, marks overdue against today', () => {
    const shape = doc.openActions.map((g) => [g.owner, g.actions.map((a) => `${a.session}/${a.id}:${a.overdue ? `late ${a.daysOverdue}` : a.daysOverdue}`)]);
    expect(shape).toEqual([
      ['Dana Kim', ['s1/a1:late 41', 's2/a2:null']],
      ['Sam Ortiz', ['s2/a1:0']],
      ['(no owner)', ['s1/a3:-11']],
    ]);
  });

  it('lists sessions newest first, attendees by team in align.yaml order, closed actions with how they closed', () => {
    expect(doc.sessions.map((s) => s.id)).toEqual(['s2', 's1']);
    const s1 = doc.sessions[1]!;
    expect(s1.attendees).toEqual([
      { team: 'sales', teamName: 'Sales', names: ['Dana Kim'], people: [{ name: 'Dana Kim', role: null }] },
      { team: 'marketing', teamName: 'Marketing', names: ['Sam Ortiz'], people: [{ name: 'Sam Ortiz', role: null }] },
      { team: null, teamName: 'Other', names: ['Guest'], people: [{ name: 'Guest', role: null }] },
    ]);
    expect(s1.closedActions.map((a) => `${a.id}:${a.status}`)).toEqual(['a2:dropped', 'a4:done']);
    expect(s1.openActions).toBe(2);
  });

  it('describes the rubric: sign-off sales first, golden leads run on today', () => {
    const d = doc.leadDefinition!;
    expect(d.signOff.map((s) => s.team)).toEqual(['sales', 'marketing']);
    expect(d.missingSignOff).toEqual([]);
    expect(d.golden).toEqual({ total: 2, passed: 1, failed: ['wrong'], asOf: '2026-11-20' });
    expect(d.dimensions.map((x) => [x.id, x.cap, x.criteria.map((c) => c.condition)])).toEqual([
      ['fit', 40, ['Employees is at least 200']],
      ['engagement', null, ['Demo is yes']],
    ]);
    expect(d.gates.map((g) => g.condition)).toEqual(['Domain is rival.com']);
    expect(d.sla).toEqual(['Sales contacts a sales-ready lead within 1 hour.', 'Sales accepts or rejects it within 3 days.']);
  });

  it('puts the changelog newest first', () => {
    expect(doc.changelog!.map((e) => e.commit)).toEqual(['c3', 'c2', 'c1']);
  });

  it('filters sessions and rubric versions by period, never goals, the rubric or open actions', () => {
    const f = buildExport(input, { since: '2026-10-02', until: '2026-11-01' });
    expect(f.period.label).toBe('2026-10-02 to 2026-11-01');
    expect(f.sessions.map((s) => s.id)).toEqual(['s2']);
    expect(f.changelog!.map((e) => e.commit)).toEqual(['c2']);
    expect(f.openActions).toEqual(doc.openActions);
    expect(f.goals).toEqual(doc.goals);
    expect(buildExport(input, { template: 'kickoff' }).sessions.map((s) => s.id)).toEqual(['s1']);
    expect(buildExport(input, { sessions: ['s2', 's1'] }).filters.sessions).toEqual(['s1', 's2']);
  });

  it.each([
    [{}, '2026-10-01 to 2026-11-01'],
    [{ since: '2026-10-15' }, '2026-10-15 to 2026-11-20'],
    [{ until: '2026-10-15' }, 'up to 2026-10-15'],
    [{ template: 'future' }, 'as of 2026-11-20'],
    [{ sessions: ['s1'] }, '2026-10-01'],
  ])('period label for %j is %s', (opts, label) => {
    expect(buildExport(input, opts).period.label).toBe(label);
  });

  it('gives the same document whatever order the sessions were read in', () => {
    const reversed = buildExport({ ...input, sessions: [...sessions].reverse() });
    expect(exportMarkdown(reversed)).toBe(exportMarkdown(doc));
  });

  it('says when there is no git history, no rubric, no goals and no sessions', () => {
    const empty = exportMarkdown(buildExport({ ...input, goals: [], rubric: null, sessions: [], history: null }));
    expect(empty).toContain('No shared goals yet');
    expect(empty).toContain('There is no rubric.yaml yet');
    expect(empty).toContain('No open actions.');
    expect(empty).toContain('No sessions in this period.');
    expect(empty).toContain('not in a git repository');
  });

  it('renders a very long history (more lines than a function call takes arguments)', () => {
    const many: Session[] = Array.from({ length: 20_000 }, (_, i) => ({ id: `s${i}`, template: 'sync', date: '2026-01-01', decisions: [`decision ${i}`], attendees: [{ name: 'Dana Kim', team: 'sales' }] }));
    const text = exportMarkdown(buildExport({ ...input, sessions: many }));
    expect(text.split('\n').length).toBeGreaterThan(150_000);
    expect(text).toContain('- decision 19999\n');
  });
});
