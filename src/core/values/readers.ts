/**
 * The readers of one locale, made once and shared: every command that scores leads reads a
 * number or a date through these, so `score`, `diff --leads`, `test`, the workshop and
 * `export` cannot disagree about a value.
 */
import type { LeadValue } from '../rubric/engine/compile.js';
import { dayReader } from './day.js';
import { DEFAULT_LOCALE, type Locale } from './locale.js';
import { numberReader } from './number.js';

export interface Readers {
  locale: Locale;
  /** NaN when the value holds no number. */
  number(v: LeadValue): number;
  /** Days since 1970-01-01; NaN when the value names no day. */
  day(v: LeadValue): number;
}

const made = new Map<Locale, Readers>();

export function readersFor(locale: Locale = DEFAULT_LOCALE): Readers {
  let r = made.get(locale);
  if (!r) {
    r = { locale, number: numberReader(locale), day: dayReader(locale) };
    made.set(locale, r);
  }
  return r;
}

