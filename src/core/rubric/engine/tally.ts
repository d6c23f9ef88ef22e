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
  // one flat loop over plain arrays: this runs on every row of the file
  const kinds = Uint8Array.from(unique.map((c) => (c.reading === 'number' ? 0 : c.reading === 'date' ? 1 : 2)));
  const cols = Int32Array.from(unique.map((c) => c.col));
  const entries: UnreadableField[] = unique.map(entry);
  const { number: readNumber, day: readDay } = readers;
  const count = kinds.length;
  return {
    row(row, line) {
      for (let k = 0; k < count; k++) {
        const col = cols[k]!;
        const v = row[col]!;
        const kind = kinds[k];
        let unread: boolean;
        if (kind === 0) unread = Number.isNaN(cache.numStamp[col] === cache.row ? cache.num[col]! : readNumber(v));
        else if (kind === 1) unread = Number.isNaN(cache.dayStamp[col] === cache.row ? cache.day[col]! : readDay(v));
        else unread = readBoolean(v) === undefined;
        if (unread && !isBlank(v)) recordUnreadable(entries[k]!, line, v);
      }
    },
    summary: () => summary.map((e) => ({ ...e, examples: e.examples.map((x) => ({ ...x })) })),
  };
}
