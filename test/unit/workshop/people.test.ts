import { describe, expect, it } from 'vitest';
import { canonicalPerson, samePerson } from '../../../src/core/workshop/people.js';
import { dueProblem } from '../../../src/core/workshop/fields.js';
import { readDraftState } from '../../../src/core/workshop/state.js';

const MEMBERS = ['Dana Kim', 'Sam Ortiz', 'José Núñez'];

describe('one person, however the name is typed', () => {
  it.each([
    ['sam ortiz', 'Sam Ortiz'],
    ['  SAM   ORTIZ ', 'Sam Ortiz'],
    ['Jose\u0301 Nu\u0301n\u0303ez', 'José Núñez'], // decomposed accents: the same letters
    ['jos\u00e9 n\u00fa\u00f1ez', 'José Núñez'],
    [' Priya Shah ', 'Priya Shah'], // nobody known: as typed, trimmed
    ['Sam Ortiz-Lee', 'Sam Ortiz-Lee'],
  ])('%j is %j', (typed, kept) => expect(canonicalPerson(typed, MEMBERS)).toBe(kept));

  it('tells different people apart', () => {
    expect(samePerson('Sam Ortiz', 'sam  ortiz')).toBe(true);
    expect(samePerson('Sam Ortiz', 'Sam Ortis')).toBe(false);
  });
});

describe('a due date agreed in a session', () => {
  it.each([
    ['2026-11-27', undefined],
    ['2026-12-01', undefined],
    ['2026-11-26', '2026-11-26 is before the session date 2026-11-27; a due date is on or after the day it is agreed'],
    ['2026-02-30', 'expected a real calendar date'],
  ])('%s in a session on 2026-11-27', (due, problem) => expect(dueProblem(due, '2026-11-27')).toBe(problem));
});

describe('drafts', () => {
  const base = { version: 1, id: 'd', template: 'kickoff', answers: { sections: {} }, position: { step: 'setup' }, pending: {}, elapsedMs: 0, sectionMs: {}, updated: '2026-11-27T10:00:00Z' };
  it('a draft of an earlier version (answers kept by key, no step log) still resumes', () => {
    expect(readDraftState(JSON.stringify({ ...base, pending: { date: '2026-11-27' } })).ok).toBe(true);
  });
  it('a draft with its step log and leads file resumes; a broken log is named', () => {
    expect(readDraftState(JSON.stringify({ ...base, step: { at: 'setup', start: {}, given: [{ key: 'date', value: '2026-11-27' }] }, leads: 'leads.csv' })).ok).toBe(true);
    expect(readDraftState(JSON.stringify({ ...base, step: { at: 'setup', start: {}, given: [{ value: 1 }] } }))).toEqual({ ok: false, reason: 'not a workshop draft: step.given.0.key: Invalid input: expected string, received undefined' });
  });
});
