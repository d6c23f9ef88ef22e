/**
 * Counting the values a CSV pass could not read, as it scores: a number or a date a condition
 * already read this row is taken from the row cache, so the count reads no cell twice.
 */
import type { Readers } from '../../values/readers.js';
import { emptyUnreadable, recordUnreadable, type StrictReading, type UnreadableField, type UnreadableSummary } from '../../values/unreadable.js';
import { isBlank, readBoolean } from './read.js';
import { readingSlots, type RowCache } from './row-cache.js';

export interface Check {
  field: string;
  reading: StrictReading;
  col: number;
}

export interface Tally {
  /** Checks one scored row; `line` is where its record starts. */
  row(row: string[], line: number): void;
  /** What was counted so far (a copy: plain data). */
  summary(): UnreadableSummary;
}

/** A tally of `checks`, each field and reading once; `cache` is the pass's row cache. */
export function unreadableTally(checks: Check[], readers: Readers, cache: RowCache): Tally {
  const unique = checks.filter((c, i) => checks.findIndex((k) => k.field === c.field && k.reading === c.reading) === i);
  const summary = emptyUnreadable(unique);
  const entry = (c: Check) => summary.find((e) => e.field === c.field && e.reading === c.reading)!;
  readingSlots(cache, Math.max(0, ...unique.map((c) => c.col + 1)));
  const tests = unique.map((c) => {
    const e: UnreadableField = entry(c);
    const col = c.col;
    switch (c.reading) {
      case 'number':
        return (row: string[], line: number) => {
          const v = row[col]!;
          const n = cache.numStamp[col] === cache.row ? cache.num[col]! : readers.number(v);
          if (Number.isNaN(n) && !isBlank(v)) recordUnreadable(e, line, v);
        };
      case 'date':
        return (row: string[], line: number) => {
          const v = row[col]!;
          const d = cache.dayStamp[col] === cache.row ? cache.day[col]! : readers.day(v);
          if (Number.isNaN(d) && !isBlank(v)) recordUnreadable(e, line, v);
        };
      default:
        return (row: string[], line: number) => {
          const v = row[col]!;
          if (readBoolean(v) === undefined && !isBlank(v)) recordUnreadable(e, line, v);
        };
    }
  });
  return {
    row(row, line) {
      for (let k = 0; k < tests.length; k++) tests[k]!(row, line);
    },
    summary: () => summary.map((e) => ({ ...e, examples: e.examples.map((x) => ({ ...x })) })),
  };
}
