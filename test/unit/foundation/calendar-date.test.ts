import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIsoDate } from '../../../src/core/calendar-date.js';

/** The reference: a day exists when the Date it names prints back as the same text. */
const exists = (text: string) => {
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
};

describe('isIsoDate', () => {
  it('agrees with the calendar on every YYYY-MM-DD text, real days or not', () => {
    const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
    const text = fc.tuple(fc.integer({ min: 1000, max: 9999 }), two(19), two(39)).map(([y, m, d]) => `${y}-${m}-${d}`);
    fc.assert(fc.property(text, (t) => isIsoDate(t) === exists(t)), { numRuns: 20_000 });
  });

  it('refuses every other spelling', () => {
    for (const t of ['2026-2-03', '2026-02-3', '20260203', '2026-02-03T00:00', ' 2026-02-03', '2026/02/03', '']) expect(isIsoDate(t)).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2100-02-29')).toBe(false);
  });
});
