import { describe, expect, it } from 'vitest';
import type { RubricChange } from '../../../src/core/rubric/diff/diff.js';
import { historyInWords } from '../../../src/core/export/change-words.js';

/** A change worded alone, with nothing remembered from another. */
const alone = (c: RubricChange) => historyInWords()(c);

const when = (value: number) => ({ all: [{ field: 'employees', op: 'gte', value }, { field: 'country', op: 'in', value: ['US', 'CA'] }] });
const changes: RubricChange[] = [
  { section: 'criterion', kind: 'changed', id: 'size', field: 'when', before: when(100), after: when(200) },
  { section: 'criterion', kind: 'changed', id: 'size', field: 'when', before: when(200), after: when(1500) },
  { section: 'criterion', kind: 'added', id: 'demo', after: { id: 'demo', when: { field: 'demo', op: 'eq', value: true }, points: 15, dimension: 'engagement' } },
  { section: 'criterion', kind: 'removed', id: 'old', before: { id: 'old', when: when(200), disqualify: true } },
  { section: 'criterion', kind: 'changed', id: 'size', field: 'points', before: 10, after: 15 },
  { section: 'stage', kind: 'added', id: 'sql', after: { id: 'sql', min: 1200, require: { fit: 30 } } },
  { section: 'stage', kind: 'reordered', before: ['mql', 'sql'], after: ['sql', 'mql'] },
];

describe('a rubric history in the summary’s words', () => {
  it('tells conditions, criteria and stages in the summary’s words, anything else as rubric diff does', () => {
    expect(changes.slice(0, 3).map(alone)).toEqual([
      { what: 'criterion size: when', before: 'Employees is at least 100 and Country is one of US or CA', after: 'Employees is at least 200 and Country is one of US or CA' },
      { what: 'criterion size: when', before: 'Employees is at least 200 and Country is one of US or CA', after: 'Employees is at least 1,500 and Country is one of US or CA' },
      { what: 'criterion demo added', before: '—', after: 'Demo is yes: +15 engagement' },
    ]);
    expect(alone(changes[6]!)).toEqual({ what: 'stage order', before: 'mql < sql', after: 'sql < mql' });
  });

  it('says the same with conditions remembered along a history as without', () => {
    const twice = [...changes, ...changes];
    expect(twice.map(historyInWords())).toEqual(twice.map(alone));
  });
});
