import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { compileRubricSql } from '../../../src/core/sql/compile.js';
import { postgresAvailable, startPostgres, type PgServer } from '../../helpers/postgres.js';
import { COLUMNS, ID_COLUMN, edgeLeads, randomLeads, randomRubric, rng } from './generate.js';
import { differences, duckWithLeads, evaluate, pgWithLeads, runDuck, runPg } from './engines.js';

/**
 * The same leads in DuckDB and a real PostgreSQL server, the generated SQL run there, and
 * every row's points, score, stage and fired criteria compared with the evaluator's.
 */
const SEEDS = Array.from({ length: 30 }, (_, i) => 1000 + i);
const AS_OF = '2026-11-27';
const TABLE = 'crm leads';
const HEADER = [ID_COLUMN, ...COLUMNS];
const ROWS = [...edgeLeads(), ...randomLeads(rng(7), 400)];

describe('DuckDB runs the generated SQL with the evaluator\'s scores', () => {
  let duck: Awaited<ReturnType<typeof duckWithLeads>>;
  beforeAll(async () => {
    duck = await duckWithLeads(TABLE, HEADER, ROWS);
  });
  afterAll(() => duck?.close());

  test.each(SEEDS)('random rubric %i', async (seed) => {
    const rubric = randomRubric(seed);
    const sql = compileRubricSql(rubric, { dialect: 'duckdb', table: `"${TABLE}"`, idColumn: ID_COLUMN, asOf: AS_OF });
    const actual = await runDuck(duck.conn, sql);
    expect(differences(evaluate(rubric, AS_OF, HEADER, ROWS), actual, ROWS, HEADER)).toEqual([]);
  });
});

const havePg = postgresAvailable();

describe.skipIf(!havePg)('PostgreSQL runs the generated SQL with the evaluator\'s scores', () => {
  let pg: PgServer;
  beforeAll(async () => {
    pg = await startPostgres();
    await pgWithLeads(pg, TABLE, HEADER, ROWS);
  });
  afterAll(async () => pg?.stop());

  test.each(SEEDS)('random rubric %i', async (seed) => {
    const rubric = randomRubric(seed);
    const sql = compileRubricSql(rubric, { dialect: 'postgres', table: `"${TABLE}"`, idColumn: ID_COLUMN, asOf: AS_OF });
    const actual = await runPg(pg, sql);
    expect(differences(evaluate(rubric, AS_OF, HEADER, ROWS), actual, ROWS, HEADER)).toEqual([]);
  });
});
