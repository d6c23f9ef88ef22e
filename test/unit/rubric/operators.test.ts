import { describe, expect, it } from 'vitest';
import { compileRubric, type LeadValue } from '../../../src/core/rubric/engine/compile.js';
import type { Leaf } from '../../../src/core/schemas/condition.js';
import type { Rubric } from '../../../src/core/schemas/rubric.js';

const AS_OF = '2026-11-27';

/** Whether one leaf fires for one lead value, through both the record and the CSV-row paths. */
function fires(leaf: Omit<Leaf, 'field'>, v: LeadValue, asOf = AS_OF): boolean {
  const rubric: Rubric = { stages: [{ id: 'mql', min: 1 }], criteria: [{ id: 'c', when: { field: 'f', ...leaf } as Leaf, points: 1 }] };
  const compiled = compileRubric(rubric, { asOf });
  const record = compiled.score(v === undefined ? {} : { f: v }).fired.length === 1;
  if (typeof v === 'string' || v === undefined) {
    const row = compiled.forColumns(['f'])([v ?? '']).fired.length === 1;
    expect(row, 'CSV row path agrees with record path').toBe(record);
  }
  expect(compiled.explain(v === undefined ? {} : { f: v }).fired.length === 1, 'explain agrees').toBe(record);
  return record;
}

type Case = [string, Omit<Leaf, 'field'>, LeadValue, boolean];

const cases: Case[] = [
  // eq / neq by reading
  ['eq number', { op: 'eq', value: 200 }, '200', true],
  ['eq number, decimal text', { op: 'eq', value: 200 }, '200.0', true],
  ['eq number, thousands separator', { op: 'eq', value: 1200 }, '1,200', true],
  ['eq number, bad grouping is unknown', { op: 'eq', value: 1200 }, '12,00', false],
  ['eq number, currency and a suffix are read (en)', { op: 'eq', value: 5000 }, '$5k', true],
  ['eq number, a doubled suffix is unknown', { op: 'eq', value: 5000 }, '5kk', false],
  ['eq number, JS number', { op: 'eq', value: 3 }, 3, true],
  ['eq number, hex is not a number', { op: 'eq', value: 16 }, '0x10', false],
  ['eq boolean true', { op: 'eq', value: true }, 'yes', true],
  ['eq boolean, TRUE', { op: 'eq', value: true }, ' TRUE ', true],
  ['eq boolean, 1', { op: 'eq', value: true }, '1', true],
  ['eq boolean false, no', { op: 'eq', value: false }, 'No', true],
  ['eq boolean false, 0', { op: 'eq', value: false }, '0', true],
  ['eq boolean, maybe is unknown', { op: 'eq', value: false }, 'maybe', false],
  ['eq boolean, JS boolean', { op: 'eq', value: true }, true, true],
  ['eq text ignores case and spaces', { op: 'eq', value: 'Referral' }, '  REFERRAL ', true],
  ['eq text differs', { op: 'eq', value: 'referral' }, 'paid', false],
  ['eq text non-ASCII case', { op: 'eq', value: 'Zürich' }, 'ZÜRICH', true],
  ['eq text, number lead value', { op: 'eq', value: '42' }, 42, true],
  ['eq date', { op: 'eq', value: '2026-11-01' }, '2026-11-01', true],
  ['eq date, time ignored', { op: 'eq', value: '2026-11-01' }, '2026-11-01T23:59:00Z', true],
  ['eq date, not a calendar date', { op: 'eq', value: '2026-02-30' }, '2026-02-30', false],
  ['neq number', { op: 'neq', value: 200 }, '300', true],
  ['neq number, same', { op: 'neq', value: 200 }, '200', false],
  ['neq unknown is false', { op: 'neq', value: 200 }, '', false],
  ['neq unreadable is false', { op: 'neq', value: 200 }, 'many', false],
  ['neq text', { op: 'neq', value: 'us' }, 'CA', true],
  ['neq text, same but case', { op: 'neq', value: 'us' }, 'US', false],
  ['neq text, blank is unknown', { op: 'neq', value: 'us' }, '   ', false],
  ['neq boolean', { op: 'neq', value: true }, 'no', true],
  // in / not_in
  ['in text', { op: 'in', value: ['US', 'CA'] }, 'ca', true],
  ['in text, missing', { op: 'in', value: ['US', 'CA'] }, 'DE', false],
  ['in numbers', { op: 'in', value: [1, 2, 3] }, '2', true],
  ['in numbers, unreadable', { op: 'in', value: [1, 2, 3] }, 'two', false],
  ['in mixed list, text member', { op: 'in', value: [1, 'two'] }, 'TWO', true],
  ['in mixed list, number member', { op: 'in', value: [1, 'two'] }, '1.0', true],
  ['not_in text', { op: 'not_in', value: ['US', 'CA'] }, 'DE', true],
  ['not_in text, member', { op: 'not_in', value: ['US', 'CA'] }, 'us', false],
  ['not_in unknown is false', { op: 'not_in', value: ['US'] }, '', false],
  ['not_in missing field is false', { op: 'not_in', value: ['US'] }, undefined, false],
  ['not_in numbers, unreadable is false', { op: 'not_in', value: [1, 2] }, 'n/a', false],
  ['not_in numbers', { op: 'not_in', value: [1, 2] }, '3', true],
  // text operators
  ['contains', { op: 'contains', value: 'Sales' }, 'VP of sales ops', true],
  ['contains, absent', { op: 'contains', value: 'sales' }, 'Marketing', false],
  ['contains, unknown', { op: 'contains', value: 'sales' }, '', false],
  ['not_contains', { op: 'not_contains', value: 'student' }, 'Engineer', true],
  ['not_contains, present', { op: 'not_contains', value: 'student' }, 'PhD Student', false],
  ['not_contains, unknown is false', { op: 'not_contains', value: 'student' }, '', false],
  ['starts_with', { op: 'starts_with', value: 'vp' }, '  VP Sales', true],
  ['starts_with, no', { op: 'starts_with', value: 'vp' }, 'SVP Sales', false],
  ['ends_with', { op: 'ends_with', value: 'gmail.com' }, 'a@GMAIL.COM ', true],
  ['ends_with, no', { op: 'ends_with', value: 'gmail.com' }, 'a@gmail.co', false],
  ['ends_with, shorter', { op: 'ends_with', value: 'gmail.com' }, 'x', false],
  ['contains, number value', { op: 'contains', value: 20 }, '2116', false],
  ['contains, number value present', { op: 'contains', value: 20 }, '1200', true],
  // matches
  ['matches, case-insensitive', { op: 'matches', value: '\\b(vp|director)\\b' }, 'Director of Sales', true],
  ['matches, word boundary', { op: 'matches', value: '\\bvp\\b' }, 'SVP Sales', false],
  ['matches, anchors on trimmed text', { op: 'matches', value: '^ceo$' }, '  CEO ', true],
  ['matches, unknown', { op: 'matches', value: '.*' }, '', false],
  ['matches, repeated calls keep no state', { op: 'matches', value: 'a' }, 'a', true],
  // is_known / is_unknown
  ['is_known', { op: 'is_known' }, 'x', true],
  ['is_known, zero is a value', { op: 'is_known' }, '0', true],
  ['is_known, blank', { op: 'is_known' }, ' \t', false],
  ['is_known, missing', { op: 'is_known' }, undefined, false],
  ['is_known, null', { op: 'is_known' }, null, false],
  ['is_known, false is a value', { op: 'is_known' }, false, true],
  ['is_unknown, empty', { op: 'is_unknown' }, '', true],
  ['is_unknown, blank', { op: 'is_unknown' }, '   ', true],
  ['is_unknown, missing', { op: 'is_unknown' }, undefined, true],
  ['is_unknown, value', { op: 'is_unknown' }, 'x', false],
  // ordering
  ['gt', { op: 'gt', value: 10 }, '11', true],
  ['gt, equal', { op: 'gt', value: 10 }, '10', false],
  ['gte, equal', { op: 'gte', value: 10 }, '10', true],
  ['gte, negative', { op: 'gte', value: -5 }, '-4.5', true],
  ['lt', { op: 'lt', value: 10 }, '9.99', true],
  ['lt, unknown is false', { op: 'lt', value: 10 }, '', false],
  ['lte, equal', { op: 'lte', value: 10 }, '10', true],
  ['lte, unreadable', { op: 'lte', value: 10 }, 'ten', false],
  ['gt date', { op: 'gt', value: '2026-01-01' }, '2026-01-02', true],
  ['gt date, same day', { op: 'gt', value: '2026-01-01' }, '2026-01-01T10:00', false],
  ['lt date, US form (en)', { op: 'lt', value: '2026-01-01' }, '01/02/2025', true],
  ['lt date, unreadable', { op: 'lt', value: '2026-01-01' }, '13/02/2025', false],
  ['between, low end', { op: 'between', value: [10, 50] }, '10', true],
  ['between, high end', { op: 'between', value: [10, 50] }, '50', true],
  ['between, above', { op: 'between', value: [10, 50] }, '50.01', false],
  ['between, unknown', { op: 'between', value: [10, 50] }, '', false],
  ['between dates', { op: 'between', value: ['2026-01-01', '2026-01-31'] }, '2026-01-31', true],
  ['between dates, outside', { op: 'between', value: ['2026-01-01', '2026-01-31'] }, '2026-02-01', false],
  // dates
  ['before', { op: 'before', value: '2026-06-01' }, '2026-05-31', true],
  ['before, same day', { op: 'before', value: '2026-06-01' }, '2026-06-01', false],
  ['after', { op: 'after', value: '2026-06-01' }, '2026-06-02', true],
  ['after, unknown', { op: 'after', value: '2026-06-01' }, '', false],
  ['after, not a date', { op: 'after', value: '2026-06-01' }, 'soon', false],
  ['within_last 14d, first day', { op: 'within_last', value: '14d' }, '2026-11-13', true],
  ['within_last 14d, a day too old', { op: 'within_last', value: '14d' }, '2026-11-12', false],
  ['within_last 14d, the scoring day', { op: 'within_last', value: '14d' }, '2026-11-27', true],
  ['within_last 14d, the future', { op: 'within_last', value: '14d' }, '2026-11-28', false],
  ['within_last 8w', { op: 'within_last', value: '8w' }, '2026-10-02', true],
  ['within_last 8w, too old', { op: 'within_last', value: '8w' }, '2026-10-01', false],
  ['within_last 3m', { op: 'within_last', value: '3m' }, '2026-08-27', true],
  ['within_last 3m, too old', { op: 'within_last', value: '3m' }, '2026-08-26', false],
  ['within_last, unknown', { op: 'within_last', value: '3m' }, '', false],
  ['within_last, date-time', { op: 'within_last', value: '1d' }, '2026-11-26T08:00:00+02:00', true],
];

describe('operators', () => {
  it.each(cases)('%s', (_name, leaf, value, expected) => {
    expect(fires(leaf, value)).toBe(expected);
  });

  it('within_last in months lands on the last day of a shorter month', () => {
    expect(fires({ op: 'within_last', value: '3m' }, '2026-02-28', '2026-05-31')).toBe(true);
    expect(fires({ op: 'within_last', value: '3m' }, '2026-02-27', '2026-05-31')).toBe(false);
    expect(fires({ op: 'within_last', value: '1m' }, '2024-02-29', '2024-03-31')).toBe(true);
    expect(fires({ op: 'within_last', value: '12m' }, '2025-01-15', '2026-01-15')).toBe(true);
  });
});

describe('conditions', () => {
  const rubricWith = (when: Rubric['criteria'][number]['when']): Rubric => ({ stages: [{ id: 'mql', min: 1 }], criteria: [{ id: 'c', when, points: 1 }] });
  const fire = (when: Rubric['criteria'][number]['when'], lead: Record<string, LeadValue>) => compileRubric(rubricWith(when), { asOf: AS_OF }).score(lead).fired.length === 1;
  const a = { field: 'a', op: 'eq', value: 1 } as const;
  const b = { field: 'b', op: 'eq', value: 1 } as const;
  const c = { field: 'c', op: 'eq', value: 1 } as const;

  it.each([
    ['all: both', { all: [a, b] }, { a: 1, b: 1 }, true],
    ['all: one', { all: [a, b] }, { a: 1, b: 0 }, false],
    ['all: three', { all: [a, b, c] }, { a: 1, b: 1, c: 1 }, true],
    ['any: one', { any: [a, b] }, { a: 0, b: 1 }, true],
    ['any: none', { any: [a, b, c] }, { a: 0 }, false],
    ['not: inverts', { not: a }, { a: 0 }, true],
    // a lone `not` over an unknown value is true: `eq` is false there, and not inverts it
    ['not: over unknown', { not: a }, {}, true],
    ['not: over fired', { not: a }, { a: 1 }, false],
    ['at_least 2 of 3: two', { at_least: 2, of: [a, b, c] }, { a: 1, c: 1 }, true],
    ['at_least 2 of 3: one', { at_least: 2, of: [a, b, c] }, { b: 1 }, false],
    ['at_least 3 of 3: all', { at_least: 3, of: [a, b, c] }, { a: 1, b: 1, c: 1 }, true],
    ['at_least 1 of 3: unknowns count as not met', { at_least: 1, of: [a, b, c] }, { a: '', b: null }, false],
    ['nested', { all: [{ any: [a, b] }, { not: c }] }, { b: 1, c: 0 }, true],
  ] as const)('%s', (_n, when, lead, expected) => {
    expect(fire(when as never, lead)).toBe(expected);
  });
});
