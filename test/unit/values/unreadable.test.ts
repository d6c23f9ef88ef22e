import { describe, expect, it } from 'vitest';
import { compileRubric, nextRow, rowCache } from '../../../src/core/rubric/engine/compile.js';
import { unreadableTally } from '../../../src/core/rubric/engine/tally.js';
import { RubricSchema } from '../../../src/core/schemas/rubric.js';
import { emptyUnreadable, mergeUnreadable, type UnreadableSummary } from '../../../src/core/values/unreadable.js';

const rubric = RubricSchema.parse({
  stages: [{ id: 'mql', min: 1 }],
  criteria: [
    { id: 'big', when: { field: 'employees', op: 'gte', value: 200 }, points: 1 },
    { id: 'recent', when: { field: 'last_activity', op: 'within_last', value: '14d' }, points: 1 },
    { id: 'demo', when: { field: 'demo', op: 'eq', value: true }, points: 1 },
    { id: 'mixed', when: { field: 'employees', op: 'in', value: [1, 'n/a'] }, points: 1 },
    { id: 'title', when: { field: 'title', op: 'matches', value: 'vp' }, points: 1 },
  ],
});
const HEADER = ['id', 'employees', 'last_activity', 'demo', 'title'];

/** The rows, each with the line its record starts on (gaps: quoted cells over several lines). */
const ROWS: [number, string[]][] = [
  [2, ['a', '1,200', '11/20/2026', 'yes', 'VP']],
  [3, ['b', 'n/a', '20.11.2026', 'maybe', '']],
  [5, ['c', '', '', '', 'x']],
  [6, ['d', '12kk', '2026-11-20', 'no', 'y']],
  [9, ['e', '~200', 'soon', 'y', 'z']],
  [10, ['f', '$', '13/13/2026', 'TRUE', '']],
  [11, ['g', '45%', '2026-02-30', '1', '']],
];

function tallyOf(rows: [number, string[]][]): UnreadableSummary {
  const compiled = compileRubric(rubric, { asOf: '2026-11-27' });
  const cache = rowCache(false);
  const columns = Object.fromEntries(HEADER.map((h, i) => [h, i]));
  const score = compiled.forColumnsInto(columns, cache);
  const tally = unreadableTally(compiled.checks(columns), compiled.readers, cache);
  const out = { fit: 0, engagement: 0, score: 0, stage: '', fired: [] as string[] };
  for (const [line, row] of rows) {
    nextRow(cache);
    score(row, out);
    tally.row(row, line);
  }
  return tally.summary();
}

describe('the count of values that could not be read', () => {
  it('counts per field and reading, blanks apart, with the first three lines; text and a list naming text are never unreadable', () => {
    expect(tallyOf(ROWS)).toEqual([
      { field: 'demo', reading: 'boolean', count: 2, examples: [{ line: 3, value: 'maybe' }, { line: 9, value: 'y' }] },
      { field: 'employees', reading: 'number', count: 4, examples: [{ line: 3, value: 'n/a' }, { line: 6, value: '12kk' }, { line: 9, value: '~200' }] },
      { field: 'last_activity', reading: 'date', count: 4, examples: [{ line: 3, value: '20.11.2026' }, { line: 9, value: 'soon' }, { line: 10, value: '13/13/2026' }] },
    ]);
  });

  it('merging the summaries of two parts of a file gives the summary of the whole, in either order', () => {
    const whole = tallyOf(ROWS);
    for (const cut of [1, 3, 5]) {
      const a = tallyOf(ROWS.slice(0, cut));
      const b = tallyOf(ROWS.slice(cut));
      expect(mergeUnreadable(a, b)).toEqual(whole);
      expect(mergeUnreadable(b, a)).toEqual(whole);
    }
  });

  it('merge keeps the three lowest lines, sums counts, leaves its inputs alone, and is plain data', () => {
    const a: UnreadableSummary = [{ field: 'x', reading: 'number', count: 5, examples: [{ line: 40, value: 'a' }, { line: 41, value: 'b' }, { line: 42, value: 'c' }] }];
    const b: UnreadableSummary = [
      { field: 'x', reading: 'number', count: 2, examples: [{ line: 3, value: 'd' }, { line: 50, value: 'e' }] },
      { field: 'w', reading: 'date', count: 0, examples: [] },
    ];
    const before = structuredClone([a, b]);
    const merged = mergeUnreadable(a, b);
    expect(merged).toEqual([
      { field: 'w', reading: 'date', count: 0, examples: [] },
      { field: 'x', reading: 'number', count: 7, examples: [{ line: 3, value: 'd' }, { line: 40, value: 'a' }, { line: 41, value: 'b' }] },
    ]);
    expect([a, b]).toEqual(before);
    expect(structuredClone(merged)).toEqual(merged);
    const c: UnreadableSummary = [{ field: 'x', reading: 'number', count: 1, examples: [{ line: 1, value: 'f' }] }];
    expect(mergeUnreadable(mergeUnreadable(a, b), c)).toEqual(mergeUnreadable(a, mergeUnreadable(b, c)));
    expect(mergeUnreadable(emptyUnreadable([]), a)).toEqual(a);
  });
});
