/**
 * Values a run could not read, per field and reading: how many, and the first three with
 * their lines. Plain data (structured-cloneable), so that parts of one file read apart (on
 * worker threads, over byte ranges) give summaries that `mergeUnreadable` adds up.
 */

/** The readings a value can fail: text is always readable. */
export type StrictReading = 'number' | 'date' | 'boolean';

interface UnreadableExample {
  /** The physical line of the CSV the record starts on (the header is line 1). */
  line: number;
  /** The cell as written, cut to EXAMPLE_CHARS. */
  value: string;
}

export interface UnreadableField {
  field: string;
  reading: StrictReading;
  /** Cells that were not blank and could not be read this way. */
  count: number;
  /** The lowest-numbered lines, at most EXAMPLES, in line order. */
  examples: UnreadableExample[];
}

/** Sorted by field, then reading; every field the run checked, unreadable or not. */
export type UnreadableSummary = UnreadableField[];

const EXAMPLES = 3;
const EXAMPLE_CHARS = 60;

export function emptyUnreadable(checks: { field: string; reading: StrictReading }[]): UnreadableSummary {
  return mergeUnreadable(
    [],
    checks.map((c) => ({ field: c.field, reading: c.reading, count: 0, examples: [] })),
  );
}

/** Counts one unreadable cell; lines arrive in increasing order within one summary. */
export function recordUnreadable(entry: UnreadableField, line: number, value: string): void {
  entry.count++;
  if (entry.examples.length < EXAMPLES) entry.examples.push({ line, value: value.length > EXAMPLE_CHARS ? `${value.slice(0, EXAMPLE_CHARS - 1)}…` : value });
}

/** Both summaries as one: counts summed, the examples with the lowest lines kept. Neither input changes. */
export function mergeUnreadable(a: UnreadableSummary, b: UnreadableSummary): UnreadableSummary {
  const byKey = new Map<string, UnreadableField>();
  for (const e of [...a, ...b]) {
    const key = `${e.field}\u0000${e.reading}`;
    const had = byKey.get(key);
    if (!had) byKey.set(key, { field: e.field, reading: e.reading, count: e.count, examples: [...e.examples] });
    else {
      had.count += e.count;
      had.examples = [...had.examples, ...e.examples].sort((x, y) => x.line - y.line).slice(0, EXAMPLES);
    }
  }
  return [...byKey.values()].sort((x, y) => (x.field < y.field ? -1 : x.field > y.field ? 1 : x.reading < y.reading ? -1 : x.reading > y.reading ? 1 : 0));
}

/** The fields with at least one unreadable value. */
export function unreadableOnly(s: UnreadableSummary): UnreadableField[] {
  return s.filter((e) => e.count > 0);
}
