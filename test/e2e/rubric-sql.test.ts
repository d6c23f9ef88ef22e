import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { hashTree, tempRepo, type TempRepo } from '../helpers/workspace.js';
import { postgresAvailable, startPostgres } from '../helpers/postgres.js';
import type { Row } from '../unit/sql/engines.js';
import { VALUES, pick, rng } from '../unit/sql/generate.js';

/**
 * The built binary end to end: `align rubric sql` in a real workspace, its SQL run in DuckDB
 * and PostgreSQL over a leads CSV, every row equal to what `align rubric score` prints.
 */
const FIELDS = ['budget_confirmed', 'annual_budget', 'title', 'employees', 'demo_requested', 'pain_point', 'purchase_timeline_days', 'last_activity', 'is_competitor'];
const AS_OF = '2026-11-27';

function leadsCsv(count: number): string {
  const r = rng(42);
  const cell = (v: string | null) => (v === null ? '' : `"${v.replaceAll('"', '""')}"`);
  const lines = [['id', ...FIELDS].join(',')];
  const good = ['yes', '60,000', 'VP Sales', '500', 'true', 'budget pain', '30', '2026-11-20', 'no'];
  for (let i = 0; i < count; i++) lines.push([`L${i}`, ...FIELDS.map((_, k) => (r() < 0.4 ? good[k]! : pick(r, VALUES)))].map(cell).join(','));
  return `${lines.join('\n')}\n`;
}


const byId = (rows: Row[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));

let repo: TempRepo;
let expected: Row[];
beforeAll(async () => {
  repo = await tempRepo();
  expect((await repo.align(['init', '.', '--yes', '--org', 'Acme', '--rubric', 'bant'])).exitCode).toBe(0);
  repo.write('leads.csv', leadsCsv(600));
  const scored = await repo.align(['rubric', 'score', 'leads.csv', '--format', 'ndjson', '--explain', '--as-of', AS_OF]);
  expect(scored.exitCode).toBe(0);
  expected = scored.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Row & { line: number })
    .map(({ id, fit, engagement, score, stage, fired }) => ({ id, fit, engagement, score, stage, fired }));
  expect(expected).toHaveLength(600);
});
afterAll(() => repo?.cleanup());

describe('align rubric sql', () => {
  test('DuckDB over read_csv(all_varchar) scores every lead as align rubric score does', async () => {
    const r = await repo.align(['rubric', 'sql', '--dialect', 'duckdb', '--table', 'leads', '--as-of', AS_OF]);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe('');
    const db = await DuckDBInstance.create(':memory:');
    const conn = await db.connect();
    try {
      await conn.run(`CREATE TABLE leads AS SELECT * FROM read_csv('${join(repo.dir, 'leads.csv')}', header = true, all_varchar = true, quote = '"', escape = '"')`);
      const rows = (await conn.runAndReadAll(r.stdout)).getRowObjectsJson() as unknown as Row[];
      expect(byId(rows.map((x) => ({ ...x, fit: Number(x.fit), engagement: Number(x.engagement), score: Number(x.score) })))).toEqual(byId(expected));
    } finally {
      conn.closeSync();
      db.closeSync();
    }
  });

  test.skipIf(!postgresAvailable())('PostgreSQL over the CSV loaded with COPY scores every lead as align rubric score does', async () => {
    const r = await repo.align(['rubric', 'sql', '--table', 'crm.leads', '--as-of', AS_OF]);
    expect(r.exitCode).toBe(0);
    const pg = await startPostgres();
    try {
      await pg.query(`CREATE SCHEMA crm; CREATE TABLE crm.leads (id TEXT, ${FIELDS.map((f) => `${f} TEXT`).join(', ')})`);
      await pg.copyCsv('crm.leads', readFileSync(join(repo.dir, 'leads.csv'), 'utf8'));
      const out = await pg.query(`SELECT id, fit, engagement, score, stage, array_to_json(fired) AS fired FROM (${r.stdout.replace(/;\s*$/, '')}) AS s`);
      const lines = out.trim().split('\n').slice(1);
      const rows = lines.map((line) => {
        const m = /^([^,]*),([^,]*),([^,]*),([^,]*),([^,]*),"?(.*?)"?$/.exec(line)!;
        return { id: m[1]!, fit: Number(m[2]), engagement: Number(m[3]), score: Number(m[4]), stage: m[5]!, fired: JSON.parse(m[6]!.replaceAll('""', '"')) as string[] };
      });
      expect(byId(rows)).toEqual(byId(expected));
    } finally {
      await pg.stop();
    }
  });

  test('--view wraps the query; --rubric reads an older version from git', async () => {
    await repo.git('add', '-A');
    await repo.git('commit', '-q', '-m', 'workspace');
    repo.write('rubric.yaml', repo.read('rubric.yaml').replace('min: 30', 'min: 35'));
    const now = await repo.align(['rubric', 'sql', '--view', 'crm.lead_scores', '--as-of', AS_OF]);
    const then = await repo.align(['rubric', 'sql', '--view', 'crm.lead_scores', '--as-of', AS_OF, '--rubric', 'HEAD:rubric.yaml']);
    expect(now.stdout).toMatch(/^CREATE OR REPLACE VIEW "crm"\."lead_scores" AS$/m);
    expect(now.stdout).toContain('score >= CAST(35 AS DOUBLE PRECISION) THEN \'mql\'');
    expect(then.stdout).toContain('score >= CAST(30 AS DOUBLE PRECISION) THEN \'mql\'');
    expect(then.stdout).toContain('(HEAD:rubric.yaml)');
  });

  test('--out writes a new file, prints its path, and never replaces one', async () => {
    const first = await repo.align(['rubric', 'sql', '--dialect', 'bigquery', '--out', 'scores.sql', '--as-of', AS_OF]);
    expect(first.exitCode).toBe(0);
    expect(first.stdout.trim()).toBe('scores.sql');
    expect(repo.read('scores.sql')).toContain('REGEXP_CONTAINS');
    const before = hashTree(repo.dir);
    const again = await repo.align(['rubric', 'sql', '--dialect', 'duckdb', '--out', 'scores.sql', '--as-of', AS_OF]);
    expect(again.exitCode).toBe(2);
    expect(again.stderr).toMatch(/already exists/);
    expect(hashTree(repo.dir)).toBe(before);
  });

  test('the scoring date defaults to today (the fixed clock)', async () => {
    const r = await repo.align(['rubric', 'sql']);
    expect(r.stdout).toContain('--as-of): 2026-11-27');
  });

  test('bad input: exit 2 with a hint and no stack trace', async () => {
    const badDate = await repo.align(['rubric', 'sql', '--as-of', '2026-02-30']);
    expect(badDate.exitCode).toBe(2);
    expect(badDate.stderr).toMatch(/invalid --as-of "2026-02-30": expected a real calendar date/);
    const badDialect = await repo.align(['rubric', 'sql', '--dialect', 'oracle']);
    expect(badDialect.exitCode).toBe(2);
    expect(badDialect.stderr).toMatch(/oracle/);
    const badTable = await repo.align(['rubric', 'sql', '--table', 'a..b']);
    expect(badTable.exitCode).toBe(2);
    expect(badTable.stderr).toMatch(/cannot read the table name/);
    for (const r of [badDate, badDialect, badTable]) expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  test('a regular expression an engine cannot run is refused for that engine only', async () => {
    repo.write('lookbehind.yaml', 'stages: [{ id: mql, min: 1 }]\ncriteria:\n  - id: not-after-ex\n    when: { field: title, op: matches, value: "(?<!ex-)director" }\n    points: 1\n');
    const duck = await repo.align(['rubric', 'sql', '--dialect', 'duckdb', '--rubric', 'lookbehind.yaml']);
    expect(duck.exitCode).toBe(2);
    expect(duck.stderr).toMatch(/criterion "not-after-ex": RE2 \(DuckDB, BigQuery\) has no equivalent of a lookbehind/);
    expect(duck.stdout).toBe('');
    const pg = await repo.align(['rubric', 'sql', '--dialect', 'postgres', '--rubric', 'lookbehind.yaml']);
    expect(pg.exitCode).toBe(0);
    expect(pg.stdout).toContain("~* '(?<!ex-)director'");
  });

  test('outside a workspace without --rubric: exit 2 naming align init', async () => {
    const bare = await tempRepo();
    try {
      const r = await bare.align(['rubric', 'sql']);
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toMatch(/no align workspace/);
    } finally {
      bare.cleanup();
    }
  });
});
