/**
 * Reading a lead's date in a locale, as a day number since 1970-01-01. ISO 8601 is read in
 * every locale by the scanner in rubric/engine/read.ts; a date written the locale's way
 * (11/20/2026 in `en`, 20.11.2026 in `de`) by the scanner below, which reads exactly the
 * texts of `localDateForm` (forms.ts, the form the SQL engines test; a test holds them equal)
 * at the speed of the ISO scanner: CRM exports are full of such dates.
 * The calendar date as written counts: a time or a zone after it never moves the day.
 */
import type { LeadValue } from '../rubric/engine/compile.js';
import { dayNumber, daysInMonth, isSpace, readDay } from '../rubric/engine/read.js';
import { RULES, type Locale } from './locale.js';

/** The day a lead's value names in `locale`; NaN when it names none. */
export function dayReader(locale: Locale): (v: LeadValue) => number {
  const monthFirst = RULES[locale].dates === 'mdy';
  const mark = RULES[locale].dateMark.charCodeAt(0);
  return (v) => {
    const iso = readDay(v);
    if (!Number.isNaN(iso) || typeof v !== 'string') return iso;
    const ymd = scanLocalDate(v, mark, monthFirst);
    if (ymd < 0) return NaN;
    const y = Math.floor(ymd / 10000);
    const m = Math.floor(ymd / 100) % 100;
    const d = ymd % 100;
    if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return NaN;
    return dayNumber(y, m, d);
  };
}

/** y * 10000 + m * 100 + d of a text of the locale's date form (not yet checked against the calendar); -1 for any other text. */
export function scanLocalDate(s: string, mark: number, monthFirst: boolean): number {
  const n = s.length;
  let i = 0;
  while (i < n && isSpace(s.charCodeAt(i))) i++;
  const a = upTo2(s, i);
  if (a < 0) return -1;
  i += a >= 100 ? 2 : 1;
  if (s.charCodeAt(i) !== mark) return -1;
  const b = upTo2(s, ++i);
  if (b < 0) return -1;
  i += b >= 100 ? 2 : 1;
  if (s.charCodeAt(i) !== mark) return -1;
  i++;
  let y = 0;
  for (const end = i + 4; i < end; i++) {
    const c = s.charCodeAt(i) - 48;
    if (!(c >= 0 && c <= 9)) return -1;
    y = y * 10 + c;
  }
  if (s.charCodeAt(i) === 32 && isDigit(s.charCodeAt(i + 1))) {
    // a time: H:MM or HH:MM, then :SS, then AM/PM (a space before it or not)
    const h = upTo2(s, i + 1);
    i += h >= 100 ? 3 : 2;
    if (s.charCodeAt(i) !== 58 || !isDigit(s.charCodeAt(i + 1)) || !isDigit(s.charCodeAt(i + 2))) return -1;
    i += 3;
    if (s.charCodeAt(i) === 58) {
      if (!isDigit(s.charCodeAt(i + 1)) || !isDigit(s.charCodeAt(i + 2))) return -1;
      i += 3;
    }
    const k = s.charCodeAt(i) === 32 ? i + 1 : i;
    const ap = s.charCodeAt(k) | 32;
    if ((ap === 97 || ap === 112) && (s.charCodeAt(k + 1) | 32) === 109) i = k + 2;
  }
  while (i < n && isSpace(s.charCodeAt(i))) i++;
  if (i !== n) return -1;
  const dm = (a % 100) * 100 + (b % 100);
  return y * 10000 + (monthFirst ? dm : (b % 100) * 100 + (a % 100));
}

/** One or two digits at `at`: their value, plus 100 when there were two; -1 when there is none. */
function upTo2(s: string, at: number): number {
  const c = s.charCodeAt(at) - 48;
  if (!(c >= 0 && c <= 9)) return -1;
  const c2 = s.charCodeAt(at + 1) - 48;
  return c2 >= 0 && c2 <= 9 ? 100 + c * 10 + c2 : c;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
