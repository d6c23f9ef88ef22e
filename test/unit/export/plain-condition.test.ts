import { describe, expect, it } from 'vitest';
import { OPERATORS, type Condition, type Leaf } from '../../../src/core/schemas/condition.js';
import { conditionInWords, fieldInWords, formatNumber, signedPoints } from '../../../src/core/export/plain-condition.js';

type Case = [Condition, string];
const leaf = (field: string, op: Leaf['op'], value?: Leaf['value']): Leaf => (value === undefined ? { field, op } : { field, op, value });

describe('conditionInWords: every operator as a sentence, and its negation under `not`', () => {
  it.each<[Leaf, string, string]>([
    [leaf('country', 'eq', 'US'), 'Country is US', 'Country is not US'],
    [leaf('employees', 'eq', 500), 'Employees is 500', 'Employees is not 500'],
    [leaf('country', 'neq', 'US'), 'Country has a value other than US', 'Country is US or has no value'],
    [leaf('country', 'in', ['US', 'CA', 'GB']), 'Country is one of US, CA or GB', 'Country is not one of US, CA or GB'],
    [leaf('country', 'in', ['US']), 'Country is US', 'Country is not US'],
    [leaf('country', 'not_in', ['RU', 'KP']), 'Country has a value other than RU or KP', 'Country is one of RU or KP, or has no value'],
    [leaf('title', 'contains', 'chief'), 'Title contains "chief"', 'Title does not contain "chief"'],
    [leaf('title', 'not_contains', 'intern'), 'Title has a value that does not contain "intern"', 'Title contains "intern" or has no value'],
    [leaf('email', 'starts_with', 'info@'), 'Email starts with "info@"', 'Email does not start with "info@"'],
    [leaf('email', 'ends_with', '.edu'), 'Email ends with ".edu"', 'Email does not end with ".edu"'],
    [leaf('employees', 'gt', 1000), 'Employees is more than 1,000', 'Employees is not more than 1,000'],
    [leaf('employees', 'gte', 200), 'Employees is at least 200', 'Employees is not at least 200'],
    [leaf('employees', 'lt', 10), 'Employees is less than 10', 'Employees is not less than 10'],
    [leaf('employees', 'lte', 10), 'Employees is at most 10', 'Employees is not at most 10'],
    [leaf('seats', 'between', [10, 50]), 'Seats is between 10 and 50', 'Seats is not between 10 and 50'],
    [leaf('title', 'matches', '\\b(vp|director)\\b'), 'Title mentions "vp" or "director"', 'Title does not mention "vp" or "director"'],
    [leaf('phone', 'is_known'), 'Phone has a value', 'Phone has no value'],
    [leaf('phone', 'is_unknown'), 'Phone has no value', 'Phone has a value'],
    [leaf('last_activity', 'within_last', '14d'), 'Last activity is within the last 14 days', 'Last activity is not within the last 14 days'],
    [leaf('renewal', 'before', '2027-01-01'), 'Renewal is before 2027-01-01', 'Renewal is not before 2027-01-01'],
    [leaf('renewal', 'after', '2027-01-01'), 'Renewal is after 2027-01-01', 'Renewal is not after 2027-01-01'],
  ])('%j', (condition, words, negated) => {
    expect(conditionInWords(condition)).toBe(words);
    expect(conditionInWords({ not: condition })).toBe(negated);
  });

  it('covers every operator the schema has', () => {
    const tested = new Set(['eq', 'neq', 'in', 'not_in', 'contains', 'not_contains', 'starts_with', 'ends_with', 'gt', 'gte', 'lt', 'lte', 'between', 'matches', 'is_known', 'is_unknown', 'within_last', 'before', 'after']);
    expect([...OPERATORS].sort()).toEqual([...tested].sort());
  });
});

describe('conditionInWords: yes/no columns', () => {
  it.each<Case>([
    // The bug: a column named as a statement was read as a value, "Is competitor is yes".
    [leaf('is_competitor', 'eq', true), 'Is competitor'],
    [leaf('is_competitor', 'eq', false), 'Is not competitor'],
    [leaf('is_competitor', 'neq', true), 'Is not competitor'],
    [{ not: leaf('is_competitor', 'eq', true) }, 'Is not competitor (or unknown)'],
    [leaf('has_budget', 'eq', true), 'Has budget'],
    [leaf('has_budget', 'eq', false), 'Has no budget'],
    [leaf('was_contacted', 'neq', false), 'Was contacted'],
    [leaf('demo_requested', 'eq', true), 'Demo requested is yes'],
    [leaf('demo_requested', 'neq', true), 'Demo requested is no'],
    [{ not: leaf('demo_requested', 'eq', true) }, 'Demo requested is not yes'],
    [leaf('do_not_contact', 'eq', true), '"Do not contact" is yes'],
    [leaf('is', 'eq', true), '"Is" is yes'],
  ])('%j', (condition, words) => {
    const said = conditionInWords(condition);
    expect(said).toBe(words);
    expect(said).not.toMatch(/^is .* is (yes|no)/i);
  });
});

describe('conditionInWords: dates', () => {
  it.each<Case>([
    [leaf('signed_up', 'eq', '2026-01-01'), 'Signed up is on 2026-01-01'],
    [leaf('signed_up', 'gt', '2026-01-01'), 'Signed up is after 2026-01-01'],
    [leaf('signed_up', 'gte', '2026-01-01'), 'Signed up is on or after 2026-01-01'],
    [leaf('signed_up', 'lt', '2026-01-01'), 'Signed up is before 2026-01-01'],
    [leaf('signed_up', 'lte', '2026-01-01'), 'Signed up is on or before 2026-01-01'],
    [leaf('signed_up', 'between', ['2026-01-01', '2026-03-31']), 'Signed up is between 2026-01-01 and 2026-03-31'],
    [leaf('last_activity', 'within_last', '1w'), 'Last activity is within the last 1 week'],
    [leaf('last_activity', 'within_last', '3m'), 'Last activity is within the last 3 months'],
  ])('%j', (condition, words) => expect(conditionInWords(condition)).toBe(words));
});

describe('conditionInWords: a regular expression in words where it is a list of words, else quoted', () => {
  it.each<[string, string]>([
    ['\\b(vp|director|head)\\b', 'Title mentions "vp", "director" or "head"'],
    ['\\bvp\\b|\\bdirector\\b', 'Title mentions "vp" or "director"'],
    ['(\\bvp\\b|\\bdirector\\b)', 'Title mentions "vp" or "director"'],
    ['\\b(?:c[eft]o|chief)\\b', 'Title mentions "ceo", "cfo", "cto" or "chief"'],
    ['\\bdirectors?\\b', 'Title mentions "director" or "directors"'],
    ['vice\\s+president', 'Title contains "vice president"'],
    ['vp|director', 'Title contains "vp" or "director"'],
    ['^head of', 'Title starts with "head of"'],
    ['@gmail\\.com$', 'Title ends with "@gmail.com"'],
    ['^(cto|ceo)$', 'Title is "cto" or "ceo"'],
    // Not a list of words: quoted as it is.
    ['\\b(x\\d+)', 'Title matches the pattern "\\b(x\\d+)"'],
    ['^vp|director$', 'Title matches the pattern "^vp|director$"'],
    ['.*sales', 'Title matches the pattern ".*sales"'],
    ['[^a]bc', 'Title matches the pattern "[^a]bc"'],
    ['(?=vp)v', 'Title matches the pattern "(?=vp)v"'],
    ['\\bvp', 'Title matches the pattern "\\bvp"'],
    ['^$', 'Title matches the pattern "^$"'],
  ])('%s', (pattern, words) => {
    expect(conditionInWords(leaf('title', 'matches', pattern))).toBe(words);
  });
});

describe('conditionInWords: groups', () => {
  it.each<Case>([
    [{ all: [leaf('a', 'is_known'), { any: [leaf('b', 'eq', 1), leaf('c', 'eq', 2)] }] }, 'A has a value and (B is 1 or C is 2)'],
    [{ not: leaf('country', 'eq', 'US') }, 'Country is not US'],
    [{ not: { not: leaf('country', 'eq', 'US') } }, 'Country is US'],
    [{ not: { all: [leaf('a', 'is_known'), leaf('b', 'is_known')] } }, 'Not all of: A has a value; B has a value'],
    [{ not: { any: [leaf('a', 'is_known'), leaf('b', 'is_known')] } }, 'None of: A has a value; B has a value'],
    [{ all: [leaf('a', 'is_known'), { not: leaf('b', 'contains', 'x') }] }, 'A has a value and B does not contain "x"'],
    [{ all: [leaf('a', 'is_known'), { not: leaf('country', 'neq', 'US') }] }, 'A has a value and (Country is US or has no value)'],
    [
      { at_least: 2, of: [leaf('x', 'gte', 2), leaf('y', 'eq', true), leaf('z', 'within_last', '14d')] },
      'At least 2 of: X is at least 2; Y is yes; Z is within the last 14 days',
    ],
    [{ not: { at_least: 2, of: [leaf('x', 'is_known'), leaf('y', 'is_known')] } }, 'Fewer than 2 of: X has a value; Y has a value'],
    [leaf('Annual Revenue (USD)', 'gte', 1e6), 'Annual Revenue (USD) is at least 1,000,000'],
  ])('%j', (condition, words) => expect(conditionInWords(condition)).toBe(words));
});

describe('numbers and fields', () => {
  it.each([
    [0, '0'],
    [999, '999'],
    [1000, '1,000'],
    [1200000, '1,200,000'],
    [-45000.5, '-45,000.5'],
    [0.25, '0.25'],
    [-0, '0'],
    [-999.75, '-999.75'],
    [-1000, '-1,000'],
    [999.5, '999.5'],
    [1e-7, '1e-7'],
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
