/**
 * How a lead's text is read in SQL, mirroring src/core/rubric/read.ts character for character:
 * the same white space, the same number and date shapes. Each reading is an expression over
 * the cell's text (NULL for a SQL NULL); NULL means unknown.
 */
import { ISO_DATE, localDateForm, numberForm, numberNoise, PLAIN_NUMBER_EN, SUFFIXES, suffixAfterDigit } from '../values/forms.js';
import { RULES, type Locale } from '../values/locale.js';
import type { Dialect } from './dialect.js';
import { translateRegex } from './regex-emit.js';

/** What String.prototype.trim removes: ECMAScript WhiteSpace and LineTerminator. */
const JS_TRIM = '\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';
/** The white space that the evaluator's number and date readers skip around a value. */
const READER_SPACE = ' \t\n\r\u00a0\f\v';


export type Reading = 'number' | 'boolean' | 'date' | 'text';

/**
 * A cell as text (`raw`); trimmed of every JavaScript space (`trim`); the plain number reader's
 * text (`strip`: the reader's few spaces trimmed, thousands commas removed); a number as people
 * write it brought to the machine form (`canon`: only sign, digits and the decimal point, with
 * the exponent of a k/M/B suffix); the date reader's (`lstrip`: its spaces trimmed on the left).
 */
export interface Cell {
  raw: string;
  trim: string;
  strip: string;
  canon: string;
  lstrip: string;
}
export type CellPart = Exclude<keyof Cell, 'raw'>;

export function cellPartSql(d: Dialect, raw: string, part: CellPart, locale: Locale): string {
  switch (part) {
    case 'trim':
      return d.trim(raw, JS_TRIM);
    case 'strip':
      return `replace(${d.trim(raw, READER_SPACE)}, ',', '')`;
    case 'lstrip':
      return d.ltrim(raw, READER_SPACE);
    case 'canon': {
      const kept = d.replaceAll(raw, translateRegex(numberNoise(locale), d.flavor));
      const point = RULES[locale].decimal === ',' ? `replace(${kept}, ',', '.')` : kept;
      const exponent = SUFFIXES.map((s) => `WHEN ${d.regex(raw, translateRegex(suffixAfterDigit(s.letters), d.flavor), false)} THEN '${s.exponent}'`).join(' ');
      return `(${point} || CASE ${exponent} ELSE '' END)`;
    }
  }
}

/** The cell parts each reading looks at in `locale`. */
export function partsOf(need: Reading | 'blank', locale: Locale): CellPart[] {
  switch (need) {
    case 'blank':
      return ['trim', 'lstrip'];
    case 'number':
      return RULES[locale].exponent ? ['strip', 'canon'] : ['canon'];
    case 'date':
      return ['lstrip'];
    default:
      return ['trim'];
  }
}

/**
 * Blank as the evaluator's isBlank decides it: NULL, empty, or only white space that starts
 * with one of the reader's space characters (a cell of only, say, U+2003 is not blank there).
 */
export function blankSql(_d: Dialect, c: Cell, _locale: Locale): string {
  return `(${c.raw} IS NULL OR ${c.raw} = '' OR (${c.trim} = '' AND ${c.lstrip} <> ${c.raw}))`;
}

/** Trimmed, lower-cased text; NULL when blank. */
export function textSql(_d: Dialect, c: Cell, _locale: Locale): string {
  return `NULLIF(lower(${c.trim}), '')`;
}

/** A number of the locale's forms (values/forms.ts) read as a double, as numberReader reads it; anything else is NULL. */
export function numberSql(d: Dialect, c: Cell, locale: Locale): string {
  const form = d.regex(c.raw, translateRegex(numberForm(locale), d.flavor), false);
  if (!RULES[locale].exponent) return `CASE WHEN ${form} THEN ${d.toDouble(c.canon)} END`;
  const plain = d.regex(c.raw, translateRegex(PLAIN_NUMBER_EN, d.flavor), false);
  return `CASE WHEN ${plain} THEN ${d.toDouble(c.strip)} WHEN ${form} THEN ${d.toDouble(c.canon)} END`;
}

/** true/yes/1 and false/no/0 in any case, with any spaces around. */
export function booleanSql(_d: Dialect, c: Cell, _locale: Locale): string {
  const t = `lower(${c.trim})`;
  return `CASE WHEN ${t} IN ('true', 'yes', '1') THEN TRUE WHEN ${t} IN ('false', 'no', '0') THEN FALSE END`;
}

/**
 * A date as the number yyyymmdd (ordered like the days themselves), NULL unless the text is a
 * real calendar date in ISO 8601 form or the locale's (11/20/2026, 20.11.2026), as dayReader
 * reads it; a time or offset after the date is ignored.
 */
export function daySql(d: Dialect, c: Cell, locale: Locale): string {
  const s = c.lstrip;
  const iso = d.regex(s, translateRegex(ISO_DATE, d.flavor), false);
  const isoDay = d.ymd ? d.ymd(s) : checkedYmd(d, d.toInt(`substr(${s}, 1, 4)`), d.toInt(`substr(${s}, 6, 2)`), d.toInt(`substr(${s}, 9, 2)`));
  const rules = RULES[locale];
  const local = d.regex(s, translateRegex(localDateForm(locale), d.flavor), false);
  const part = (n: number) => d.splitPart(s, rules.dateMark, n);
  const a = d.toInt(part(1));
  const b = d.toInt(part(2));
  const y = d.toInt(`substr(${part(3)}, 1, 4)`);
  const localDay = rules.dates === 'mdy' ? checkedYmd(d, y, a, b) : checkedYmd(d, y, b, a);
  return `CASE WHEN ${iso} THEN ${isoDay} WHEN ${local} THEN ${localDay} END`;
}

/** y * 10000 + m * 100 + day when that is a day of the calendar, else NULL. */
function checkedYmd(d: Dialect, y: string, m: string, day: string): string {
  const leap = `((${d.mod(y, '4')} = 0 AND ${d.mod(y, '100')} <> 0) OR ${d.mod(y, '400')} = 0)`;
  const last = `CASE WHEN ${m} = 2 THEN (CASE WHEN ${leap} THEN 29 ELSE 28 END) WHEN ${m} IN (4, 6, 9, 11) THEN 30 ELSE 31 END`;
  return `(CASE WHEN ${m} BETWEEN 1 AND 12 AND ${day} BETWEEN 1 AND ${last} THEN ${y} * 10000 + ${m} * 100 + ${day} END)`;
}

/** A day number (days since 1970-01-01, as the evaluator counts) as yyyymmdd. */
export function dayToYmd(day: number): number {
  const date = new Date(day * 86_400_000);
  return date.getUTCFullYear() * 10000 + (date.getUTCMonth() + 1) * 100 + date.getUTCDate();
}
