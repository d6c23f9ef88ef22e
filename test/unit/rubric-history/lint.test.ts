import { describe, expect, it } from 'vitest';
import { neverHolds } from '../../../src/core/rubric/lint/never.js';
import { lintRubric } from '../../../src/core/rubric/lint/lint.js';
import { loadRubricForLint } from '../../../src/core/rubric/lint/load.js';
import type { Condition } from '../../../src/core/schemas/condition.js';
import { BASE, variant } from './fixtures.js';

const n = (field: string, op: string, value?: unknown) => ({ field, op, ...(value === undefined ? {} : { value }) }) as Condition;

describe('neverHolds', () => {
  const cases: [string, Condition, { path: (string | number)[]; reason: string } | undefined][] = [
    ['a plain leaf can hold', n('employees', 'gte', 200), undefined],
    ['a reversed between', n('employees', 'between', [50, 10]), { path: ['when', 'value'], reason: '`between` 50 and 10 is an empty range (the bounds are reversed)' }],
    ['an empty numeric range in all', { all: [n('e', 'gt', 10), n('e', 'lt', 5)] }, { path: ['when'], reason: 'e > 10 and e < 5 leave no possible value' }],
    ['touching bounds, one open', { all: [n('e', 'gt', 10), n('e', 'lte', 10)] }, { path: ['when'], reason: 'e > 10 and e ≤ 10 leave no possible value' }],
    ['touching closed bounds can hold', { all: [n('e', 'gte', 10), n('e', 'lte', 10)] }, undefined],
    ['eq outside a between', { all: [n('e', 'eq', 3), n('e', 'between', [5, 9])] }, { path: ['when'], reason: 'e = 3 and e between 5 and 9 leave no possible value' }],
    ['dates: after a later date than before', { all: [n('d', 'after', '2026-06-01'), n('d', 'before', '2026-01-01')] }, { path: ['when'], reason: 'd after 2026-06-01 and d before 2026-01-01 leave no possible value' }],
    ['eq A and eq B', { all: [n('country', 'eq', 'US'), n('country', 'eq', 'CA')] }, { path: ['when'], reason: 'country = US and country = CA cannot both hold' }],
    ['eq ignores case like scoring does', { all: [n('country', 'eq', 'US'), n('country', 'eq', ' us ')] }, undefined],
    ['eq not in the list', { all: [n('c', 'in', ['US', 'CA']), n('c', 'eq', 'GB')] }, { path: ['when'], reason: 'c in [US, CA] and c = GB cannot both hold' }],
    ['in minus not_in is empty', { all: [n('c', 'in', ['US']), n('c', 'not_in', ['us'])] }, { path: ['when'], reason: 'c in [US] and c not in [us] cannot both hold' }],
    ['eq and neq of the same value', { all: [n('b', 'eq', true), n('b', 'neq', true)] }, { path: ['when'], reason: 'b = true and b ≠ true cannot both hold' }],
    ['is_unknown and a comparison', { all: [n('p', 'is_unknown'), n('p', 'neq', 'x')] }, { path: ['when'], reason: 'p is unknown and p ≠ x cannot both hold: a comparison on an unknown value is false' }],
    ['different fields never conflict', { all: [n('a', 'eq', 1), n('b', 'eq', 2)] }, undefined],
    ['nested all is flattened', { all: [n('e', 'gt', 10), { all: [n('e', 'lt', 5)] }] }, { path: ['when'], reason: 'e > 10 and e < 5 leave no possible value' }],
    ['any holds if one branch can', { any: [n('e', 'between', [9, 1]), n('e', 'eq', 1)] }, undefined],
    ['any of impossible branches', { any: [n('e', 'between', [9, 1]), { all: [n('c', 'eq', 'a'), n('c', 'eq', 'b')] }] }, { path: ['when'], reason: 'no alternative can hold: `between` 9 and 1 is an empty range (the bounds are reversed); c = a and c = b cannot both hold' }],
    ['at_least above the count', { at_least: 3, of: [n('a', 'eq', 1), n('b', 'eq', 1)] }, { path: ['when', 'at_least'], reason: 'at_least 3 of only 2 conditions' }],
    ['at_least above what can hold', { at_least: 2, of: [n('a', 'eq', 1), n('b', 'between', [5, 1])] }, { path: ['when'], reason: 'at_least 2 needed but only 1 of the conditions can hold' }],
    ['not is never proven impossible', { not: n('a', 'is_known') }, undefined],
  ];
  it.each(cases)('%s', (_name, c, expected) => expect(neverHolds(c, ['when'])).toEqual(expected));
});

describe('lintRubric', () => {
  it('finds nothing wrong with a sound rubric', () => expect(lintRubric(BASE)).toEqual([]));

  it('a stage whose min is above the best capped score', () => {
    const r = variant((x) => x.stages.push({ id: 'top', min: 80 }));
    // fit: 15 + 20 = 35 (cap 60), engagement: 40 (cap 80): best 75
    expect(lintRubric(r)).toEqual([
      { rule: 'unreachable-stage', severity: 'error', path: ['stages', 2, 'min'], message: 'no lead can reach stage "top": it needs 80 points but the best possible score is 75 (fit 35, engagement 40)', hint: 'lower the min, raise a cap, or add criteria that give points' },
    ]);
  });

  it('caps count: points above a cap do not help', () => {
    const r = variant((x) => {
      x.dimensions = { fit: { max: 20 } };
      x.stages[1]!.min = 61;
    });
    expect(lintRubric(r).map((f) => f.message)).toEqual([
      'no lead can reach stage "sql": it needs 61 points but the best possible score is 60 (fit 20 (capped from 35), engagement 40)',
      'no lead can reach stage "sql": it requires 30 fit points but fit is capped at 20',
    ]);
  });

  it('a require above a cap, and above what a dimension can give', () => {
    const r = variant((x) => {
      x.stages[1]!.require = { fit: 61, engagement: 45 };
    });
    expect(lintRubric(r).map((f) => [f.path, f.message])).toEqual([
      [['stages', 1, 'require', 'fit'], 'no lead can reach stage "sql": it requires 61 fit points but fit is capped at 60'],
      [['stages', 1, 'require', 'engagement'], 'no lead can reach stage "sql": it requires 45 engagement points but engagement criteria give at most 40'],
    ]);
  });

  it('a criterion that can never fire gives no points toward the best score', () => {
    const r = variant((x) => {
      x.criteria[2]!.when = { all: [n('demo', 'eq', true), n('demo', 'eq', false)] };
    });
    expect(lintRubric(r).map((f) => [f.rule, f.path])).toEqual([
      ['never-fires', ['criteria', 2, 'when']],
      // without demo-request the best is fit 35 + engagement 0: below mql's 40 and sql's 70
      ['unreachable-stage', ['stages', 0, 'min']],
      ['unreachable-stage', ['stages', 1, 'min']],
    ]);
  });

  it('duplicate conditions: a warning in all/any, an error in at_least, a warning across criteria', () => {
    const r = variant((x) => {
      x.criteria[0]!.when = { any: [n('e', 'gte', 200), n('e', 'gte', 200)] };
      x.criteria[2]!.when = { at_least: 2, of: [n('d', 'eq', true), n('w', 'eq', true), n('d', 'eq', true)] };
      x.criteria.push({ id: 'again', dimension: 'engagement', when: { at_least: 2, of: [n('d', 'eq', true), n('w', 'eq', true), n('d', 'eq', true)] }, points: 1 });
    });
    expect(lintRubric(r).map((f) => [f.rule, f.severity, f.path, f.message])).toEqual([
      ['duplicate-condition', 'warning', ['criteria', 0, 'when', 'any', 1], 'criterion "company-size" has the same condition twice in one `any` group (items 1 and 2)'],
      ['duplicate-condition', 'error', ['criteria', 2, 'when', 'of', 2], 'criterion "demo-request" has the same condition twice in one `at_least` group (items 1 and 3): it counts twice toward at_least'],
      ['duplicate-condition', 'error', ['criteria', 4, 'when', 'of', 2], 'criterion "again" has the same condition twice in one `at_least` group (items 1 and 3): it counts twice toward at_least'],
      ['duplicate-condition', 'warning', ['criteria', 4, 'when'], 'criterion "again" has the same condition as "demo-request": a lead that meets one gets both'],
    ]);
  });
});

describe('loadRubricForLint: findings at line:column', () => {
  const yaml = (criteria: string, stages = '  - { id: mql, min: 1 }') => `stages:\n${stages}\ncriteria:\n${criteria}\n  - id: ok\n    when: { field: z, op: is_known }\n    points: 50\n`;
  const enc = (s: string) => new TextEncoder().encode(s);
  const cases: [string, string, { rule: string; severity: string; line: number; col: number }[]][] = [
    ['a regular expression that does not compile', yaml('  - id: t\n    when: { field: title, op: matches, value: "(vp" }\n    points: 10'), [{ rule: 'bad-regex', severity: 'error', line: 5, col: 47 }]],
    ['a regular expression that can take exponential time', yaml('  - id: t\n    when: { field: title, op: matches, value: "^(a|a)*$" }\n    points: 10'), [{ rule: 'bad-regex', severity: 'error', line: 5, col: 47 }]],
    ['reversed between bounds', yaml('  - id: t\n    when: { field: n, op: between, value: [9, 1] }\n    points: 10'), [{ rule: 'never-fires', severity: 'error', line: 5, col: 43 }]],
    ['at_least above the count', yaml('  - id: t\n    when:\n      at_least: 3\n      of:\n        - { field: a, op: is_known }\n    points: 10'), [{ rule: 'never-fires', severity: 'error', line: 6, col: 17 }]],
    ['an unreachable stage', yaml('  - id: t\n    when: { field: a, op: is_known }\n    points: 5', '  - { id: mql, min: 100 }'), [{ rule: 'unreachable-stage', severity: 'error', line: 2, col: 21 }]],
  ];
  it.each(cases)('%s', (_name, text, expected) => {
    const r = loadRubricForLint('rubric.yaml', enc(text));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.findings.map(({ rule, severity, line, col }) => ({ rule, severity, line, col }))).toEqual(expected);
  });

  it('a bad regular expression message names the criterion and the compile error', () => {
    const r = loadRubricForLint('rubric.yaml', enc(yaml('  - id: t\n    when: { field: title, op: matches, value: "(vp" }\n    points: 10')));
    expect(r.ok && r.findings[0]!.message).toBe('criteria[0].when.value: criterion "t": the regular expression /(vp/ does not compile: /(vp/i: Unterminated group');
  });

  it('an exponential regular expression names the criterion, the part at fault, and how to rewrite it', () => {
    const r = loadRubricForLint('rubric.yaml', enc(yaml('  - id: t\n    when: { field: title, op: matches, value: "^(a|a)*$" }\n    points: 10')));
    expect(r.ok && r.findings[0]!.message).toBe('criteria[0].when.value: criterion "t": the regular expression /^(a|a)*$/ can take exponential time: `(a|a)*` (from character 2) can match the same text in more than one way, and every way is tried before a value fails to match, so the time doubles with each character');
    expect(r.ok && r.findings[0]!.hint).toMatch(/^let each piece of text match one way only/);
  });

  it('other bad input is still bad input, located', () => {
    const r = loadRubricForLint('rubric.yaml', enc(yaml('  - id: t\n    when: { field: a, op: nope }\n    points: 10')));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => [p.line, p.col])).toEqual([[5, 27]]);
  });
});
