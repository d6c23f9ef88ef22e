import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Leaf } from '../../../src/core/schemas/condition.js';
import { RubricSchema, type Rubric } from '../../../src/core/schemas/rubric.js';
import { compileRubricSql } from '../../../src/core/sql/compile.js';
import { postgresAvailable, startPostgres, type PgServer } from '../../helpers/postgres.js';
import { COLUMNS, ID_COLUMN, PORTABLE_PATTERNS, edgeLeads } from './generate.js';
import { differences, duckWithLeads, evaluate, pgWithLeads, runDuck, runPg } from './engines.js';
import { LOCALES } from '../../../src/core/values/locale.js';
import { readersFor } from '../../../src/core/values/readers.js';
import { DATES, LOCALE_HEADER, LOCALE_ROWS, NUMBERS, readingRubric } from './locale-values.js';

/**
 * Every operator and every reading, one leaf per criterion, against every edge value: a
 * criterion's id is in `fired` exactly when its leaf holds, so the comparison is per leaf.
 */
const AS_OF = '2026-11-27';
const HEADER = [ID_COLUMN, ...COLUMNS];
const ROWS = edgeLeads();

const SCALARS = [5, 0, 1200, -3.5, 0.5, 1000, true, false, '2026-11-20', '2026-02-30', '2026-11-20T10:00:00Z', 'us', ' US ', "o'brien", 'a\\b', 'x; drop table leads; --', '', 'école', '5'];
const TEXTS = ['us', '', 5, "o'b", '\\', ';', 'É', ' ', 'sales'];
const ORDERED = [5, 0, -3.5, 1e3, 12345.5, '2026-11-20', '2026-02-30', '2026-11-20T23:00:00Z'];
const EXTRA_PATTERNS = ['^\\s*$', '[\\D]', '[^\\d]', '\\B', 'a{2}', '.', '^.{3}$', '\\u00e9', '\\x41', '[\\s\\S]', 'a|', '[^\\W]', '[a\\d]', '\\/', '^[^]$', '\\bé', 'stra(ß|ss)e', '\\d{1,3}(,\\d{3})+'];
const PG_ONLY = ['(a)\\1', '(?<=o)b', 'us(?!a)', '(?<!x)sales', '[^a\\D]'];

function leaves(patterns: string[]): Leaf[] {
  const out: Leaf[] = [];
  for (const value of SCALARS) out.push({ field: '', op: 'eq', value }, { field: '', op: 'neq', value });
  for (const value of [['US', 'CA', 5, true, '2026-11-20'], [1200, 42], [true], ['2026-02-30'], ['2026-02-30', 'us'], [''], [false, 0]]) {
    out.push({ field: '', op: 'in', value }, { field: '', op: 'not_in', value });
  }
  for (const value of TEXTS) for (const op of ['contains', 'not_contains', 'starts_with', 'ends_with'] as const) out.push({ field: '', op, value });
  for (const value of ORDERED) for (const op of ['gt', 'gte', 'lt', 'lte'] as const) out.push({ field: '', op, value });
  for (const value of [[0, 5], [-4, 0.5], ['2026-11-01', '2026-11-30'], ['2026-02-30', '2026-12-01']]) out.push({ field: '', op: 'between', value });
  for (const value of patterns) out.push({ field: '', op: 'matches', value });
  out.push({ field: '', op: 'is_known' }, { field: '', op: 'is_unknown' });
  for (const value of ['0d', '1d', '14d', '8w', '1m', '3m', '12m']) out.push({ field: '', op: 'within_last', value });
  for (const value of ['2026-11-20', '2026-02-30', '2026-11-20T23:00:00Z']) out.push({ field: '', op: 'before', value }, { field: '', op: 'after', value });
  return out.map((l, i) => ({ ...l, field: COLUMNS[i % COLUMNS.length]! }));
}

function leafRubric(patterns: string[]): Rubric {
  return RubricSchema.parse({
    stages: [{ id: 'mql', min: 1 }],
    criteria: leaves(patterns).map((when, i) => ({ id: `l-${i}`, when, points: 1 })),
  });
}

const portable = leafRubric([...PORTABLE_PATTERNS, ...EXTRA_PATTERNS]);
const pgRubric = leafRubric([...PORTABLE_PATTERNS, ...EXTRA_PATTERNS, ...PG_ONLY]);

test('the leaf rubric has a criterion for every operator', () => {
  const ops = new Set(pgRubric.criteria.map((c) => ('op' in c.when ? c.when.op : '')));
  expect(ops.size).toBe(19);
});

test('the locale table has readable and unreadable values in every locale', () => {
  for (const locale of LOCALES) {
    const r = readersFor(locale);
    const read = NUMBERS.filter((v) => !Number.isNaN(r.number(v))).length;
    expect(read).toBeGreaterThan(15);
    expect(read).toBeLessThan(NUMBERS.length - 15);
    expect(DATES.filter((v) => !Number.isNaN(r.day(v))).length).toBeGreaterThan(5);
  }
});

describe('DuckDB: every leaf on every edge value', () => {
  let duck: Awaited<ReturnType<typeof duckWithLeads>>;
  let local: Awaited<ReturnType<typeof duckWithLeads>>;
  beforeAll(async () => {
    duck = await duckWithLeads('leads', HEADER, ROWS);
    local = await duckWithLeads('leads', LOCALE_HEADER, LOCALE_ROWS);
  });
  afterAll(() => {
    duck?.close();
    local?.close();
  });
  test.each(LOCALES)('reads the values of locale %s as the evaluator does', async (locale) => {
    const rubric = readingRubric(locale);
    const sql = compileRubricSql(rubric, { dialect: 'duckdb', table: 'leads', idColumn: 'id', asOf: AS_OF, locale });
    expect(differences(evaluate(rubric, AS_OF, LOCALE_HEADER, LOCALE_ROWS, locale), await runDuck(local.conn, sql), LOCALE_ROWS, LOCALE_HEADER)).toEqual([]);
  });
  test('fired criteria equal the evaluator\'s', async () => {
    const sql = compileRubricSql(portable, { dialect: 'duckdb', table: 'leads', idColumn: ID_COLUMN, asOf: AS_OF });
    expect(differences(evaluate(portable, AS_OF, HEADER, ROWS), await runDuck(duck.conn, sql), ROWS, HEADER)).toEqual([]);
  });
});

describe.skipIf(!postgresAvailable())('PostgreSQL: every leaf on every edge value, lookaround and back-references too', () => {
  let pg: PgServer;
  beforeAll(async () => {
    pg = await startPostgres();
    await pgWithLeads(pg, 'leads', HEADER, ROWS);
    await pgWithLeads(pg, 'locale_leads', LOCALE_HEADER, LOCALE_ROWS);
  });
  afterAll(async () => pg?.stop());
  test.each(LOCALES)('reads the values of locale %s as the evaluator does', async (locale) => {
    const rubric = readingRubric(locale);
    const sql = compileRubricSql(rubric, { dialect: 'postgres', table: 'locale_leads', idColumn: 'id', asOf: AS_OF, locale });
    expect(differences(evaluate(rubric, AS_OF, LOCALE_HEADER, LOCALE_ROWS, locale), await runPg(pg, sql), LOCALE_ROWS, LOCALE_HEADER)).toEqual([]);
  });
  test('fired criteria equal the evaluator\'s', async () => {
    const sql = compileRubricSql(pgRubric, { dialect: 'postgres', table: 'leads', idColumn: ID_COLUMN, asOf: AS_OF });
    expect(differences(evaluate(pgRubric, AS_OF, HEADER, ROWS), await runPg(pg, sql), ROWS, HEADER)).toEqual([]);
  });
});
