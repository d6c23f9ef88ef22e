import { describe, expect, it } from 'vitest';
import { buildOutcome, validateOutcome, type Outcome } from '../../../src/core/workshop/outcome.js';
import type { Answers } from '../../../src/core/workshop/types.js';
import { commitMessage, outcomePaths } from '../../../src/core/workshop/summary.js';
import { input } from './fixtures.js';

function ok(sections: Parameters<typeof input>[0], answers: Partial<Answers>): Outcome {
  const i = input(sections);
  const r = buildOutcome(i, { sections: {}, ...answers });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  expect(validateOutcome(r.outcome, i)).toEqual([]);
  return r.outcome;
}

function problems(sections: Parameters<typeof input>[0], answers: Partial<Answers>): string[] {
  const r = buildOutcome(input(sections), { sections: {}, ...answers });
  if (r.ok) throw new Error('expected problems');
  return r.problems.map((p) => `${p.path.join('.')}: ${p.message}`);
}

describe('session record', () => {
  it('names the file by date and template, with -2 when taken; keeps planned and used minutes and notes', () => {
    const o = ok([{ id: 'intro', capture: 'notes', minutes: 15 }], { date: '2026-11-01', facilitator: 'Sam Ortiz', sections: { intro: { notes: ['hello'], minutes_used: 17 } } });
    expect(o.sessionPath).toBe('sessions/2026-11-01-test.yaml');
    expect(o.session).toEqual({
      id: '2026-11-01-test', template: 'test', title: 'Test workshop', date: '2026-11-01', facilitator: 'Sam Ortiz',
      sections: [{ id: 'intro', title: 'Section 0', minutes_planned: 15, minutes_used: 17, notes: ['hello'] }],
    });
    expect(outcomePaths(o)).toEqual(['sessions/2026-11-01-test.yaml']);
    const i = input([{ capture: 'notes' }], { sessionFiles: ['sessions/2026-11-27-test.yaml', 'sessions/2026-11-27-test-2.yaml'] });
    const r = buildOutcome(i, { sections: {} });
    expect(r.ok && r.outcome.sessionPath).toBe('sessions/2026-11-27-test-3.yaml');
  });

  it('resolves attendees: members get their team, new names with a team join it in align.yaml, guests stay guests', () => {
    const o = ok([], { attendees: ['Dana Kim', { name: 'Pat Lee', team: 'marketing' }, { name: 'Outside Coach' }] });
    expect(o.session.attendees).toEqual([{ name: 'Dana Kim', team: 'sales' }, { name: 'Pat Lee', team: 'marketing' }, { name: 'Outside Coach' }]);
    expect(o.config?.teams.marketing?.members).toEqual(['Sam Ortiz', 'Pat Lee']);
    expect(o.session.changes).toEqual({ teams: true });
    expect(problems([], { attendees: ['Dana Kim', 'Dana Kim', { name: 'X', team: 'finance' }] })).toEqual(['attendees.1: "Dana Kim" is listed twice', 'attendees.2.team: unknown team "finance"']);
  });
});

describe('capture kinds: answers in, outcome files out', () => {
  it('notes: the section record holds them, nothing else changes', () => {
    const o = ok([{ id: 'n', capture: 'notes' }], { sections: { n: { notes: ['a', 'b'] } } });
    expect(o.session.sections![0]!.notes).toEqual(['a', 'b']);
    expect(o.captured.n).toEqual(['note: a', 'note: b']);
  });

  it('decisions: listed in the session and in the commit message body', () => {
    const o = ok([{ id: 'd', capture: 'decisions' }], { sections: { d: { decisions: ['Meet biweekly', 'Dana chairs'] } } });
    expect(o.session.decisions).toEqual(['Meet biweekly', 'Dana chairs']);
    expect(commitMessage(o)).toBe('workshop: Test workshop (2026-11-27)\n\nDecisions:\n- Meet biweekly\n- Dana chairs\n');
  });

  it('attendees: the confirmed list replaces the opening one', () => {
    const o = ok([{ id: 'w', capture: 'attendees' }], { attendees: ['Dana Kim'], sections: { w: { attendees: ['Sam Ortiz', { name: 'New Rep', team: 'sales' }] } } });
    expect(o.session.attendees).toEqual([{ name: 'Sam Ortiz', team: 'marketing' }, { name: 'New Rep', team: 'sales' }]);
    expect(o.config?.teams.sales?.members).toEqual(['Dana Kim', 'New Rep']);
  });

  it('team-goals: in the session and on the team in align.yaml; unknown teams refused', () => {
    const o = ok([{ id: 't', capture: 'team-goals', lead: 'sales' }], { sections: { t: { teams: { sales: { goals: ['1M bookings'], values: ['speed'] } } } } });
    expect(o.session.team_goals).toEqual({ sales: { goals: ['1M bookings'], values: ['speed'] } });
    expect(o.config?.teams.sales).toEqual({ name: 'Sales', members: ['Dana Kim'], goals: ['1M bookings'], values: ['speed'] });
    expect(problems([{ id: 't', capture: 'team-goals' }], { sections: { t: { teams: { finance: { goals: ['x'] } } } } })).toEqual(['sections.t.teams.finance: unknown team "finance"']);
  });

  it('shared-goals: adds with an id from the title (proposed by default) and edits by id', () => {
    const o = ok([{ id: 'g', capture: 'shared-goals' }], {
      sections: { g: { goals: [{ title: 'Enter mid-market!', target: 30, owners: ['sales', 'marketing'], horizon: 'future' }, { id: 'pipeline', target: 250 }] } },
    });
    expect(o.goals?.goals).toEqual([
      { id: 'pipeline', title: 'Grow pipeline', baseline: 100, target: 250, status: 'on-track' },
      { id: 'old', title: 'Old goal', status: 'done' },
      { id: 'enter-mid-market', title: 'Enter mid-market!', target: 30, owners: ['sales', 'marketing'], horizon: 'future', status: 'proposed' },
    ]);
    expect(o.session.changes).toEqual({ goals: ['enter-mid-market', 'pipeline'] });
    expect(problems([{ id: 'g', capture: 'shared-goals' }], { sections: { g: { goals: [{ id: 'nope' }, { title: 'X', owners: ['finance'] }] } } })).toEqual([
      'sections.g.goals.0: no goal "nope" in goals.yaml to edit, and no title for a new one',
      'sections.g.goals.1.owners.0: unknown team "finance"',
    ]);
  });

  it('goal-progress: appends dated progress and sets the status of active goals only', () => {
    const o = ok([{ id: 'p', capture: 'goal-progress' }], { date: '2026-12-04', sections: { p: { progress: [{ goal: 'pipeline', value: 135, status: 'at-risk', note: 'two deals slipped' }] } } });
    expect(o.goals?.goals[0]).toEqual({ id: 'pipeline', title: 'Grow pipeline', baseline: 100, target: 200, status: 'at-risk', progress: [{ date: '2026-12-04', value: 135, note: 'two deals slipped' }] });
    expect(o.session.progress).toEqual([{ goal: 'pipeline', value: 135, status: 'at-risk', note: 'two deals slipped' }]);
    expect(problems([{ id: 'p', capture: 'goal-progress' }], { sections: { p: { progress: [{ goal: 'old', value: 1 }, { goal: 'ghost' }] } } })).toEqual([
      'sections.p.progress.0.goal: goal "old" is already done or dropped',
      'sections.p.progress.1.goal: no goal "ghost" in goals.yaml',
    ]);
  });

  it('criteria: adds (id from label, section dimension written), replaces by id, removes; grouping kept', () => {
    const when = { at_least: 2, of: [{ field: 'views', op: 'gte', value: 2 }, { field: 'webinar', op: 'eq', value: true }, { field: 'last', op: 'within_last', value: '14d' }] };
    const o = ok([{ id: 'e', capture: 'criteria', dimension: 'engagement' }], {
      sections: { e: { criteria: [{ label: 'Two of three signals', when, points: 10, why: 'intent' }, { id: 'demo', when: { field: 'demo', op: 'eq', value: true }, points: 50 }], remove: ['size'] } },
    });
    expect(o.rubric?.criteria).toEqual([
      { id: 'demo', dimension: 'engagement', when: { field: 'demo', op: 'eq', value: true }, points: 50 },
      { id: 'two-of-three-signals', label: 'Two of three signals', dimension: 'engagement', when, points: 10, why: 'intent' },
    ]);
    expect(o.session.changes).toEqual({ rubric: true });
    expect(o.captured.e).toContain('removed criterion: size');
  });

  it('criteria: a gate needs no points; values are validated for their operator; grouping checked', () => {
    const o = ok([{ id: 'f', capture: 'criteria', dimension: 'fit' }], { sections: { f: { criteria: [{ id: 'rival', when: { field: 'domain', op: 'in', value: ['rival.com'] }, disqualify: true }] } } });
    expect(o.rubric?.criteria.at(-1)).toEqual({ id: 'rival', dimension: 'fit', when: { field: 'domain', op: 'in', value: ['rival.com'] }, disqualify: true });
    expect(
      problems([{ id: 'f', capture: 'criteria', dimension: 'fit' }], {
        sections: { f: { criteria: [{ id: 'x', dimension: 'engagement', when: { at_least: 3, of: [{ field: 'a', op: 'between', value: [9, 1] }] }, points: 1 }], remove: ['ghost'] } },
      }),
    ).toEqual([
      'sections.f.remove.0: no criterion "ghost" in rubric.yaml',
      'sections.f.criteria.0.dimension: this section is about fit criteria, not engagement',
      'sections.f.criteria.0.when.of.0.value: `between` bounds are reversed: 9 is above 1',
      'sections.f.criteria.0.when.at_least: at_least 3 of only 1 conditions can never hold',
    ]);
  });

  it('stages: replace the thresholds with require; sign-off merged; order checked', () => {
    const o = ok([{ id: 't', capture: 'stages' }], { sections: { t: { stages: [{ id: 'mql', min: 35 }, { id: 'sql', label: 'Sales-ready', min: 65, require: { fit: 30 } }], approved_by: { sales: 'Dana Kim' } } } });
    expect(o.rubric?.stages).toEqual([{ id: 'mql', min: 35 }, { id: 'sql', label: 'Sales-ready', min: 65, require: { fit: 30 } }]);
    expect(o.rubric?.approved_by).toEqual({ sales: 'Dana Kim' });
    expect(problems([{ id: 't', capture: 'stages' }], { sections: { t: { stages: [{ id: 'a', min: 50 }, { id: 'b', min: 40 }], approved_by: { legal: 'X' } } } })).toEqual([
      'sections.t.stages.1.min: stage "b" has min 40, not above "a" (50)',
      'sections.t.approved_by.legal: unknown team "legal"',
    ]);
  });

  it('sla: merged over the rubric\'s SLA', () => {
    const o = ok([{ id: 's', capture: 'sla' }], { sections: { s: { follow_up_hours: 8, decision_days: 2, rejection_reasons: ['no-budget'] } } });
    expect(o.rubric?.sla).toEqual({ follow_up_hours: 8, decision_days: 2, recycle_to: 'nurture', rejection_reasons: ['no-budget'] });
    expect(o.captured.s).toEqual(['sla: follow up within 8 hours', 'sla: accept or reject within 2 days', 'sla: rejection reasons: no-budget']);
  });

  it('actions: ids a1, a2…, team from the owner, status open; unknown owners and teams refused', () => {
    const o = ok([{ id: 'a', capture: 'actions' }, { id: 'b', capture: 'actions' }], {
      attendees: [{ name: 'Guest Person' }],
      sections: { a: { actions: [{ title: 'Call', owner: 'Dana Kim', due: '2026-12-01' }] }, b: { actions: [{ title: 'Write', owner: 'Guest Person', team: 'marketing', status: 'done' }] } },
    });
    expect(o.session.actions).toEqual([
      { id: 'a1', title: 'Call', owner: 'Dana Kim', team: 'sales', due: '2026-12-01', status: 'open' },
      { id: 'a2', title: 'Write', owner: 'Guest Person', team: 'marketing', status: 'done' },
    ]);
    expect(problems([{ id: 'a', capture: 'actions' }], { sections: { a: { actions: [{ title: 'X', owner: 'Nobody', team: 'finance' }] } } })).toEqual([
      'sections.a.actions.0.owner: owner "Nobody" is not a member, an attendee or the facilitator',
      'sections.a.actions.0.team: unknown team "finance"',
    ]);
  });

  it('action-review: only actions still open (not closed by a later review) can be reviewed', () => {
    const o = ok([{ id: 'r', capture: 'action-review' }], { sections: { r: { reviews: [{ action: 'a1', status: 'done', note: 'sent' }] } } });
    expect(o.session.action_reviews).toEqual([{ session: '2026-11-01-kickoff', action: 'a1', status: 'done', note: 'sent' }]);
    expect(problems([{ id: 'r', capture: 'action-review' }], { sections: { r: { reviews: [{ action: 'a2', status: 'done' }, { action: 'a3', status: 'done' }] } } })).toEqual([
      'sections.r.reviews.0.action: no open action "a2"',
      'sections.r.reviews.1.action: no open action "a3"',
    ]);
  });
});
