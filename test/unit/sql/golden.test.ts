import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { RubricSchema } from '../../../src/core/schemas/rubric.js';
import { compileRubricSql } from '../../../src/core/sql/compile.js';
import { DIALECTS } from '../../../src/core/sql/quote.js';
import { parse } from 'yaml';

/**
 * The SQL for every dialect, compared with reviewed files in test/golden/sql/. Snowflake and
 * BigQuery have no server here, so these files are what was checked against their
 * documentation; regenerate deliberately with UPDATE_GOLDEN=1 and review the diff.
 */
const dir = fileURLToPath(new URL('../../golden/sql/', import.meta.url));
const rubric = RubricSchema.parse(parse(readFileSync(`${dir}all-operators.rubric.yaml`, 'utf8')));
const TABLES = { postgres: 'crm.leads', duckdb: 'leads', snowflake: '"CRM"."PUBLIC"."LEADS"', bigquery: 'my-project.crm.leads' } as const;

describe('golden SQL', () => {
  test.each(DIALECTS)('%s', (dialect) => {
    const sql = compileRubricSql(rubric, { dialect, table: TABLES[dialect], idColumn: 'lead id', asOf: '2026-11-27', view: dialect === 'bigquery' ? 'my-project.crm.lead_scores' : undefined, source: 'all-operators.rubric.yaml' });
    const file = `${dir}all-operators.${dialect}.sql`;
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, sql);
    expect(existsSync(file), `${file} is missing: run UPDATE_GOLDEN=1 npx vitest run test/unit/sql/golden.test.ts and review it`).toBe(true);
    expect(sql).toBe(readFileSync(file, 'utf8'));
  });
});
