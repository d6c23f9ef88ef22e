/**
 * Reading a lead's date in a locale, as a day number since 1970-01-01. ISO 8601 is read in
 * every locale by the scanner in rubric/engine/read.ts; a date written the locale's way
 * (11/20/2026 in `en`, 20.11.2026 in `de`) is tested against its form (forms.ts) first.
 * The calendar date as written counts: a time or a zone after it never moves the day.
 */
import type { LeadValue } from '../rubric/engine/compile.js';
import { dayNumber, daysInMonth, readDay } from '../rubric/engine/read.js';
import { localDateForm } from './forms.js';
import { RULES, type Locale } from './locale.js';
import { isReaderSpace } from './number.js';

/** The day a lead's value names in `locale`; NaN when it names none. */
export function dayReader(locale: Locale): (v: LeadValue) => number {
  const form = new RegExp(localDateForm(locale));
  const monthFirst = RULES[locale].dates === 'mdy';
  const mark = RULES[locale].dateMark.charCodeAt(0);
  return (v) => {
    const iso = readDay(v);
    if (!Number.isNaN(iso) || typeof v !== 'string') return iso;
    let i = 0;
    while (i < v.length && isReaderSpace(v.charCodeAt(i))) i++;
    // the form starts with one or two digits and the date mark: most text fails here, before the regular expression
    if (v.charCodeAt(i + 1) !== mark && v.charCodeAt(i + 2) !== mark) return NaN;
    const s = i === 0 ? v : v.slice(i);
    if (!form.test(s)) return NaN;
    const first = s.indexOf(RULES[locale].dateMark);
    const second = s.indexOf(RULES[locale].dateMark, first + 1);
    const a = Number(s.slice(0, first));
    const b = Number(s.slice(first + 1, second));
    const y = Number(s.slice(second + 1, second + 5));
    const m = monthFirst ? a : b;
    const d = monthFirst ? b : a;
    if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return NaN;
    return dayNumber(y, m, d);
  };
}
