// align rubric score on a generated 1,000,000-row, 12-column leads CSV and a 15-criterion
// rubric, side by side in the same run with Miller (mlr) and DuckDB computing the same
// scores; peak memory at 1M and 5M rows; and the two-rubric single pass that
// `rubric diff --leads` uses against one pass. Run after a build: node bench/run.js rubric-score
// Data is generated once with a fixed seed and cached in bench/data/ (git-ignored).
// BENCH_ROWS=200000 and BENCH_RUNS=1 make a quick run.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, openSync, closeSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DATA = `${ROOT}bench/data/`;
const ALIGN = `${ROOT}bin/align.js`;
const AS_OF = '2026-11-27';
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
// Miller takes minutes per run at 1M rows; one run is enough to see an 8x gap.
const MLR_RUNS = Number(process.env.BENCH_MLR_RUNS ?? 1);
// Miller only where it is installed (the Debian package `miller`); the rest come with npm ci.
const TOOLS = (process.env.BENCH_TOOLS ?? `align,${has('mlr') ? 'mlr,' : ''}duckdb`).split(',');
mkdirSync(DATA, { recursive: true });

import { generate, RUBRIC, RUBRIC_B } from './leads-data.js';
import { has, nullSink } from './lib.js';

/** Output thrown away: a null device of the benchmark's own, never the machine's. */
const SINK = nullSink();


// Miller: the same scores in its DSL (text compared trimmed and lower-cased, empty = unknown).
const MLR = `
func isknown(x) { return is_not_empty(x) && strip(x) != "" }
func isnum(x) { return isknown(x) && is_numeric(x) }
func low(x) { return tolower(strip(x)) }
func truthy(x) { return isknown(x) && (low(x) == "true" || low(x) == "yes" || low(x) == "1") }
func agedays(x) { return isknown(x) ? (strptime("${AS_OF}", "%Y-%m-%d") - strptime(strip(x), "%Y-%m-%d")) / 86400 : -1 }
fit = 0; eng = 0; dq = false;
if (isnum($employees) && $employees >= 200) { fit += 15 }
if (isnum($employees) && $employees >= 1000) { fit += 10 }
if (isknown($title) && $title =~ "\\b(vp|director|head|chief)\\b"i) { fit += 20 }
c = low($country); if (c == "us" || c == "ca" || c == "gb" || c == "de") { fit += 10 }
ind = low($industry); if (ind == "software" || ind == "finance" || ind == "healthcare") { fit += 10 }
if (isnum($annual_budget) && $annual_budget >= 50000 && $annual_budget <= 500000) { fit += 10 }
if (isknown($email) && low($email) =~ "gmail\\.com$") { fit -= 10 }
if (truthy($demo_requested)) { eng += 30 }
if (truthy($webinar_attended)) { eng += 10 }
if (isnum($pricing_page_views) && $pricing_page_views >= 3) { eng += 15 }
d = agedays($last_activity);
if (d >= 0 && d <= 30) { eng += 10 }
n = 0;
if (isnum($pricing_page_views) && $pricing_page_views >= 2) { n += 1 }
if (truthy($webinar_attended)) { n += 1 }
if (d >= 0 && d <= 14) { n += 1 }
if (n >= 2) { eng += 10 }
if (low($lead_source) == "referral") { eng += 5 }
if (isknown($title) && low($title) =~ "student") { dq = true }
if ((isknown($email) && low($email) =~ "rival\\.com$") || ind == "competitor") { dq = true }
if (fit > 60) { fit = 60 }
if (eng > 60) { eng = 60 }
s = fit + eng;
stage = dq ? "disqualified" : (s >= 70 && fit >= 30) ? "sql" : s >= 40 ? "mql" : "unqualified";
$* = {"id": $id, "fit": fit, "engagement": eng, "score": s, "stage": stage};
`;

// DuckDB: read_csv with its type detection, one CASE per criterion.
const duckSql = (csv, out) => {
  const t = (c) => `lower(trim(CAST(${c} AS VARCHAR)))`;
  const n = (c) => `TRY_CAST(${c} AS DOUBLE)`;
  const b = (c) => `${t(c)} IN ('true','yes','1')`;
  const d = `TRY_CAST(last_activity AS DATE)`;
  const within = (k) => `(${d} >= DATE '${AS_OF}' - ${k} AND ${d} <= DATE '${AS_OF}')`;
  const pts = (cond, p) => `CASE WHEN ${cond} THEN ${p} ELSE 0 END`;
  const fit = [pts(`${n('employees')} >= 200`, 15), pts(`${n('employees')} >= 1000`, 10), pts(`regexp_matches(CAST(title AS VARCHAR), '\\b(vp|director|head|chief)\\b', 'i')`, 20), pts(`${t('country')} IN ('us','ca','gb','de')`, 10), pts(`${t('industry')} IN ('software','finance','healthcare')`, 10), pts(`${n('annual_budget')} BETWEEN 50000 AND 500000`, 10), pts(`ends_with(${t('email')}, 'gmail.com')`, -10)].join(' + ');
  const signals = `((${pts(`${n('pricing_page_views')} >= 2`, 1)}) + (${pts(b('webinar_attended'), 1)}) + (${pts(within(14), 1)})) >= 2`;
  const eng = [pts(b('demo_requested'), 30), pts(b('webinar_attended'), 10), pts(`${n('pricing_page_views')} >= 3`, 15), pts(within(30), 10), pts(signals, 10), pts(`${t('lead_source')} = 'referral'`, 5)].join(' + ');
  const dq = `coalesce(contains(${t('title')}, 'student'), false) OR coalesce(ends_with(${t('email')}, 'rival.com'), false) OR coalesce(${t('industry')} = 'competitor', false)`;
  return `COPY (WITH s AS (SELECT id, least(60, ${fit}) AS fit, least(60, ${eng}) AS engagement, ${dq} AS dq FROM read_csv('${csv}', header = true))
    SELECT id, fit, engagement, fit + engagement AS score,
      CASE WHEN dq THEN 'disqualified' WHEN fit + engagement >= 70 AND fit >= 30 THEN 'sql' WHEN fit + engagement >= 40 THEN 'mql' ELSE 'unqualified' END AS stage
    FROM s) TO '${out}' (FORMAT csv, HEADER)`;
};

// ---------- running ----------
function run(cmd, args, { out = SINK, env = {} } = {}) {
  const fd = openSync(out, 'w');
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { stdio: ['ignore', fd, 'pipe'], env: { ...process.env, NO_COLOR: '1', ...env }, maxBuffer: 1 << 26 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  closeSync(fd);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${String(r.stderr).slice(0, 2000)}`);
  return { ms, stderr: String(r.stderr) };
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`;

function stageCounts(csvPath) {
  const counts = {};
  const text = readFileSync(csvPath, 'utf8');
  let i = text.indexOf('\n') + 1;
  while (i < text.length) {
    const nl = text.indexOf('\n', i);
    const line = text.slice(i, nl < 0 ? text.length : nl).replace(/\r$/, '');
    const stage = line.slice(line.lastIndexOf(',') + 1);
    counts[stage] = (counts[stage] ?? 0) + 1;
    i = nl < 0 ? text.length : nl + 1;
  }
  return counts;
}

const csv = `${DATA}leads-${ROWS}.csv`;
await generate(ROWS, csv);
const rubricPath = `${DATA}rubric-15.yaml`;
const rubricB = `${DATA}rubric-15-b.yaml`;
writeFileSync(rubricPath, RUBRIC);
writeFileSync(rubricB, RUBRIC_B);
const duckScript = `${DATA}duckdb-score.mjs`;
writeFileSync(duckScript, `import { DuckDBInstance } from '${ROOT}node_modules/@duckdb/node-api/lib/index.js';\nconst db = await DuckDBInstance.create(':memory:');\nconst c = await db.connect();\nawait c.run(process.argv[2]);\n`);

const allTools = {
  align: (out) => run(process.execPath, [ALIGN, 'rubric', 'score', csv, '--rubric', rubricPath, '--as-of', AS_OF, '--format', 'csv'], { out }),
  mlr: (out) => run('mlr', ['--icsv', '--ocsv', 'put', MLR, csv], { out }),
  duckdb: (out) => run(process.execPath, [duckScript, duckSql(csv, out)], { out }),
};
/** @type {Partial<typeof allTools>} */
const tools = Object.fromEntries(Object.entries(allTools).filter(([k]) => TOOLS.includes(k)));

// Same scores? Compare stage counts of each tool's output once.
console.log(`checking that align, mlr and duckdb agree on ${ROWS.toLocaleString('en-US')} rows…`);
const agree = {};
const checkRun = {};
for (const [name, f] of Object.entries(tools)) {
  const out = `${DATA}out-${name}.csv`;
  checkRun[name] = f(out).ms;
  agree[name] = stageCounts(out);
}
console.log(JSON.stringify(agree));
const same = (a, b) => JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());
if (Object.values(agree).some((c) => !same(c, agree.align))) console.log('WARNING: the tools disagree on stage counts; the comparison is not like for like');
else console.log('stage counts agree');

/** @type {Record<string, number[]>} */
const times = Object.fromEntries(Object.keys(tools).map((k) => [k, []]));
// Miller's checking run (to a file) is its first timed run: each takes minutes.
if (tools.mlr) times.mlr.push(checkRun.mlr);
for (let k = 0; k < RUNS; k++) {
  for (const [name, f] of Object.entries(tools)) if (name !== 'mlr' || k + 1 < MLR_RUNS) times[name].push(f(SINK).ms);
}
const m = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
console.log(`\nwall time, median of ${RUNS} (mlr: ${MLR_RUNS}; runs interleaved; 2 shared cores: noisy):`);
console.log(`  align rubric score --format csv  ${fmt(m.align)}`);
if (m.mlr) console.log(`  mlr put                          ${fmt(m.mlr)}   align is ${(m.mlr / m.align).toFixed(1)}x faster (target ≥ 8x)`);
if (m.duckdb) console.log(`  duckdb read_csv + CASE           ${fmt(m.duckdb)}   align takes ${(m.align / m.duckdb).toFixed(2)}x DuckDB's time (target ≤ 1.5x)`);

// Peak memory: /usr/bin/time -v reports the maximum resident set size.
function peakRss(file) {
  const r = run('/usr/bin/time', ['-v', process.execPath, ALIGN, 'rubric', 'score', file, '--rubric', rubricPath, '--as-of', AS_OF, '--format', 'csv']);
  return Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1024;
}
const big = Number(process.env.BENCH_BIG_ROWS ?? ROWS * 5);
const csvBig = `${DATA}leads-${big}.csv`;
await generate(big, csvBig);
console.log(`\npeak RSS of align: ${peakRss(csv).toFixed(0)} MB at ${ROWS.toLocaleString('en-US')} rows, ${peakRss(csvBig).toFixed(0)} MB at ${big.toLocaleString('en-US')} rows (target < 200 MB, flat)`);

// Replay: scoreCsv with two rubrics in one pass against one rubric, in-process (wall and CPU),
// then the commands: `rubric diff A B --leads` against `rubric score` on the same file.
const replay = `
import { readFileSync } from 'node:fs';
import { loadYaml } from '${ROOT}dist/core/yaml/load.js';
import { RubricSchema } from '${ROOT}dist/core/schemas/rubric.js';
import { checkRubric } from '${ROOT}dist/core/checks/rubric.js';
import { compileRubric } from '${ROOT}dist/core/rubric/engine/compile.js';
import { scoreCsv } from '${ROOT}dist/adapters/leads/csv.js';
// The rubric is read as align reads it, so the replay scores what align rubric score would.
const load = (p) => {
  const loaded = loadYaml(p, readFileSync(p), RubricSchema, checkRubric);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  return compileRubric(loaded.data, { asOf: '${AS_OF}' });
};
const rubrics = process.argv.slice(2).map(load);
const t0 = performance.now();
const c0 = process.cpuUsage();
let moved = 0;
await scoreCsv('${csv}', rubrics, {}, (id, s) => { if (s.length > 1 && s[0].stage !== s[1].stage) moved++; });
const c = process.cpuUsage(c0);
process.stdout.write(JSON.stringify({ wall: performance.now() - t0, cpu: (c.user + c.system) / 1000 }));
`;
const replayScript = `${DATA}replay.mjs`;
writeFileSync(replayScript, replay);
const inproc = (rubrics) => JSON.parse(spawnSync(process.execPath, [replayScript, ...rubrics], { encoding: 'utf8' }).stdout);
const one = [];
const two = [];
for (let k = 0; k < RUNS; k++) {
  one.push(inproc([rubricPath]));
  two.push(inproc([rubricPath, rubricB]));
}
const med = (xs, key) => median(xs.map((x) => x[key]));
console.log(`\nreplay, scoreCsv in-process, median of ${RUNS}: one rubric ${fmt(med(one, 'wall'))} (CPU ${fmt(med(one, 'cpu'))}), two rubrics in one pass ${fmt(med(two, 'wall'))} (CPU ${fmt(med(two, 'cpu'))}): ${(med(two, 'wall') / med(one, 'wall')).toFixed(2)}x wall, ${(med(two, 'cpu') / med(one, 'cpu')).toFixed(2)}x CPU (target ≤ 1.3x)`);

const score1 = [];
const diff2 = [];
for (let k = 0; k < RUNS; k++) {
  score1.push(tools.align ? tools.align(SINK).ms : allTools.align(SINK).ms);
  try {
    diff2.push(run(process.execPath, [ALIGN, 'rubric', 'diff', rubricPath, rubricB, '--leads', csv, '--as-of', AS_OF, '--format', 'json']).ms);
  } catch (e) {
    console.log(`rubric diff --leads did not run: ${String(e instanceof Error ? e.message : e).split('\n')[0]}`);
    break;
  }
}
if (diff2.length) console.log(`rubric diff A B --leads ${fmt(median(diff2))} against rubric score --format csv ${fmt(median(score1))}: ${(median(diff2) / median(score1)).toFixed(2)}x (target ≤ 1.3x)`);
