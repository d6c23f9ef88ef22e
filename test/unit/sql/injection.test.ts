import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { RubricSchema } from '../../../src/core/schemas/rubric.js';
import { compileRubricSql } from '../../../src/core/sql/compile.js';
import { postgresAvailable, startPostgres, type PgServer } from '../../helpers/postgres.js';
import { differences, duckWithLeads, evaluate, pgCsv, runDuck, runPg } from './engines.js';

/**
 * Names and values written to break out of a quoted identifier or literal, run in the real
 * engines: the statement must run, score like the evaluator, and leave the table as it was.
 */
const EVIL_FIELDS = ['a"; DROP TABLE leads; --', "it's", 'back\\slash', 'semi;colon', 'tick`s', 'new\nline', 'dollar$$'];
const EVIL_VALUES = ["'; DROP TABLE leads; --", "\\'", '$$', '*/ x /*', '\\', "''", '`', 'a\nb', 'é\u2028'];
const ID = 'id "x"';
const HEADER = [ID, ...EVIL_FIELDS];
const ROWS: (string | null)[][] = EVIL_VALUES.map((_v, i) => [`r${i}`, ...EVIL_FIELDS.map((_, k) => EVIL_VALUES[(i + k) % EVIL_VALUES.length]!)]);

const rubric = RubricSchema.parse({
  name: "evil\n; DROP TABLE leads; --",
  stages: [{ id: 'mql', min: 1 }, { id: 'sql', min: 3 }],
  criteria: EVIL_FIELDS.flatMap((field, i) => [
    { id: `eq-${i}`, when: { field, op: 'eq', value: EVIL_VALUES[i % EVIL_VALUES.length] }, points: 1 },
    { id: `in-${i}`, when: { field, op: 'in', value: EVIL_VALUES }, points: 1 },
    { id: `has-${i}`, when: { field, op: 'contains', value: EVIL_VALUES[(i + 3) % EVIL_VALUES.length] }, points: 1 },
    { id: `re-${i}`, when: { field, op: 'matches', value: "^'|\\\\|\\$\\$|;" }, points: 1 },
  ]),
});

const SCHEMA = 'crm "x"; --';
const TABLE = "lead's;";
const qualified = `"${SCHEMA.replaceAll('"', '""')}"."${TABLE}"`;

describe('DuckDB', () => {
  let duck: Awaited<ReturnType<typeof duckWithLeads>>;
  beforeAll(async () => {
    duck = await duckWithLeads('staging', HEADER, ROWS);
    await duck.conn.run(`CREATE SCHEMA ${`"${SCHEMA.replaceAll('"', '""')}"`}; CREATE TABLE ${qualified} AS SELECT * FROM staging`);
  });
  afterAll(() => duck?.close());

  test('runs, scores like the evaluator, and leaves the table whole', async () => {
    const sql = compileRubricSql(rubric, { dialect: 'duckdb', table: qualified, idColumn: ID, asOf: '2026-11-27', source: 'x\n; DROP TABLE staging' });
    expect(differences(evaluate(rubric, '2026-11-27', HEADER, ROWS), await runDuck(duck.conn, sql), ROWS, HEADER)).toEqual([]);
    const count = await duck.conn.runAndReadAll(`SELECT count(*) AS n FROM ${qualified}`);
    expect(Number(count.getRowObjectsJson()[0]!.n)).toBe(ROWS.length);
  });

  test('--view creates a view that scores the same', async () => {
    const sql = compileRubricSql(rubric, { dialect: 'duckdb', table: qualified, idColumn: ID, asOf: '2026-11-27', view: `"${SCHEMA.replaceAll('"', '""')}"."scores; --"` });
    await duck.conn.run(sql);
    const rows = await runDuck(duck.conn, `SELECT * FROM "${SCHEMA.replaceAll('"', '""')}"."scores; --"`);
    expect(differences(evaluate(rubric, '2026-11-27', HEADER, ROWS), rows, ROWS, HEADER)).toEqual([]);
  });
});

describe.skipIf(!postgresAvailable())('PostgreSQL', () => {
  let pg: PgServer;
  beforeAll(async () => {
    pg = await startPostgres();
    await pg.query(`CREATE SCHEMA "${SCHEMA.replaceAll('"', '""')}"; CREATE TABLE ${qualified} (${HEADER.map((h) => `"${h.replaceAll('"', '""')}" TEXT`).join(', ')})`);
    await pg.copyCsv(qualified, pgCsv(HEADER, ROWS));
  });
  afterAll(async () => pg?.stop());

  test('runs, scores like the evaluator, and leaves the table whole', async () => {
    const sql = compileRubricSql(rubric, { dialect: 'postgres', table: qualified, idColumn: ID, asOf: '2026-11-27', source: 'x\n; DROP TABLE staging' });
    expect(differences(evaluate(rubric, '2026-11-27', HEADER, ROWS), await runPg(pg, sql), ROWS, HEADER)).toEqual([]);
    expect((await pg.query(`SELECT count(*) AS n FROM ${qualified}`)).trim().split('\n')[1]).toBe(String(ROWS.length));
  });

  test('the literals mean the same with standard_conforming_strings off', async () => {
    const sql = compileRubricSql(rubric, { dialect: 'postgres', table: qualified, idColumn: ID, asOf: '2026-11-27' });
    const rows = await runPg(pg, `SET standard_conforming_strings = off; SET escape_string_warning = off; ${sql}`);
    expect(differences(evaluate(rubric, '2026-11-27', HEADER, ROWS), rows, ROWS, HEADER)).toEqual([]);
  });

  test('--view creates a view that scores the same', async () => {
    const view = `"${SCHEMA.replaceAll('"', '""')}"."scores; --"`;
    await pg.query(compileRubricSql(rubric, { dialect: 'postgres', table: qualified, idColumn: ID, asOf: '2026-11-27', view }));
    const rows = await runPg(pg, `SELECT * FROM ${view}`);
    expect(differences(evaluate(rubric, '2026-11-27', HEADER, ROWS), rows, ROWS, HEADER)).toEqual([]);
  });
});
