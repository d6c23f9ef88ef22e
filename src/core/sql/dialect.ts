import type { RegexFlavor } from './regex-emit.js';
import { numberLiteral, quoteIdent, quoteString, quoteTableName, type DialectName } from './quote.js';

/** What differs between SQL engines, as small SQL fragments; everything else is written once. */
export interface Dialect {
  name: DialectName;
  flavor: RegexFlavor;
  ident(name: string): string;
  table(name: string): string;
  str(text: string): string;
  /** A column read as text, whatever its type. */
  asText(expr: string): string;
  /** A double-precision literal, read by the engine as exactly the same double as JavaScript's. */
  double(n: number): string;
  /** Does `subject` contain a match of `pattern` (already in this engine's syntax)? */
  regex(subject: string, pattern: string, caseInsensitive: boolean): string;
  /** Text that passed the number guard (commas removed) as a double; NULL when JavaScript would read Infinity. */
  toDouble(text: string): string;
  toInt(text: string): string;
  trim(expr: string, chars: string): string;
  ltrim(expr: string, chars: string): string;
  contains(hay: string, needle: string): string;
  startsWith(hay: string, prefix: string): string;
  endsWith(hay: string, suffix: string): string;
  mod(a: string, b: string): string;
  /** `expr` with every match of `pattern` (already in this engine's syntax) removed. */
  replaceAll(expr: string, pattern: string): string;
  /** The n-th (from 1) part of `expr` cut at `sep`; '' past the end. */
  splitPart(expr: string, sep: string, n: number): string;
  /** The ids whose condition holds, in order, as the dialect's array type. */
  firedArray(items: { cond: string; id: string }[]): string;
  /** A date text that passed the date guard as yyyymmdd, NULL when not in the calendar; the generic form is arithmetic. */
  ymd?(text: string): string;
  /** Named constants toDouble refers to, selected once in a one-row CTE. */
  constants?: Record<string, string>;
}

/** Exactly 2^1024 - 2^970: JavaScript's Number() reads anything at or above it as Infinity. */
const OVERFLOW = (2n ** 1024n - 2n ** 970n).toString();
/** Exactly 2^-1075: at or below it a decimal rounds to zero. */
const UNDERFLOW = (() => {
  const digits = (5n ** 1075n).toString();
  return `0.${digits.padStart(1075, '0')}`;
})();

const postgres: Dialect = {
  name: 'postgres',
  flavor: 'are',
  ident: (n) => quoteIdent('postgres', n),
  table: (n) => quoteTableName('postgres', n),
  str: (t) => quoteString('postgres', t),
  asText: (e) => `CAST(${e} AS TEXT)`,
  double: (n) => (Number.isInteger(n) ? `CAST(${numberLiteral(n)} AS DOUBLE PRECISION)` : `CAST('${numberLiteral(n)}' AS DOUBLE PRECISION)`),
  regex: (s, p, ci) => `(${s} ${ci ? '~*' : '~'} ${quoteString('postgres', p)})`,
  // PostgreSQL 15 has no TRY_CAST, and float8 input fails on overflow and underflow, so the
  // value goes through NUMERIC (exact) with JavaScript's rounding limits checked there.
  // Exponents of four or more digits are beyond NUMERIC: they read as Infinity (unknown) or 0.
  toDouble(t) {
    const n = `CAST(${t} AS NUMERIC)`;
    return `CASE WHEN ${t} !~ '[eE]' OR ${t} ~ '[eE][+-]?0*[0-9]{1,3}$' THEN (CASE WHEN abs(${n}) >= js_overflow THEN NULL WHEN abs(${n}) <= js_underflow THEN CAST(0 AS DOUBLE PRECISION) ELSE CAST(${n} AS DOUBLE PRECISION) END) WHEN ${t} ~ '^[+-]?[0.]*[eE]' OR ${t} ~ '[eE]-' THEN CAST(0 AS DOUBLE PRECISION) END`;
  },
  constants: { js_overflow: `CAST('${OVERFLOW}' AS NUMERIC)`, js_underflow: `CAST('${UNDERFLOW}' AS NUMERIC)` },
  toInt: (t) => `CAST(${t} AS INTEGER)`,
  trim: (e, c) => `btrim(${e}, ${quoteString('postgres', c)})`,
  ltrim: (e, c) => `ltrim(${e}, ${quoteString('postgres', c)})`,
  contains: (h, n) => `(strpos(${h}, ${n}) > 0)`,
  startsWith: (h, p) => `starts_with(${h}, ${p})`,
  endsWith: (h, s) => `(right(${h}, length(${s})) = ${s})`,
  mod: (a, b) => `mod(${a}, ${b})`,
  replaceAll: (e, p) => `regexp_replace(${e}, ${quoteString('postgres', p)}, '', 'g')`,
  splitPart: (e, sep, n) => `split_part(${e}, ${quoteString('postgres', sep)}, ${n})`,
  firedArray: (items) =>
    items.length ? `array_remove(ARRAY[${items.map((i) => `CASE WHEN ${i.cond} THEN ${quoteString('postgres', i.id)} END`).join(', ')}]::TEXT[], NULL)` : `CAST(ARRAY[] AS TEXT[])`,
};

const duckdb: Dialect = {
  name: 'duckdb',
  flavor: 're2',
  ident: (n) => quoteIdent('duckdb', n),
  table: (n) => quoteTableName('duckdb', n),
  str: (t) => quoteString('duckdb', t),
  asText: (e) => `CAST(${e} AS VARCHAR)`,
  double: (n) => (Number.isInteger(n) ? `CAST(${numberLiteral(n)} AS DOUBLE)` : `CAST('${numberLiteral(n)}' AS DOUBLE)`),
  regex: (s, p, ci) => `regexp_matches(${s}, ${quoteString('duckdb', p)}${ci ? ", 'i'" : ''})`,
  toDouble: (t) => `(CASE WHEN isinf(TRY_CAST(${t} AS DOUBLE)) THEN NULL ELSE TRY_CAST(${t} AS DOUBLE) END)`,
  toInt: (t) => `TRY_CAST(${t} AS INTEGER)`,
  // DuckDB's DATE is proleptic Gregorian with a year 0, as the evaluator's calendar is; one cast beats six.
  ymd: (t) => `(year(TRY_CAST(substr(${t}, 1, 10) AS DATE)) * 10000 + month(TRY_CAST(substr(${t}, 1, 10) AS DATE)) * 100 + day(TRY_CAST(substr(${t}, 1, 10) AS DATE)))`,
  // trim() with a set of characters is several times slower in DuckDB than an RE2 replace.
  trim: (e, c) => `regexp_replace(${e}, '^${re2Class(c)}+|${re2Class(c)}+$', '', 'g')`,
  ltrim: (e, c) => `regexp_replace(${e}, '^${re2Class(c)}+', '')`,
  contains: (h, n) => `contains(${h}, ${n})`,
  startsWith: (h, p) => `starts_with(${h}, ${p})`,
  endsWith: (h, s) => `ends_with(${h}, ${s})`,
  mod: (a, b) => `(${a} % ${b})`,
  replaceAll: (e, p) => `regexp_replace(${e}, ${quoteString('duckdb', p)}, '', 'g')`,
  splitPart: (e, sep, n) => `split_part(${e}, ${quoteString('duckdb', sep)}, ${n})`,
  // flatten() of one-element lists needs no lambda (whose arrow syntax DuckDB is retiring).
  firedArray: (items) =>
    items.length ? `flatten([${items.map((i) => `CASE WHEN ${i.cond} THEN [${quoteString('duckdb', i.id)}] ELSE [] END`).join(', ')}])` : `CAST([] AS VARCHAR[])`,
};

const snowflake: Dialect = {
  name: 'snowflake',
  flavor: 'posix',
  ident: (n) => quoteIdent('snowflake', n),
  table: (n) => quoteTableName('snowflake', n),
  str: (t) => quoteString('snowflake', t),
  asText: (e) => `TO_VARCHAR(${e})`,
  double: (n) => (Number.isInteger(n) ? `CAST(${numberLiteral(n)} AS DOUBLE)` : `CAST('${numberLiteral(n)}' AS DOUBLE)`),
  // REGEXP_LIKE anchors the pattern at both ends; REGEXP_INSTR searches, as JavaScript's test() does.
  regex: (s, p, ci) => `(REGEXP_INSTR(${s}, ${quoteString('snowflake', p)}, 1, 1, 0, '${ci ? 'i' : 'c'}') > 0)`,
  toDouble: (t) => `(CASE WHEN ABS(TRY_TO_DOUBLE(${t})) = CAST('inf' AS DOUBLE) THEN NULL ELSE TRY_TO_DOUBLE(${t}) END)`,
  toInt: (t) => `TRY_TO_NUMBER(${t})`,
  trim: (e, c) => `TRIM(${e}, ${quoteString('snowflake', c)})`,
  ltrim: (e, c) => `LTRIM(${e}, ${quoteString('snowflake', c)})`,
  contains: (h, n) => `CONTAINS(${h}, ${n})`,
  startsWith: (h, p) => `STARTSWITH(${h}, ${p})`,
  endsWith: (h, s) => `ENDSWITH(${h}, ${s})`,
  mod: (a, b) => `MOD(${a}, ${b})`,
  replaceAll: (e, p) => `REGEXP_REPLACE(${e}, ${quoteString('snowflake', p)}, '')`,
  splitPart: (e, sep, n) => `SPLIT_PART(${e}, ${quoteString('snowflake', sep)}, ${n})`,
  // ARRAY_CONSTRUCT_COMPACT leaves out the NULLs of the criteria that did not fire.
  firedArray: (items) => `ARRAY_CONSTRUCT_COMPACT(${items.map((i) => `CASE WHEN ${i.cond} THEN ${quoteString('snowflake', i.id)} END`).join(', ')})`,
};

const bigquery: Dialect = {
  name: 'bigquery',
  flavor: 're2',
  ident: (n) => quoteIdent('bigquery', n),
  table: (n) => quoteTableName('bigquery', n),
  str: (t) => quoteString('bigquery', t),
  asText: (e) => `CAST(${e} AS STRING)`,
  double: (n) => (Number.isInteger(n) ? `CAST(${numberLiteral(n)} AS FLOAT64)` : `CAST('${numberLiteral(n)}' AS FLOAT64)`),
  regex: (s, p, ci) => `REGEXP_CONTAINS(${s}, ${quoteString('bigquery', (ci ? '(?i)' : '') + p)})`,
  toDouble: (t) => `(CASE WHEN IS_INF(SAFE_CAST(${t} AS FLOAT64)) THEN NULL ELSE SAFE_CAST(${t} AS FLOAT64) END)`,
  toInt: (t) => `SAFE_CAST(${t} AS INT64)`,
  trim: (e, c) => `TRIM(${e}, ${quoteString('bigquery', c)})`,
  ltrim: (e, c) => `LTRIM(${e}, ${quoteString('bigquery', c)})`,
  contains: (h, n) => `(STRPOS(${h}, ${n}) > 0)`,
  startsWith: (h, p) => `STARTS_WITH(${h}, ${p})`,
  endsWith: (h, s) => `ENDS_WITH(${h}, ${s})`,
  mod: (a, b) => `MOD(${a}, ${b})`,
  replaceAll: (e, p) => `REGEXP_REPLACE(${e}, ${quoteString('bigquery', p)}, '')`,
  splitPart: (e, sep, n) => `COALESCE(SPLIT(${e}, ${quoteString('bigquery', sep)})[SAFE_OFFSET(${n - 1})], '')`,
  // An ARRAY may not hold NULL in a BigQuery result, so the ids are concatenated from one-element arrays.
  firedArray: (items) =>
    items.length ? `ARRAY_CONCAT(${items.map((i) => `IF(${i.cond}, [${quoteString('bigquery', i.id)}], ARRAY<STRING>[])`).join(', ')})` : 'ARRAY<STRING>[]',
};

/** A set of characters as an RE2 class, each written \\x{HEX} (plain text, no quotes to escape). */
function re2Class(chars: string): string {
  return `[${[...chars].map((ch) => `\\x{${ch.codePointAt(0)!.toString(16).toUpperCase()}}`).join('')}]`;
}

export const DIALECT: Record<DialectName, Dialect> = { postgres, duckdb, snowflake, bigquery };
