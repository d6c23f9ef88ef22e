// The SQL that `align rubric sql` generates, run by DuckDB over the 1,000,000-row benchmark
// leads CSV, next to `align rubric score` on the same file with the same 15-criterion rubric,
// in the same run (baseline: align rubric score). Also the query alone on leads already in a
// DuckDB table, which is how it runs where the leads live.
// Run after a build: node bench/run.js rubric-sql. BENCH_ROWS=200000 BENCH_RUNS=1 for a quick run.
// The CSV is the rubric-score benchmark's (bench/data/leads-N.csv); if it is missing, one of
// the same shape (12 columns) is generated here with a fixed seed.
import { spawnSync } from 'node:child_process';
import { closeSync, createWriteStream, existsSync, mkdirSync, openSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DATA = `${ROOT}bench/data/`;
const ALIGN = `${ROOT}bin/align.js`;
const AS_OF = '2026-11-27';
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
mkdirSync(DATA, { recursive: true });

function mulberry32(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Same columns and kinds of values as the rubric-score benchmark's file. */
async function generate(rows, path) {
  console.log(`generating ${rows.toLocaleString('en-US')} rows → ${path}`);
  const rnd = mulberry32(7);
  const pick = (a) => a[Math.floor(rnd() * a.length)];
  const titles = ['VP Sales', 'Director of Marketing', 'Head of Growth', 'Chief Revenue Officer', 'Sales Manager', 'Software Engineer', 'Student', 'CEO', 'Intern', ''];
  const asOf = Date.UTC(2026, 10, 27);
  const out = createWriteStream(`${path}.tmp`);
  out.write('id,email,employees,title,country,industry,demo_requested,webinar_attended,pricing_page_views,last_activity,annual_budget,lead_source\n');
  let buf = '';
  for (let i = 1; i <= rows; i++) {
    const employees = rnd() < 0.05 ? '' : String(Math.floor(Math.exp(rnd() * 10)));
    const last = rnd() < 0.05 ? '' : new Date(asOf - Math.floor(rnd() * 200) * 86400000).toISOString().slice(0, 10);
    const budget = rnd() < 0.1 ? '' : String(Math.floor(rnd() * 600) * 1000);
    buf += `L${i},u${i}@${pick(['gmail.com', 'acme.com', 'rival.com', 'hooli.com'])},${employees},${pick(titles)},${pick(['US', 'CA', 'GB', 'DE', 'us', 'JP', ''])},${pick(['software', 'Finance', 'retail', 'competitor', ''])},${rnd() < 0.15 ? 'true' : 'false'},${rnd() < 0.3 ? 'yes' : 'no'},${Math.floor(rnd() * 6)},${last},${budget},${pick(['referral', 'organic', 'paid'])}\n`;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await new Promise((r) => out.once('drain', r));
      buf = '';
    }
  }
  out.write(buf);
  await new Promise((r) => out.end(r));
  renameSync(`${path}.tmp`, path);
}

const RUBRIC = `name: Bench rubric (15 criteria)
dimensions:
  fit: { max: 60 }
  engagement: { max: 60 }
stages:
  - { id: mql, min: 40 }
  - { id: sql, min: 70, require: { fit: 30 } }
criteria:
  - { id: company-size, dimension: fit, when: { field: employees, op: gte, value: 200 }, points: 15 }
  - { id: enterprise, dimension: fit, when: { field: employees, op: gte, value: 1000 }, points: 10 }
  - { id: decision-maker, dimension: fit, when: { field: title, op: matches, value: "\\\\b(vp|director|head|chief)\\\\b" }, points: 20 }
  - { id: target-country, dimension: fit, when: { field: country, op: in, value: [US, CA, GB, DE] }, points: 10 }
  - { id: target-industry, dimension: fit, when: { field: industry, op: in, value: [software, finance, healthcare] }, points: 10 }
  - { id: budget, dimension: fit, when: { field: annual_budget, op: between, value: [50000, 500000] }, points: 10 }
  - { id: free-email, dimension: fit, when: { field: email, op: ends_with, value: gmail.com }, points: -10 }
  - { id: demo, dimension: engagement, when: { field: demo_requested, op: eq, value: true }, points: 30 }
  - { id: webinar, dimension: engagement, when: { field: webinar_attended, op: eq, value: true }, points: 10 }
  - { id: pricing, dimension: engagement, when: { field: pricing_page_views, op: gte, value: 3 }, points: 15 }
  - { id: recent, dimension: engagement, when: { field: last_activity, op: within_last, value: 30d }, points: 10 }
  - id: signals
    dimension: engagement
    when: { at_least: 2, of: [ { field: pricing_page_views, op: gte, value: 2 }, { field: webinar_attended, op: eq, value: true }, { field: last_activity, op: within_last, value: 14d } ] }
    points: 10
  - { id: referral, dimension: engagement, when: { field: lead_source, op: eq, value: referral }, points: 5 }
  - { id: student, dimension: fit, when: { field: title, op: contains, value: student }, disqualify: true }
  - id: competitor
    dimension: fit
    when: { any: [ { field: email, op: ends_with, value: rival.com }, { field: industry, op: eq, value: competitor } ] }
    disqualify: true
`;

function run(cmd, args, out = '/dev/null') {
  const fd = openSync(out, 'w');
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { stdio: ['ignore', fd, 'pipe'], env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 1 << 26 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  closeSync(fd);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${String(r.stderr).slice(0, 2000)}`);
  return ms;
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`;

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
  'duckdb: generated SQL over read_csv': (out) => run(process.execPath, [duckScript, csv, out === '/dev/null' ? '/dev/stdout' : out, scoreColumns(duckQuery)], out),
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
console.log(mismatches === 0 && sorted[0].length === sorted[1].length ? `all ${sorted[0].length.toLocaleString('en-US')} rows agree` : `WARNING: ${mismatches} rows differ`);

const times = Object.fromEntries(Object.keys(tools).map((k) => [k, []]));
for (let k = 0; k < RUNS; k++) for (const [name, f] of Object.entries(tools)) times[name].push(f('/dev/null'));
const base = median(times['align rubric score --format csv']);
console.log(`\nwall time on ${csv.replace(ROOT, '')}, median of ${RUNS}, runs interleaved (2 shared cores: noisy):`);
for (const [name, t] of Object.entries(times)) console.log(`  ${name.padEnd(40)} ${fmt(median(t)).padStart(8)}  ${(median(t) / base).toFixed(2)}x align`);

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
if (inDb.status === 0) console.log(`  ${'duckdb: query on a loaded table'.padEnd(40)} ${fmt(Number(inDb.stdout)).padStart(8)}  ${(Number(inDb.stdout) / base).toFixed(2)}x align`);
else console.log(`duckdb in-table run failed: ${inDb.stderr.slice(0, 500)}`);
