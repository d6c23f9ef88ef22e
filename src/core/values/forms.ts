/**
 * The written forms of numbers and dates, as regular expressions (JavaScript syntax), defined
 * once: `rubric sql` translates them for each engine (sql/reads.ts), and the evaluator tests
 * the number forms in JavaScript and reads the date forms with scanners held equal to them by
 * tests, so a value reads the same in `score` and in the warehouse.
 */
import { RULES, type Locale } from './locale.js';

/** The white space the number and date readers skip around a value. */
const SP = '[ \\t\\n\\r\\u00a0\\f\\v]';

/** Currency marks read (and ignored) before or after an amount. */
const CURRENCY = '(?:[$€£¥]|USD|EUR|GBP|CHF|CAD|AUD|JPY)';

/** k, M, B after the digits: thousands, millions, billions, as the exponent they add. */
export const SUFFIXES: readonly { letters: string; exponent: string }[] = [
  { letters: 'kK', exponent: 'e3' },
  { letters: 'mM', exponent: 'e6' },
  { letters: 'bB', exponent: 'e9' },
];

/** The plain machine number: sign, digits with optional `,` groups, a decimal point, an exponent (the en fast path's shape). */
export const PLAIN_NUMBER_EN = `^${SP}*[+-]?(?:[0-9]+(?:,[0-9]{3})*(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?${SP}*$`;

/** A number as people write one in `locale`: grouped digits, the locale's decimal mark, then a currency, a k/M/B suffix or a percent sign. */
export function numberForm(locale: Locale): string {
  const { group, decimal } = RULES[locale];
  const d = decimal === '.' ? '\\.' : ',';
  const num = `(?:[0-9]+(?:[${group}][0-9]{3})*(?:${d}[0-9]+)?|${d}[0-9]+)`;
  const suffix = `[${SUFFIXES.map((s) => s.letters).join('')}]`;
  const before = `(?:[+-]?${CURRENCY}${SP}?|${CURRENCY}${SP}?[+-])${num}${suffix}?`;
  const after = `[+-]?${num}${suffix}?(?:${SP}?${CURRENCY})?`;
  const percent = `[+-]?${num}${SP}?%`;
  return `^${SP}*(?:${before}|${after}|${percent})${SP}*$`;
}

/** What is removed from a number that has its form, leaving sign, digits and the decimal mark. */
export function numberNoise(locale: Locale): string {
  return RULES[locale].decimal === '.' ? '[^0-9+.-]' : '[^0-9+,-]';
}

/** A suffix letter right after a digit; only a suffix can be there in a number of the form. */
export const suffixAfterDigit = (letters: string): string => `[0-9][${letters}]`;

/** An ISO 8601 date, optionally with a time and a zone; tested after the leading white space. */
export const ISO_DATE = `^[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\\.[0-9]+)?)?(?:Z|[+-][0-9]{2}:?[0-9]{2})?)?${SP}*$`;

/** A date written the locale's way (11/20/2026, 20.11.2026), optionally with a time (14:32, 2:32 PM); tested after the leading white space. */
export function localDateForm(locale: Locale): string {
  const mark = RULES[locale].dateMark === '.' ? '\\.' : '/';
  return `^[0-9]{1,2}${mark}[0-9]{1,2}${mark}[0-9]{4}(?: [0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?(?: ?[AaPp][Mm])?)?${SP}*$`;
}
