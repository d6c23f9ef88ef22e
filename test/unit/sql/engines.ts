/** Leads loaded as text columns into real engines, and the generated SQL run there. */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { parse } from 'csv-parse/sync';
import { compileRubric } from '../../../src/core/rubric/engine/compile.js';
import type { Rubric } from '../../../src/core/schemas/rubric.js';
import type { Locale } from '../../../src/core/values/locale.js';
import type { PgServer } from '../../helpers/postgres.js';

export interface Row {
  id: string;
  fit: number;
  engagement: number;
  score: number;
  stage: string;
  fired: string[];
}

const q = (name: string) => `"${name.replaceAll('"', '""')}"`;

export async function duckWithLeads(table: string, header: string[], rows: (string | null)[][]): Promise<{ conn: DuckDBConnection; close(): void }> {
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  await conn.run(`CREATE TABLE ${q(table)} (${header.map((h) => `${q(h)} VARCHAR`).join(', ')})`);
  const app = await conn.createAppender(table);
  for (const row of rows) {
    for (const v of row) v === null ? app.appendNull() : app.appendVarchar(v);
    app.endRow();
  }
  app.closeSync();
  const close = () => {
    conn.closeSync();
    db.closeSync();
  };
  return { conn, close };
}

export async function runDuck(conn: DuckDBConnection, sql: string): Promise<Row[]> {
  const reader = await conn.runAndReadAll(sql);
  return (reader.getRowObjectsJson() as Record<string, unknown>[]).map((r) => ({
    id: String(r.id),
    fit: Number(r.fit),
    engagement: Number(r.engagement),
    score: Number(r.score),
    stage: String(r.stage),
    fired: (r.fired as string[]) ?? [],
  }));
}

/** Every value quoted, so '' stays an empty string; an unquoted empty field is NULL. */
export function pgCsv(header: string[], rows: (string | null)[][]): string {
  const cell = (v: string | null) => (v === null ? '' : `"${v.replaceAll('"', '""')}"`);
  return `${[header.map(cell), ...rows.map((r) => r.map(cell))].map((r) => r.join(',')).join('\n')}\n`;
}

export async function pgWithLeads(pg: PgServer, table: string, header: string[], rows: (string | null)[][]): Promise<void> {
  await pg.query(`DROP TABLE IF EXISTS ${q(table)}; CREATE TABLE ${q(table)} (${header.map((h) => `${q(h)} TEXT`).join(', ')})`);
  await pg.copyCsv(q(table), pgCsv(header, rows));
}

export async function runPg(pg: PgServer, sql: string): Promise<Row[]> {
  const out = await pg.query(sql);
  const records = parse(out, { columns: true }) as Record<string, string>[];
  return records.map((r) => ({
    id: r.id!,
    fit: Number(r.fit),
    engagement: Number(r.engagement),
    score: Number(r.score),
    stage: r.stage!,
    fired: r.fired === '{}' ? [] : r.fired!.slice(1, -1).split(','),
  }));
}

/** The evaluator's scores for the same rows, read the way `align rubric score` reads a CSV. */
export function evaluate(rubric: Rubric, asOf: string, header: string[], rows: (string | null)[][], locale?: Locale): Row[] {
  const score = compileRubric(rubric, { asOf, ...(locale ? { locale } : {}) }).forColumns(header);
  return rows.map((row) => {
    const s = score(row.map((v) => v ?? ''));
    return { id: row[0]!, fit: s.fit, engagement: s.engagement, score: s.score, stage: s.stage, fired: [...s.fired] };
  });
}

/** Rows that differ, with both sides, for a readable failure. */
export function differences(expected: Row[], actual: Row[], rows: (string | null)[][], header: string[]): string[] {
  const byId = new Map(actual.map((r) => [r.id, r]));
  const out: string[] = [];
  if (actual.length !== expected.length) out.push(`row count: expected ${expected.length}, got ${actual.length}`);
  expected.forEach((e, i) => {
    const a = byId.get(e.id);
    if (!a || a.fit !== e.fit || a.engagement !== e.engagement || a.score !== e.score || a.stage !== e.stage || a.fired.join(',') !== e.fired.join(',')) {
      const lead = Object.fromEntries(header.map((h, k) => [h, rows[i]![k]]));
      out.push(`${e.id}: evaluator ${JSON.stringify(e)} sql ${JSON.stringify(a)} lead ${JSON.stringify(lead)}`);
    }
  });
  return out;
}
