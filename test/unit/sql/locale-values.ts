import { RubricSchema, type Rubric } from '../../../src/core/schemas/rubric.js';
import type { Locale } from '../../../src/core/values/locale.js';
import { readersFor } from '../../../src/core/values/readers.js';

/**
 * The numbers and dates of every locale, to be read by the evaluator and by the SQL `rubric sql`
 * generates, in DuckDB and PostgreSQL (leaves.test.ts, which has both engines running). The
 * rubric has one `eq` criterion per value the evaluator reads and one that fires on any readable
 * value, so the fired criteria of a row say exactly what each side read, and that an unreadable
 * value is unknown (NULL) on both.
 */
export const NUMBERS = [
  '1200', ' 1200 ', '-3', '+7', '0', '-0', '1,200', '1,200.50', '1234,567', '1.200,50', '1 200,50', '1\u00a0200,50', '1\u202f200,50', '1 000 000', '10,000,000', '12.345.678',
  '12.345.678,9', '$1,200', '-$1,200', '$-1,200', '-$-1', '+$5', '$ 12', '1,200 USD', 'USD 1,200', '12 GBP', '€5', '1.200,50 €', '1 200,50 €', 'EUR1.200,50', '£1,234,567.89',
  '¥1200', 'eur 12', '45%', '45 %', '45,5 %', '-4.5%', '12k', '12K', '1.5M', '1,5M', '1.5m', '2B', '1.1k', '0.1k', '$5k', '12kk', '$', '%', 'k', '1,2,3', '1.2.3', '12,00',
  '1.5', '1,5', '.5', ',5', '5.', '1e3', '1,200e3', '1,5e3', '12e', '0x10', 'n/a', '- 5', '$12 USD', '12k%', '(12)', '1,200.50.1', '999999999999999999999', `1${'0'.repeat(400)}`,
  `${'9'.repeat(400)}k`, '١٢', '', ' ',
];
export const DATES = [
  '11/20/2026', '1/2/2026', '20.11.2026', '20/11/2026', '2026-11-20', '2026-11-20 14:32', '2026-11-20T23:30:00-08:00', '2026-11-20T23:30:00Z', '11/20/2026 14:32',
  '11/20/2026 2:32 PM', '11/20/2026 2:32pm', '20.11.2026 14:32', '20.11.2026 14:32:05', '13/13/2026', '2/29/2026', '29.02.2028', '2/29/2028', '29/02/2028', '31/04/2026', '11/20/26',
  '11-20-2026', ' 11/20/2026 ', '11/20/2026x', '00/10/2026', '1.1.2026', '01.01.2026', '2026/11/20', '20.11.2026T14:32', '111/20/2026', '11/20/20266', '', 'soon',
];
export const LOCALE_HEADER = ['id', 'n', 'd'];
export const LOCALE_ROWS = Array.from({ length: Math.max(NUMBERS.length, DATES.length) }, (_, i) => [`r${i}`, NUMBERS[i] ?? null, DATES[i] ?? null]);

/** The values the evaluator reads in `locale`, each as an `eq` criterion, and `any-*` for a readable value. */
export function readingRubric(locale: Locale): Rubric {
  const r = readersFor(locale);
  const numbers = [...new Set(NUMBERS.map((v) => r.number(v)).filter((n) => !Number.isNaN(n)))];
  const days = [...new Set(DATES.map((v) => r.day(v)).filter((d) => !Number.isNaN(d)))].map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10));
  return RubricSchema.parse({
    stages: [{ id: 'mql', min: 1 }],
    criteria: [
      ...numbers.map((value, i) => ({ id: `n${i}`, when: { field: 'n', op: 'eq', value }, points: 1 })),
      ...days.map((value, i) => ({ id: `d${i}`, when: { field: 'd', op: 'eq', value }, points: 1 })),
      { id: 'any-n', when: { field: 'n', op: 'gte', value: -Number.MAX_VALUE }, points: 1 },
      { id: 'any-d', when: { field: 'd', op: 'after', value: '1000-01-01' }, points: 1 },
    ],
  });
}

