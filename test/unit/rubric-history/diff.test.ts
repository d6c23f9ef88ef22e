import { describe, expect, it } from 'vitest';
import { diffRubrics, type RubricChange } from '../../../src/core/rubric/diff/diff.js';
import { changeText, summarize } from '../../../src/core/rubric/diff/text.js';
import { describeCondition } from '../../../src/core/rubric/condition-text.js';
import type { Condition } from '../../../src/core/schemas/condition.js';
import type { Rubric } from '../../../src/core/schemas/rubric.js';
import { BASE, variant } from './fixtures.js';

const cases: { name: string; edit: (r: Rubric) => void; changes: RubricChange[] }[] = [
  { name: 'nothing', edit: () => {}, changes: [] },
  { name: 'reordered criteria are no change (matched by id)', edit: (r) => r.criteria.reverse(), changes: [] },
  { name: 'an explicit default dimension is no change', edit: (r) => (r.criteria[3]!.dimension = 'fit'), changes: [] },
  { name: 'key order inside a condition is no change', edit: (r) => (r.criteria[0]!.when = { value: 200, op: 'gte', field: 'employees' } as Condition), changes: [] },
  {
    name: 'points',
    edit: (r) => (r.criteria[0]!.points = 20),
    changes: [{ section: 'criterion', kind: 'changed', id: 'company-size', field: 'points', before: 15, after: 20 }],
  },
  {
    name: 'condition, dimension, why and label of one criterion',
    edit: (r) => {
      const c = r.criteria[0]!;
      c.when = { field: 'employees', op: 'gte', value: 500 };
      c.dimension = 'engagement';
      c.why = 'bigger deals';
      delete c.label;
    },
    changes: [
      { section: 'criterion', kind: 'changed', id: 'company-size', field: 'label', before: '200+ employees', after: undefined },
      { section: 'criterion', kind: 'changed', id: 'company-size', field: 'when', before: { field: 'employees', op: 'gte', value: 200 }, after: { field: 'employees', op: 'gte', value: 500 } },
      { section: 'criterion', kind: 'changed', id: 'company-size', field: 'dimension', before: 'fit', after: 'engagement' },
      { section: 'criterion', kind: 'changed', id: 'company-size', field: 'why', before: 'big deals', after: 'bigger deals' },
    ],
  },
  {
    name: 'a criterion becomes a gate',
    edit: (r) => (r.criteria[2]!.disqualify = true),
    changes: [{ section: 'criterion', kind: 'changed', id: 'demo-request', field: 'gate', before: false, after: true }],
  },
  {
    name: 'criterion added and removed',
    edit: (r) => {
      r.criteria = r.criteria.filter((c) => c.id !== 'demo-request');
      r.criteria.push({ id: 'webinar', dimension: 'engagement', when: { field: 'webinar', op: 'eq', value: true }, points: 10 });
    },
    changes: [
      { section: 'criterion', kind: 'removed', id: 'demo-request', before: BASE.criteria[2] },
      { section: 'criterion', kind: 'added', id: 'webinar', after: { id: 'webinar', dimension: 'engagement', when: { field: 'webinar', op: 'eq', value: true }, points: 10 } },
    ],
  },
  {
    name: 'stage min, require and label; a stage added',
    edit: (r) => {
      r.stages[1]!.min = 75;
      r.stages[1]!.require = { fit: 35, engagement: 10 };
      r.stages[0]!.label = 'MQL';
      r.stages.push({ id: 'hot', min: 90 });
    },
    changes: [
      { section: 'stage', kind: 'changed', id: 'mql', field: 'label', before: 'Marketing-qualified', after: 'MQL' },
      { section: 'stage', kind: 'changed', id: 'sql', field: 'min', before: 70, after: 75 },
      { section: 'stage', kind: 'changed', id: 'sql', field: 'require.fit', before: 30, after: 35 },
      { section: 'stage', kind: 'changed', id: 'sql', field: 'require.engagement', before: undefined, after: 10 },
      { section: 'stage', kind: 'added', id: 'hot', after: { id: 'hot', min: 90 } },
    ],
  },
  {
    name: 'stages reordered: each field, then the order; in the new order',
    edit: (r) => {
      r.stages = [{ id: 'sql', min: 40 }, { id: 'mql', min: 70 }];
    },
    changes: [
      { section: 'stage', kind: 'changed', id: 'sql', field: 'label', before: 'Sales-ready', after: undefined },
      { section: 'stage', kind: 'changed', id: 'sql', field: 'min', before: 70, after: 40 },
      { section: 'stage', kind: 'changed', id: 'sql', field: 'require.fit', before: 30, after: undefined },
      { section: 'stage', kind: 'changed', id: 'mql', field: 'label', before: 'Marketing-qualified', after: undefined },
      { section: 'stage', kind: 'changed', id: 'mql', field: 'min', before: 40, after: 70 },
      { section: 'stage', kind: 'reordered', before: ['mql', 'sql'], after: ['sql', 'mql'] },
    ],
  },
  {
    name: 'caps, SLA, sign-off and name',
    edit: (r) => {
      r.name = 'Sales-ready lead v2';
      r.dimensions = { fit: { max: 50 } };
      r.sla = { follow_up_hours: 12, decision_days: 3, rejection_reasons: ['no-budget'], recycle_to: 'nurture' };
      r.approved_by = { sales: 'Lee Park' };
    },
    changes: [
      { section: 'rubric', kind: 'changed', id: 'name', before: 'Sales-ready lead', after: 'Sales-ready lead v2' },
      { section: 'cap', kind: 'changed', id: 'fit', field: 'max', before: 60, after: 50 },
      { section: 'cap', kind: 'changed', id: 'engagement', field: 'max', before: 80, after: undefined },
      { section: 'sla', kind: 'changed', id: 'follow_up_hours', before: 24, after: 12 },
      { section: 'sla', kind: 'changed', id: 'rejection_reasons', before: ['no-budget', 'not-now'], after: ['no-budget'] },
      { section: 'sla', kind: 'added', id: 'recycle_to', before: undefined, after: 'nurture' },
      { section: 'sign-off', kind: 'changed', id: 'sales', before: 'Dana Kim', after: 'Lee Park' },
      { section: 'sign-off', kind: 'removed', id: 'marketing', before: 'Sam Ortiz' },
    ],
  },
  {
    name: 'golden tests matched by name',
    edit: (r) => {
      r.tests![0]!.expect = 'mql';
      r.tests!.push({ lead: { employees: 1 }, expect: 'unqualified' });
    },
    changes: [
      { section: 'test', kind: 'changed', id: 'vp demo', field: 'expect', before: 'sql', after: 'mql' },
      { section: 'test', kind: 'added', id: '{"employees":1}', after: { lead: { employees: 1 }, expect: 'unqualified', id: '{"employees":1}' } },
    ],
  },
];

describe('diffRubrics', () => {
  it.each(cases)('$name', ({ edit, changes }) => {
    expect(diffRubrics(BASE, variant(edit))).toEqual(changes);
  });

  it('is symmetric: b→a swaps added/removed and before/after', () => {
    const b = variant((r) => (r.criteria[0]!.points = 20));
    expect(diffRubrics(b, BASE)).toEqual([{ section: 'criterion', kind: 'changed', id: 'company-size', field: 'points', before: 20, after: 15 }]);
  });
});

describe('changeText and summarize', () => {
  const textCases: [RubricChange, { what: string; before: string; after: string }][] = [
    [{ section: 'criterion', kind: 'changed', id: 'x', field: 'points', before: 15, after: 20 }, { what: 'criterion x: points', before: '15', after: '20' }],
    [{ section: 'criterion', kind: 'changed', id: 'x', field: 'gate', before: false, after: true }, { what: 'criterion x: gate', before: 'no', after: 'disqualifies' }],
    [{ section: 'criterion', kind: 'added', id: 'c', after: BASE.criteria[0] }, { what: 'criterion c added', before: '—', after: 'employees ≥ 200 → 15 fit' }],
    [{ section: 'criterion', kind: 'removed', id: 'g', before: BASE.criteria[3] }, { what: 'criterion g removed', before: 'email_domain in [rival.com] → disqualifies', after: '—' }],
    [{ section: 'stage', kind: 'added', id: 's', after: { id: 's', min: 70, require: { fit: 30 } } }, { what: 'stage s added', before: '—', after: 'min 70, fit ≥ 30' }],
    [{ section: 'stage', kind: 'reordered', before: ['a', 'b'], after: ['b', 'a'] }, { what: 'stage order', before: 'a < b', after: 'b < a' }],
    [{ section: 'cap', kind: 'changed', id: 'fit', field: 'max', before: undefined, after: 60 }, { what: 'fit cap: max', before: '—', after: '60' }],
    [{ section: 'sla', kind: 'changed', id: 'rejection_reasons', before: ['a', 'b'], after: ['a'] }, { what: 'SLA rejection_reasons', before: '[a, b]', after: '[a]' }],
    [{ section: 'sign-off', kind: 'added', id: 'sales', after: 'Dana Kim' }, { what: 'sign-off sales added', before: '—', after: 'Dana Kim' }],
  ];
  it.each(textCases)('%#: %j', (change, text) => expect(changeText(change)).toEqual(text));

  it('summarizes a version in one line, at most four parts', () => {
    const changes = diffRubrics(BASE, variant((r) => {
      r.criteria[0]!.points = 20;
      r.stages[1]!.min = 75;
      r.criteria.push({ id: 'webinar', when: { field: 'webinar', op: 'eq', value: true }, points: 10 });
      r.approved_by = {};
      r.sla = {};
    }));
    expect(summarize(changes)).toBe('criterion company-size points 15→20; +criterion webinar; stage sql min 70→75; -SLA follow_up_hours; +4 more');
    expect(summarize([])).toBe('no semantic change');
  });
});

describe('describeCondition', () => {
  const conditions: [Condition, string][] = [
    [{ field: 'employees', op: 'gte', value: 200 }, 'employees ≥ 200'],
    [{ field: 'employees', op: 'lt', value: 5 }, 'employees < 5'],
    [{ field: 'country', op: 'neq', value: 'US' }, 'country ≠ US'],
    [{ field: 'country', op: 'not_in', value: ['US', 'CA'] }, 'country not in [US, CA]'],
    [{ field: 'title', op: 'matches', value: '\\bvp\\b' }, 'title matches /\\bvp\\b/'],
    [{ field: 'job title', op: 'contains', value: 'head of' }, '"job title" contains "head of"'],
    [{ field: 'flag', op: 'eq', value: 'true' }, 'flag = "true"'],
    [{ field: 'phone', op: 'is_unknown' }, 'phone is unknown'],
    [{ field: 'seen', op: 'within_last', value: '14d' }, 'seen within last 14d'],
    [{ field: 'n', op: 'between', value: [10, 50] }, 'n between 10 and 50'],
    [{ all: [{ field: 'a', op: 'eq', value: 1 }, { any: [{ field: 'b', op: 'is_known' }, { not: { field: 'c', op: 'eq', value: 'x' } }] }] }, 'a = 1 and (b is known or (not c = x))'],
    [{ at_least: 2, of: [{ field: 'a', op: 'gte', value: 2 }, { field: 'b', op: 'eq', value: true }, { field: 'c', op: 'within_last', value: '3m' }] }, '2 of: a ≥ 2; b = true; c within last 3m'],
  ];
  it.each(conditions)('%#: %s', (c, text) => expect(describeCondition(c)).toBe(text));
});
