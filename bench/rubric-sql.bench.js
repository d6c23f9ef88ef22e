// The SQL that `align rubric sql` generates, run by DuckDB over the 1,000,000-row benchmark
// leads CSV, next to `align rubric score` on the same file with the same 15-criterion rubric,
// in the same run (baseline: align rubric score). Also the query alone on leads already in a
// DuckDB table, which is how it runs where the leads live.
// Run after a build: node bench/run.js rubric-sql. BENCH_ROWS=200000 BENCH_RUNS=1 for a quick run.
// The CSV is the rubric-score benchmark's (bench/data/leads-N.csv); if it is missing, one of
// the same (bench/leads-data.js) is generated here.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
mkdirSync(DATA, { recursive: true });

import { ALIGN, AS_OF, DATA, generate, ROOT, ROWS, RUBRIC } from './leads-data.js';
import { fail, median, nullSink, report } from './lib.js';

/** Output thrown away: a null device of the benchmark's own, never the machine's. */
const SINK = nullSink();

function run(cmd, args, out = SINK) {
  const fd = openSync(out, 'w');
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { stdio: ['ignore', fd, 'pipe'], env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 1 << 26 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  closeSync(fd);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${String(r.stderr).slice(0, 2000)}`);
  return ms;
}

let csv = `${DATA}leads-${ROWS}.csv`;
if (!existsSync(csv)) {
  csv = `${DATA}rubric-sql-leads-${ROWS}.csv`;
  if (!existsSync(csv)) await generate(ROWS, csv);
}
const rubricPath = `${DATA}rubric-sql-15.yaml`;
writeFileSync(rubricPath, RUBRIC);

const compile = (dialect, table) => {
  const r = spawnSync(process.execPath, [ALIGN, 'rubric', 'sql', '--rubric', rubricPath, '--as-of', AS_OF, '--dialect', dialect, '--table', table], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`align rubric sql failed: ${r.stderr}`);
  return r.stdout.replace(/;\s*$/, '');
};
const duckQuery = compile('duckdb', 'leads');
const scoreColumns = (sql) => `SELECT id, fit, engagement, score, stage FROM (${sql}) AS scored`;

// A child process per run, like align: start-up, CSV reading and writing the scores all count.
const duckScript = `${DATA}rubric-sql-duckdb.mjs`;
writeFileSync(
  duckScript,
  `import { DuckDBInstance } from '${ROOT}node_modules/@duckdb/node-api/lib/index.js';
const [csv, out, sql] = process.argv.slice(2);
const db = await DuckDBInstance.create(':memory:');
const c = await db.connect();
await c.run(\`CREATE VIEW leads AS SELECT * FROM read_csv('\${csv}', header = true, all_varchar = true)\`);
await c.run(\`COPY (\${sql}) TO '\${out}' (FORMAT csv, HEADER)\`);
`,
);
const tools = {
  'align rubric score --format csv': (out) => run(process.execPath, [ALIGN, 'rubric', 'score', csv, '--rubric', rubricPath, '--as-of', AS_OF, '--format', 'csv'], out),
  'duckdb: generated SQL over read_csv': (out) => run(process.execPath, [duckScript, csv, out, scoreColumns(duckQuery)], out),
};

// Same scores, row by row, before timing anything.
console.log(`checking that the generated SQL in DuckDB and align rubric score agree on ${ROWS.toLocaleString('en-US')} rows…`);
const outs = Object.keys(tools).map((name, i) => {
  const out = `${DATA}rubric-sql-out-${i}.csv`;
  tools[name](out);
  return readFileSync(out, 'utf8').trim().split('\n').slice(1);
});
const norm = (line) => line.split(',').map((v, k) => (k >= 1 && k <= 3 ? String(Number(v)) : v)).join(',');
const sorted = outs.map((lines) => lines.map(norm).sort());
const mismatches = sorted[0].filter((line, k) => line !== sorted[1][k]).length;
if (mismatches === 0 && sorted[0].length === sorted[1].length && sorted[0].length === ROWS) console.log(`all ${sorted[0].length.toLocaleString('en-US')} rows agree`);
else fail(`the generated SQL in DuckDB and align rubric score disagree: ${mismatches} rows differ (${sorted[0].length} and ${sorted[1].length} rows)`);

/** @type {Record<string, number[]>} */
const times = Object.fromEntries(Object.keys(tools).map((k) => [k, []]));
for (let k = 0; k < RUNS; k++) for (const [name, f] of Object.entries(tools)) times[name].push(f(SINK));
const base = median(times['align rubric score --format csv']);
console.log(`\nwall time on ${csv.replace(ROOT, '')}, median of ${RUNS}, runs interleaved (2 shared cores: noisy):`);
for (const [name, t] of Object.entries(times)) console.log(report({ measure: name, value: median(t), baseline: 'align rubric score --format csv', baseValue: base }));

// Where the leads live: the table already loaded, only the query timed (in-process).
const inDb = spawnSync(
  process.execPath,
  [
    '--input-type=module',
    '-e',
    `import { DuckDBInstance } from '${ROOT}node_modules/@duckdb/node-api/lib/index.js';
const db = await DuckDBInstance.create(':memory:');
const c = await db.connect();
await c.run(\`CREATE TABLE leads AS SELECT * FROM read_csv('${csv}', header = true, all_varchar = true)\`);
const t = [];
for (let k = 0; k < ${RUNS}; k++) {
  const t0 = performance.now();
  await c.run(${JSON.stringify(`CREATE OR REPLACE TEMP TABLE scores AS ${duckQuery}`)});
  t.push(performance.now() - t0);
}
t.sort((a, b) => a - b);
process.stdout.write(String(t[Math.floor(t.length / 2)]));`,
  ],
  { encoding: 'utf8' },
);
if (inDb.status === 0) console.log(report({ measure: 'duckdb: query on a loaded table', value: Number(inDb.stdout), baseline: 'align rubric score --format csv', baseValue: base }));
else fail(`duckdb in-table run failed: ${inDb.stderr.slice(0, 500)}`);
