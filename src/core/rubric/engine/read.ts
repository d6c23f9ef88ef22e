/**
 * How a lead's value is read for a comparison. The rubric value's type decides the
 * reading; a value that cannot be read that way is unknown (NaN / undefined here).
 * These run once per cell on millions of rows, so they scan char codes instead of
 * using regular expressions, and allocate nothing on the common path.
 */
import type { LeadValue } from './compile.js';

/** No value: absent, null, empty or only white space. */
export function isBlank(v: LeadValue): boolean {
  if (v === undefined || v === null) return true;
  if (typeof v !== 'string') return false;
  const n = v.length;
  if (n === 0) return true;
  const c = v.charCodeAt(0);
  if (c > 32 && c !== 160) return false;
  return v.trim() === '';
}

/**
 * A number as people write one in a spreadsheet: optional sign, digits optionally grouped
 * by commas in threes (1,200), a decimal point, an exponent. Currency, percent, suffixes
 * (5k) and hex are not numbers: guessing would score a lead on a value nobody wrote.
 */
export function readNumber(v: LeadValue): number {
  if (typeof v === 'number') return Number.isFinite(v) ? v : NaN;
  if (typeof v !== 'string') return NaN;
  const n = v.length;
  let i = 0;
  while (i < n && isSpace(v.charCodeAt(i))) i++;
  let end = n;
  while (end > i && isSpace(v.charCodeAt(end - 1))) end--;
  if (i === end) return NaN;
  let j = i;
  let c = v.charCodeAt(j);
  if (c === 43 || c === 45) j++; // + -
  let digits = 0;
  let commas = false;
  let group = -1; // digits since the last comma, -1 before any comma
  for (; j < end; j++) {
    c = v.charCodeAt(j);
    if (c >= 48 && c <= 57) {
      digits++;
      if (group >= 0) group++;
    } else if (c === 44) {
      // a comma separates thousands: at least one digit before, exactly three after
      if (digits === 0 || (group >= 0 && group !== 3)) return NaN;
      commas = true;
      group = 0;
    } else break;
  }
  if (group >= 0 && group !== 3) return NaN;
  if (j < end && v.charCodeAt(j) === 46) {
    j++;
    for (; j < end; j++) {
      c = v.charCodeAt(j);
      if (c >= 48 && c <= 57) digits++;
      else break;
    }
  }
  if (digits === 0) return NaN;
  if (j < end && (v.charCodeAt(j) | 32) === 101) {
    j++;
    if (j < end && (v.charCodeAt(j) === 43 || v.charCodeAt(j) === 45)) j++;
    const start = j;
    while (j < end && v.charCodeAt(j) >= 48 && v.charCodeAt(j) <= 57) j++;
    if (j === start) return NaN;
  }
  if (j !== end) return NaN;
  const text = i === 0 && end === n ? v : v.slice(i, end);
  const num = commas ? Number(text.replace(/,/g, '')) : Number(text);
  return Number.isFinite(num) ? num : NaN;
}

const TRUE_WORDS = new Set(['true', 'yes', '1']);
const FALSE_WORDS = new Set(['false', 'no', '0']);

/** true/false/yes/no/1/0 in any case; anything else is unknown. */
export function readBoolean(v: LeadValue): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v === 1 ? true : v === 0 ? false : undefined;
  if (typeof v !== 'string') return undefined;
  if (TRUE_WORDS.has(v)) return true;
  if (FALSE_WORDS.has(v)) return false;
  const trimmed = v.trim();
  if (trimmed.length > 5) return undefined; // no boolean word is longer: skip lower-casing long text
  const t = trimmed.toLowerCase();
  if (TRUE_WORDS.has(t)) return true;
  if (FALSE_WORDS.has(t)) return false;
  return undefined;
}

/**
 * An ISO 8601 date (YYYY-MM-DD, optionally followed by a time) as a day number since
 * 1970-01-01. The calendar date as written counts; a time or offset after it is ignored,
 * so that a lead's day never shifts with the machine's time zone.
 */
export function readDay(v: LeadValue): number {
  if (typeof v !== 'string') return NaN;
  let i = 0;
  const n = v.length;
  while (i < n && isSpace(v.charCodeAt(i))) i++;
  if (n - i < 10) return NaN;
  const y = digits(v, i, 4);
  const m = digits(v, i + 5, 2);
  const d = digits(v, i + 8, 2);
  if (y < 0 || m < 1 || m > 12 || d < 1 || v.charCodeAt(i + 4) !== 45 || v.charCodeAt(i + 7) !== 45) return NaN;
  if (d > daysInMonth(y, m)) return NaN;
  let end = n;
  while (end > i + 10 && isSpace(v.charCodeAt(end - 1))) end--;
  if (end > i + 10 && !TIME_TAIL.test(v.slice(i + 10, end))) return NaN;
  return dayNumber(y, m, d);
}

const TIME_TAIL = /^[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;

function digits(s: string, at: number, count: number): number {
  let out = 0;
  for (let k = at; k < at + count; k++) {
    const c = s.charCodeAt(k);
    if (c < 48 || c > 57) return -1;
    out = out * 10 + (c - 48);
  }
  return out;
}

/** White space around a value, as every reader trims it: space, tab, line breaks, form feed, vertical tab, no-break space. */
export function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 160 || c === 12 || c === 11;
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
export function dayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * The first day of a `within_last` window. Months count calendar months back and land on
 * the same day of the month, or the month's last day when it has fewer days
 * (3m before 2026-05-31 is 2026-02-28).
 */
export function windowStart(asOf: string, period: string): number {
  const m = /^(\d+)([dwm])$/.exec(period.trim());
  if (!m) throw new Error(`not a period: ${period}`);
  const n = Number(m[1]);
  const [y, mo, d] = asOf.split('-').map(Number) as [number, number, number];
  if (m[2] === 'd') return dayNumber(y, mo, d) - n;
  if (m[2] === 'w') return dayNumber(y, mo, d) - 7 * n;
  const total = y * 12 + (mo - 1) - n;
  const ty = Math.floor(total / 12);
  const tm = total - ty * 12 + 1;
  return dayNumber(ty, tm, Math.min(d, daysInMonth(ty, tm)));
}

/** Text as compared: trimmed and lower-cased. */
export function readText(v: LeadValue): string | undefined {
  if (v === undefined || v === null) return undefined;
  const t = String(v).trim();
  return t === '' ? undefined : t.toLowerCase();
}
