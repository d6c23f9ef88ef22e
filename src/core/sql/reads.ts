/**
 * How a lead's text is read in SQL, mirroring src/core/rubric/read.ts character for character:
 * the same white space, the same number and date shapes. Each reading is an expression over
 * the cell's text (NULL for a SQL NULL); NULL means unknown.
 */
import type { Dialect } from './dialect.js';
import { translateRegex } from './regex-emit.js';

/** What String.prototype.trim removes: ECMAScript WhiteSpace and LineTerminator. */
const JS_TRIM = '\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';
/** The white space that the evaluator's number and date readers skip around a value. */
const READER_SPACE = ' \t\n\r\u00a0\f\v';

const SP = '[ \\t\\n\\r\\u00a0\\f\\v]';
const NUMBER_SHAPE = `^${SP}*[+-]?(?:[0-9]+(?:,[0-9]{3})*(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?${SP}*$`;
/** After the leading white space: a calendar date, optionally a time, then only white space. */
const DATE_SHAPE = `^[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\\.[0-9]+)?)?(?:Z|[+-][0-9]{2}:?[0-9]{2})?)?${SP}*$`;

export type Reading = 'number' | 'boolean' | 'date' | 'text';

/**
 * A cell as text (`raw`); trimmed of every JavaScript space (`trim`); the number reader's text
 * (`strip`: the reader's few spaces trimmed, thousands commas removed); the date reader's
 * (`lstrip`: its spaces trimmed on the left).
 */
export interface Cell {
  raw: string;
  trim: string;
  strip: string;
  lstrip: string;
}
export type CellPart = Exclude<keyof Cell, 'raw'>;

export function cellPartSql(d: Dialect, raw: string, part: CellPart): string {
  if (part === 'trim') return d.trim(raw, JS_TRIM);
  return part === 'strip' ? `replace(${d.trim(raw, READER_SPACE)}, ',', '')` : d.ltrim(raw, READER_SPACE);
}

/** The cell parts each reading looks at. */
export const PARTS: Record<Reading | 'blank', CellPart[]> = { blank: ['trim', 'lstrip'], text: ['trim'], number: ['strip'], boolean: ['trim'], date: ['lstrip'] };

/**
 * Blank as the evaluator's isBlank decides it: NULL, empty, or only white space that starts
 * with one of the reader's space characters (a cell of only, say, U+2003 is not blank there).
 */
export function blankSql(_d: Dialect, c: Cell): string {
  return `(${c.raw} IS NULL OR ${c.raw} = '' OR (${c.trim} = '' AND ${c.lstrip} <> ${c.raw}))`;
}

/** Trimmed, lower-cased text; NULL when blank. */
export function textSql(_d: Dialect, c: Cell): string {
  return `NULLIF(lower(${c.trim}), '')`;
}

/** 1,200 or -3.5e2 read as a double; anything else (5k, $5, 0x10) is NULL. */
export function numberSql(d: Dialect, c: Cell): string {
  const guard = d.regex(c.raw, translateRegex(NUMBER_SHAPE, d.flavor), false);
  return `CASE WHEN ${guard} THEN ${d.toDouble(c.strip)} END`;
}

/** true/yes/1 and false/no/0 in any case, with any spaces around. */
export function booleanSql(_d: Dialect, c: Cell): string {
  const t = `lower(${c.trim})`;
  return `CASE WHEN ${t} IN ('true', 'yes', '1') THEN TRUE WHEN ${t} IN ('false', 'no', '0') THEN FALSE END`;
}

/**
 * A date as the number yyyymmdd (ordered like the days themselves), NULL unless the text is a
 * real calendar date in ISO 8601 form; a time or offset after the date is ignored.
 */
export function daySql(d: Dialect, c: Cell): string {
  const s = c.lstrip;
  const guard = d.regex(s, translateRegex(DATE_SHAPE, d.flavor), false);
  if (d.ymd) return `CASE WHEN ${guard} THEN ${d.ymd(s)} END`;
  const y = d.toInt(`substr(${s}, 1, 4)`);
  const m = d.toInt(`substr(${s}, 6, 2)`);
  const day = d.toInt(`substr(${s}, 9, 2)`);
  const leap = `((${d.mod(y, '4')} = 0 AND ${d.mod(y, '100')} <> 0) OR ${d.mod(y, '400')} = 0)`;
  const last = `CASE WHEN ${m} = 2 THEN (CASE WHEN ${leap} THEN 29 ELSE 28 END) WHEN ${m} IN (4, 6, 9, 11) THEN 30 ELSE 31 END`;
  return `CASE WHEN ${guard} THEN (CASE WHEN ${m} BETWEEN 1 AND 12 AND ${day} BETWEEN 1 AND ${last} THEN ${y} * 10000 + ${m} * 100 + ${day} END) END`;
}

/** A day number (days since 1970-01-01, as the evaluator counts) as yyyymmdd. */
export function dayToYmd(day: number): number {
  const date = new Date(day * 86_400_000);
  return date.getUTCFullYear() * 10000 + (date.getUTCMonth() + 1) * 100 + date.getUTCDate();
}
