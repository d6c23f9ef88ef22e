import { describe, expect, it } from 'vitest';
import type { Condition } from '../../../src/core/schemas/condition.js';
import { conditionInWords, fieldInWords, formatNumber, signedPoints } from '../../../src/core/export/plain-condition.js';

describe('conditionInWords', () => {
  it.each<[Condition, string]>([
    [{ field: 'employees', op: 'gte', value: 200 }, 'Employees is at least 200'],
    [{ field: 'employees', op: 'gt', value: 1000 }, 'Employees is more than 1,000'],
    [{ field: 'employees', op: 'lt', value: 10 }, 'Employees is less than 10'],
    [{ field: 'employees', op: 'lte', value: 10 }, 'Employees is at most 10'],
    [{ field: 'signed_up', op: 'gte', value: '2026-01-01' }, 'Signed up is on or after 2026-01-01'],
    [{ field: 'signed_up', op: 'lt', value: '2026-01-01' }, 'Signed up is before 2026-01-01'],
    [{ field: 'demo_requested', op: 'eq', value: true }, 'Demo requested is yes'],
    [{ field: 'churned', op: 'neq', value: false }, 'Churned is not no'],
    [{ field: 'country', op: 'in', value: ['US', 'CA', 'GB'] }, 'Country is one of US, CA or GB'],
    [{ field: 'country', op: 'in', value: ['US'] }, 'Country is one of US'],
    [{ field: 'country', op: 'not_in', value: ['RU', 'KP'] }, 'Country is none of RU or KP'],
    [{ field: 'title', op: 'contains', value: 'chief' }, 'Title contains "chief"'],
    [{ field: 'title', op: 'not_contains', value: 'intern' }, 'Title does not contain "intern"'],
    [{ field: 'email', op: 'ends_with', value: '.edu' }, 'Email ends with ".edu"'],
    [{ field: 'email', op: 'starts_with', value: 'info@' }, 'Email starts with "info@"'],
    [{ field: 'seats', op: 'between', value: [10, 50] }, 'Seats is between 10 and 50'],
    [{ field: 'title', op: 'matches', value: '\\b(vp|cto)\\b' }, 'Title matches the pattern /\\b(vp|cto)\\b/'],
    [{ field: 'phone', op: 'is_known' }, 'Phone is known'],
    [{ field: 'phone', op: 'is_unknown' }, 'Phone is unknown'],
    [{ field: 'last_activity', op: 'within_last', value: '14d' }, 'Last activity is within the last 14 days'],
    [{ field: 'last_activity', op: 'within_last', value: '1w' }, 'Last activity is within the last 1 week'],
    [{ field: 'last_activity', op: 'within_last', value: '3m' }, 'Last activity is within the last 3 months'],
    [{ field: 'renewal', op: 'before', value: '2027-01-01' }, 'Renewal is before 2027-01-01'],
    [{ field: 'renewal', op: 'after', value: '2027-01-01' }, 'Renewal is after 2027-01-01'],
    [{ field: 'Annual Revenue (USD)', op: 'gte', value: 1e6 }, 'Annual Revenue (USD) is at least 1,000,000'],
    [
      { all: [{ field: 'a', op: 'is_known' }, { any: [{ field: 'b', op: 'eq', value: 1 }, { field: 'c', op: 'eq', value: 2 }] }] },
      'A is known and (B is 1 or C is 2)',
    ],
    [{ not: { field: 'country', op: 'eq', value: 'US' } }, 'not Country is US'],
    [{ not: { all: [{ field: 'a', op: 'is_known' }, { field: 'b', op: 'is_known' }] } }, 'not (A is known and B is known)'],
    [
      { at_least: 2, of: [{ field: 'x', op: 'gte', value: 2 }, { field: 'y', op: 'eq', value: true }, { field: 'z', op: 'within_last', value: '14d' }] },
      'at least 2 of: X is at least 2; Y is yes; Z is within the last 14 days',
    ],
  ])('%j', (condition, words) => {
    expect(conditionInWords(condition)).toBe(words);
  });
});

describe('numbers and fields', () => {
  it.each([
    [0, '0'],
    [999, '999'],
    [1000, '1,000'],
    [1200000, '1,200,000'],
    [-45000.5, '-45,000.5'],
    [0.25, '0.25'],
  ])('formatNumber(%d) = %s', (n, s) => expect(formatNumber(n)).toBe(s));

  it('signs points', () => {
    expect([signedPoints(15), signedPoints(-5), signedPoints(2.5), signedPoints(0)]).toEqual(['+15', '-5', '+2.5', '+0']);
  });

  it('reads column headers as words', () => {
    expect(fieldInWords('pricing_page_views')).toBe('Pricing page views');
    expect(fieldInWords('job-title')).toBe('Job title');
    expect(fieldInWords('NPS')).toBe('NPS');
    expect(fieldInWords('___')).toBe('___');
  });
});
