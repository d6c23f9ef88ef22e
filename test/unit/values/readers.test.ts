import { describe, expect, it } from 'vitest';
import type { Locale } from '../../../src/core/values/locale.js';
import { readersFor } from '../../../src/core/values/readers.js';

/** A day as the readers give it: days since 1970-01-01. */
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
const U = NaN; // unreadable: unknown

/** One row per written value: what it reads as in en, en-GB, de and fr. */
const NUMBERS: [string, number, number, number, number][] = [
  // plain, in every locale
  ['1200', 1200, 1200, 1200, 1200],
  [' 1200 ', 1200, 1200, 1200, 1200],
  ['-3', -3, -3, -3, -3],
  ['+7', 7, 7, 7, 7],
  // grouping and decimals: the locale decides
  ['1,200', 1200, 1200, 1.2, 1.2],
  ['1,200.50', 1200.5, 1200.5, U, U],
  ['1.200', 1.2, 1.2, 1200, U],
  ['1.200,50', U, U, 1200.5, U],
  ['1 200,50', U, U, U, 1200.5],
  ['1\u00a0200,50', U, U, U, 1200.5],
  ['1\u202f200,50', U, U, U, 1200.5],
  ['12.345.678,9', U, U, 12345678.9, U],
  ['10,000,000', 10000000, 10000000, U, U],
  ['1.5', 1.5, 1.5, U, U],
  ['1,5', U, U, 1.5, 1.5],
  ['.5', 0.5, 0.5, U, U],
  [',5', U, U, 0.5, 0.5],
  ['1e3', 1000, 1000, U, U],
  // currency, before or after, with or without a space
  ['$1,200', 1200, 1200, 1.2, 1.2],
  ['-$1,200', -1200, -1200, -1.2, -1.2],
  ['$-1,200', -1200, -1200, -1.2, -1.2],
  ['1.200,50 €', U, U, 1200.5, U],
  ['1 200,50 €', U, U, U, 1200.5],
  ['USD 1,200', 1200, 1200, 1.2, 1.2],
  ['1,200 USD', 1200, 1200, 1.2, 1.2],
  ['£1,234,567.89', 1234567.89, 1234567.89, U, U],
  // percent: the number as written
  ['45%', 45, 45, 45, 45],
  ['45,5 %', U, U, 45.5, 45.5],
  ['-4.5%', -4.5, -4.5, U, U],
  // k, M, B: exact powers of ten
  ['12k', 12000, 12000, 12000, 12000],
  ['1.5M', 1500000, 1500000, U, U],
  ['1,5M', U, U, 1500000, 1500000],
  ['1.1k', 1100, 1100, U, U],
  ['2B', 2e9, 2e9, 2e9, 2e9],
  ['$5k', 5000, 5000, 5000, 5000],
  // ambiguous or malformed: unknown everywhere they are
  ['12kk', U, U, U, U],
  ['$', U, U, U, U],
  ['%', U, U, U, U],
  ['k', U, U, U, U],
  ['1,2,3', U, U, U, U],
  ['1.2.3', U, U, U, U],
  ['12,00', U, U, 12, 12],
  ['-$-1', U, U, U, U],
  ['$12 USD', U, U, U, U],
  ['12k%', U, U, U, U],
  ['(12)', U, U, U, U],
  ['0x10', U, U, U, U],
  ['1,200.50.1', U, U, U, U],
  ['n/a', U, U, U, U],
  ['', U, U, U, U],
  [`1${'0'.repeat(400)}`, U, U, U, U],
];

const DATES: [string, number, number, number, number][] = [
  // ISO 8601 in every locale; a time or a zone never moves the day written
  ['2026-11-20', day('2026-11-20'), day('2026-11-20'), day('2026-11-20'), day('2026-11-20')],
  ['2026-11-20 14:32', day('2026-11-20'), day('2026-11-20'), day('2026-11-20'), day('2026-11-20')],
  ['2026-11-20T23:30:00-08:00', day('2026-11-20'), day('2026-11-20'), day('2026-11-20'), day('2026-11-20')],
  ['2026-11-20T00:30:00+09:00', day('2026-11-20'), day('2026-11-20'), day('2026-11-20'), day('2026-11-20')],
  // the locale's own form
  ['11/20/2026', day('2026-11-20'), U, U, U],
  ['20/11/2026', U, day('2026-11-20'), U, day('2026-11-20')],
  ['20.11.2026', U, U, day('2026-11-20'), U],
  ['1/2/2026', day('2026-01-02'), day('2026-02-01'), U, day('2026-02-01')],
  ['11/20/2026 2:32 PM', day('2026-11-20'), U, U, U],
  ['20.11.2026 14:32', U, U, day('2026-11-20'), U],
  ['2/29/2028', day('2028-02-29'), U, U, U],
  // ambiguous or malformed
  ['13/13/2026', U, U, U, U],
  ['2/29/2026', U, U, U, U],
  ['31/04/2026', U, U, U, U],
  ['11/20/26', U, U, U, U],
  ['11-20-2026', U, U, U, U],
  ['2026/11/20', U, U, U, U],
  ['00/10/2026', U, U, U, U],
  ['11/20/2026x', U, U, U, U],
  ['soon', U, U, U, U],
  ['', U, U, U, U],
];

const LOCALES: Locale[] = ['en', 'en-GB', 'de', 'fr'];

describe.each(LOCALES.map((locale, k) => [locale, k] as const))('locale %s', (locale, k) => {
  const r = readersFor(locale);
  it.each(NUMBERS.map((row) => [row[0], row[k + 1]] as const))('number %j reads as %s', (text, expected) => {
    expect(r.number(text)).toBe(expected);
  });
  it.each(DATES.map((row) => [row[0], row[k + 1]] as const))('date %j reads as day %s', (text, expected) => {
    expect(r.day(text)).toBe(expected);
  });
});

it('a value already typed (a golden lead in YAML) is read as it is, in any locale', () => {
  for (const locale of LOCALES) {
    expect(readersFor(locale).number(1200)).toBe(1200);
    expect(readersFor(locale).number(Infinity)).toBeNaN();
    expect(readersFor(locale).day(true)).toBeNaN();
  }
});
