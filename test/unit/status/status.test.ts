import { describe, expect, it } from 'vitest';
import { buildStatus, type StatusInput } from '../../../src/core/status/status.js';

const base: StatusInput = {
  config: { organization: 'Acme', teams: { sales: { name: 'Sales', members: [] } } },
  goals: [],
  rubric: null,
  sessions: [],
  today: '2026-11-20',
  soonDays: 7,
};

const withActions = (...dues: (string | undefined)[]): StatusInput => ({
  ...base,
  sessions: [{ id: 's', template: 'sync', date: '2026-11-01', actions: dues.map((due, i) => ({ id: `a${i}`, title: `t${i}`, ...(due ? { due } : {}) })) }],
});

describe('buildStatus', () => {
  it('splits open actions into overdue (before today) and due soon (today up to N days ahead)', () => {
    const s = buildStatus(withActions('2026-11-19', '2026-11-20', '2026-11-27', '2026-11-28', undefined, '2026-10-01'));
    expect(s.overdue.map((a) => [a.id, a.days])).toEqual([['a5', 50], ['a0', 1]]);
    expect(s.dueSoon.map((a) => [a.id, a.days])).toEqual([['a1', 0], ['a2', 7]]);
    expect(s.openActions).toBe(6);
  });

  it('counts days since the newest session on or before today', () => {
    const s = buildStatus({
      ...base,
      sessions: [
        { id: 'b', template: 'sync', date: '2026-11-06' },
        { id: 'a', template: 'kickoff', date: '2026-10-01' },
        { id: 'planned', template: 'sync', date: '2026-12-01' },
      ],
    });
    expect(s.lastSession).toEqual({ id: 'b', date: '2026-11-06', template: 'sync', daysAgo: 14 });
  });

  it('flags goals at risk, off track, or past due and not done', () => {
    const s = buildStatus({
      ...base,
      goals: [
        { id: 'ok', title: 'ok', status: 'on-track', due: '2027-01-01' },
        { id: 'risk', title: 'risk', status: 'at-risk' },
        { id: 'off', title: 'off', status: 'off-track' },
        { id: 'late', title: 'late', status: 'on-track', due: '2026-11-01' },
        { id: 'done', title: 'done', status: 'done', due: '2026-11-01' },
      ],
    });
    expect(s.goalsNeedingAttention.map((g) => [g.id, g.overdue])).toEqual([['risk', false], ['off', false], ['late', true]]);
  });

  it('is ready only when sales and marketing signed off and every golden lead passes', () => {
    const rubric = {
      stages: [{ id: 'mql', min: 10 }],
      criteria: [{ id: 'c', when: { field: 'x', op: 'eq' as const, value: 1 }, points: 10 }],
      approved_by: { sales: 'Dana', marketing: 'Sam' },
      tests: [{ lead: { x: 1 }, expect: 'mql' }],
    };
    expect(buildStatus({ ...base, rubric }).rubric).toMatchObject({ signedOffByBoth: true, ready: true, golden: { total: 1, passed: 1 } });
    expect(buildStatus({ ...base, rubric: { ...rubric, approved_by: { sales: 'Dana', ops: 'Kim' } } }).rubric).toMatchObject({ signOff: { sales: 'Dana', marketing: null }, signedOffByBoth: false, ready: false });
    expect(buildStatus({ ...base, rubric: { ...rubric, tests: [{ lead: { x: 2 }, expect: 'mql' }] } }).rubric).toMatchObject({ ready: false, golden: { failed: ['test 1'] } });
    expect(buildStatus({ ...base, rubric: { ...rubric, tests: [] } }).rubric!.ready).toBe(false);
  });
});
