import { describe, expect, it } from 'vitest';
import { dateProblem, freeId, readConditionValue, slugify } from '../../../src/core/workshop/fields.js';
import { newState, nextPosition, readDraftState, sectionClock } from '../../../src/core/workshop/state.js';
import { openActions } from '../../../src/core/workshop/open-actions.js';
import { input } from './fixtures.js';

describe('the validators prompts and answers files share', () => {
  it.each([
    ['2026-12-11', undefined],
    ['2026-02-30', 'expected a real calendar date'],
    ['11/12/2026', 'expected a date written YYYY-MM-DD'],
  ])('date %s', (text, problem) => expect(dateProblem(text)).toBe(problem));

  it.each([
    ['gte', '200', { value: 200 }],
    ['eq', 'true', { value: true }],
    ['eq', 'VP Sales', { value: 'VP Sales' }],
    ['in', 'US, CA, GB', { value: ['US', 'CA', 'GB'] }],
    ['between', '10, 50', { value: [10, 50] }],
    ['within_last', '14d', { value: '14d' }],
    ['is_known', '', { value: undefined }],
    ['between', '10', { problem: '`between` needs two bounds, like [10, 50]' }],
    ['within_last', 'two weeks', { problem: '`within_last` needs a period like 14d, 8w or 3m' }],
    ['gt', 'many', { problem: '`gt` needs a number or an ISO date (YYYY-MM-DD)' }],
    ['before', 'soon', { problem: '`before` needs an ISO date (YYYY-MM-DD)' }],
  ] as const)('%s with %j', (op, text, expected) => expect(readConditionValue(op, text)).toEqual(expected));

  it('matches needs a regular expression that compiles', () => {
    expect(readConditionValue('matches', '(vp').problem).toMatch(/does not compile/);
  });

  it('matches refuses, as it is typed, a pattern that could hang scoring, with how to rewrite it', () => {
    expect(readConditionValue('matches', '^(\\w+\\s?)*$').problem).toMatch(/^the regular expression .* can take exponential time: `\(\\w\+\\s\?\)\*` .*; let each piece of text match one way only/);
    expect(readConditionValue('matches', '\\b(vp|director)\\b')).toEqual({ value: '\\b(vp|director)\\b' });
  });

  it('makes ids from titles, and free ones', () => {
    expect(slugify('Grow pipeline from sales-ready leads!')).toBe('grow-pipeline-from-sales-ready-leads');
    expect(slugify('Über große Firmen')).toBe('uber-grosse-firmen');
    expect(freeId('a', new Set(['a', 'a-2']))).toBe('a-3');
  });
});

describe('session state', () => {
  it('walks setup, each section, then the summary', () => {
    const t = input([{ capture: 'notes' }, { capture: 'decisions' }]).template;
    expect(nextPosition({ step: 'setup' }, t)).toEqual({ step: 'section', index: 0 });
    expect(nextPosition({ step: 'section', index: 0 }, t)).toEqual({ step: 'section', index: 1 });
    expect(nextPosition({ step: 'section', index: 1 }, t)).toEqual({ step: 'summary' });
  });

  it('says when a section is over its timebox', () => {
    expect(sectionClock(30 * 60_000, 9 * 60_000, 10)).toEqual({ elapsedMin: 30, sectionMin: 9, leftMin: 1, over: false });
    expect(sectionClock(42 * 60_000, 12 * 60_000 + 1, 10)).toEqual({ elapsedMin: 42, sectionMin: 12, leftMin: -2, over: true });
  });

  it('a draft id is a file name, never a path: one that leads elsewhere is not a draft align resumes', () => {
    const draft = (id: string) => JSON.stringify({ ...newState('x', 'kickoff', new Date(0)), id });
    expect(readDraftState(draft('2026-11-27-kickoff-2')).ok).toBe(true);
    for (const id of ['../../../tmp/x', 'a/b', '/etc/x', '.hidden', '']) {
      expect(readDraftState(draft(id)), id).toMatchObject({ ok: false, reason: expect.stringMatching(/^not a workshop draft: id: expected a draft id/) });
    }
  });

  it('open actions: open in their session and not closed by a later review', () => {
    expect(openActions(input().sessions).map((o) => `${o.session}/${o.action.id}`)).toEqual(['2026-11-01-kickoff/a1']);
  });
});
