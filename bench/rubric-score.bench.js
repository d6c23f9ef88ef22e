// align rubric score on a generated 1,000,000-row, 12-column leads CSV and a 15-criterion
// rubric, side by side in the same run with Miller (mlr) and DuckDB computing the same
// scores; peak memory at 1M and 5M rows; the two-rubric single pass that `rubric diff --leads`
// uses against one pass; and the worker threads against one thread.
// Run after a build: node bench/run.js rubric-score
// Every tool writes the same thing (id, fit, engagement, score, stage as CSV) to the same sink,
// and is first checked to write the same leads: the stage counts and a hash of every lead's
// line (numbers normalised) must agree, or the benchmark fails. Each is then timed warm (the
// checking run warms the page cache), interleaved, median of BENCH_RUNS (default 5).
// Data is generated once with a fixed seed and cached in bench/data/ (git-ignored).
// BENCH_QUICK=1 (or BENCH_ROWS=…) makes a quick run.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, openSync, closeSync } from 'node:fs';

const RUNS = Number(process.env.BENCH_RUNS ?? (QUICK ? 3 : 5));
// Miller only where it is installed (the Debian package `miller`); the rest come with npm ci.
const TOOLS = (process.env.BENCH_TOOLS ?? `align,${has('mlr') ? 'mlr,' : ''}duckdb`).split(',');
mkdirSync(DATA, { recursive: true });

import { ALIGN, AS_OF, DATA, generate, ROOT, ROWS, RUBRIC, RUBRIC_B } from './leads-data.js';
import { fail, has, hash, median, nullSink, QUICK, report } from './lib.js';

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

/** What a tool wrote, compared: its stage counts and a hash of every lead's line in order, numbers normalised (15.0 = 15). */
function digest(csvPath) {
  const counts = {};
  const text = readFileSync(csvPath, 'utf8');
  const lines = text.split('\n');
  const norm = [];
  for (let k = 1; k < lines.length; k++) {
    const line = lines[k].replace(/\r$/, '');
    if (line === '') continue;
    const cells = line.split(',');
    const stage = cells[cells.length - 1];
    counts[stage] = (counts[stage] ?? 0) + 1;
    norm.push(cells.map((v, i) => (i >= 1 && i <= 3 ? String(Number(v)) : v)).join(','));
  }
  return { header: lines[0].replace(/\r$/, ''), leads: norm.length, counts: Object.fromEntries(Object.entries(counts).sort()), hash: hash(norm.join('\n')) };
}

const csv = `${DATA}leads-${ROWS}.csv`;
await generate(ROWS, csv);
const rubricPath = `${DATA}rubric-15.yaml`;
const rubricB = `${DATA}rubric-15-b.yaml`;
writeFileSync(rubricPath, RUBRIC);
writeFileSync(rubricB, RUBRIC_B);
const duckScript = `${DATA}duckdb-score.mjs`;
writeFileSync(duckScript, `import { DuckDBInstance } from '${ROOT}node_modules/@duckdb/node-api/lib/index.js';\nconst db = await DuckDBInstance.create(':memory:');\nconst c = await db.connect();\nawait c.run(process.argv[2]);\n`);

const score = (file, extra = []) => [ALIGN, 'rubric', 'score', file, '--rubric', rubricPath, '--as-of', AS_OF, '--format', 'csv', ...extra];
const allTools = {
  align: (out) => run(process.execPath, score(csv), { out }),
  'align --jobs 1': (out) => run(process.execPath, score(csv, ['--jobs', '1']), { out }),
  mlr: (out) => run('mlr', ['--icsv', '--ocsv', 'put', MLR, csv], { out }),
  duckdb: (out) => run(process.execPath, [duckScript, duckSql(csv, out)], { out }),
};
// --jobs only where this build has it (a run of the benchmark on an older build gives the "before" figures).
const JOBS = spawnSync(process.execPath, [ALIGN, 'rubric', 'score', '--help'], { encoding: 'utf8' }).stdout.includes('--jobs');
/** @type {Partial<typeof allTools>} */
const tools = Object.fromEntries(Object.entries(allTools).filter(([k]) => TOOLS.includes(k.split(' ')[0]) && (JOBS || !k.includes('--jobs'))));

// Same leads? Every tool writes to a file once (which also warms the page cache), compared with align's.
console.log(`checking that ${Object.keys(tools).join(', ')} write the same ${ROWS.toLocaleString('en-US')} leads…`);
const digests = {};
for (const [name, f] of Object.entries(tools)) {
  const out = `${DATA}out-${name.replace(/\W+/g, '-')}.csv`;
  f(out);
  digests[name] = digest(out);
  console.log(`  ${name.padEnd(16)} ${digests[name].leads} leads, hash ${digests[name].hash}, ${JSON.stringify(digests[name].counts)}`);
}
for (const [name, d] of Object.entries(digests)) {
  if (d.leads !== ROWS) fail(`${name} wrote ${d.leads} leads, not ${ROWS}`);
  if (JSON.stringify(d.counts) !== JSON.stringify(digests.align.counts)) fail(`${name}'s stage counts differ from align's`);
  if (d.hash !== digests.align.hash) fail(`${name}'s per-lead output differs from align's (hash ${d.hash}, align ${digests.align.hash})`);
}

/** @type {Record<string, number[]>} */
const times = Object.fromEntries(Object.keys(tools).map((k) => [k, []]));
for (let k = 0; k < RUNS; k++) for (const [name, f] of Object.entries(tools)) times[name].push(f(SINK).ms);
const m = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
const rows = `${ROWS / 1e6}M leads`;
console.log(`\nwall time, warm, median of ${RUNS}, runs interleaved (2 shared cores: noisy):`);
if (m.duckdb) {
  const duck = { label: `duckdb read_csv + CASE (${rows})`, ms: m.duckdb };
  console.log(report({ measure: duck.label, value: m.duckdb, baseline: duck.label, baseValue: m.duckdb }));
  console.log(report({ measure: `align rubric score --format csv (${rows})`, value: m.align, baseline: duck.label, baseValue: m.duckdb, target: 1.0 }));
}
if (m.mlr) console.log(report({ measure: `align rubric score, against mlr put (${rows})`, value: m.align, baseline: `mlr put (${rows})`, baseValue: m.mlr, target: 1 / 8 }));
if (JOBS) {
  const jobs1 = `align rubric score --jobs 1 (${rows})`;
  console.log(report({ measure: jobs1, value: m['align --jobs 1'], baseline: jobs1, baseValue: m['align --jobs 1'] }));
  console.log(report({ measure: `align rubric score, all cores (${rows})`, value: m.align, baseline: jobs1, baseValue: m['align --jobs 1'] }));
}

// Peak memory, workers included (they are threads of the one process): /usr/bin/time -v reports the maximum resident set size.
function peakRss(file) {
  const r = run('/usr/bin/time', ['-v', process.execPath, ...score(file)]);
  return Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1024;
}
const big = Number(process.env.BENCH_BIG_ROWS ?? ROWS * 5);
const csvBig = `${DATA}leads-${big}.csv`;
await generate(big, csvBig);
const rssSmall = peakRss(csv);
const rssBig = peakRss(csvBig);
const limit = { label: 'limit 300 MB', ms: 300 };
console.log(report({ measure: `align peak RSS at ${big.toLocaleString('en-US')} rows`, value: rssBig, baseline: limit.label, baseValue: limit.ms, target: 1, unit: 'MB' }));
console.log(report({ measure: `align peak RSS at ${big.toLocaleString('en-US')} rows (flat)`, value: rssBig, baseline: `at ${ROWS.toLocaleString('en-US')} rows`, baseValue: rssSmall, target: 1.25, unit: 'MB' }));

// Replay: scoreCsv with two rubrics in one pass against one rubric, in-process, on one thread
// (CPU time: what the second rubric costs), neither writing anything.
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
const c0 = process.cpuUsage();
let moved = 0;
await scoreCsv('${csv}', rubrics, {}, (id, s) => { if (s.length > 1 && s[0].stage !== s[1].stage) moved++; });
const c = process.cpuUsage(c0);
process.stdout.write(JSON.stringify({ cpu: (c.user + c.system) / 1000 }));
`;
const replayScript = `${DATA}replay.mjs`;
writeFileSync(replayScript, replay);
const inproc = (rubrics) => JSON.parse(spawnSync(process.execPath, [replayScript, ...rubrics], { encoding: 'utf8' }).stdout).cpu;
const one = [];
const two = [];
for (let k = 0; k < RUNS; k++) {
  one.push(inproc([rubricPath]));
  two.push(inproc([rubricPath, rubricB]));
}
const oneLabel = `scoreCsv CPU, one rubric (${rows})`;
console.log(report({ measure: oneLabel, value: median(one), baseline: oneLabel, baseValue: median(one) }));
console.log(report({ measure: `scoreCsv CPU, two rubrics in one pass (${rows})`, value: median(two), baseline: oneLabel, baseValue: median(one), target: 1.3 }));

// rubric diff --leads on worker threads against one thread: the same command, the same output.
if (JOBS) {
const diffArgs = (extra) => [ALIGN, 'rubric', 'diff', rubricPath, rubricB, '--leads', csv, '--as-of', AS_OF, '--format', 'json', ...extra];
const diffOut = [`${DATA}diff-all.json`, `${DATA}diff-1.json`];
run(process.execPath, diffArgs([]), { out: diffOut[0] });
run(process.execPath, diffArgs(['--jobs', '1']), { out: diffOut[1] });
if (hash(readFileSync(diffOut[0])) !== hash(readFileSync(diffOut[1]))) fail('rubric diff --leads writes something else on worker threads than on one');
const diffAll = [];
const diffOne = [];
for (let k = 0; k < RUNS; k++) {
  diffAll.push(run(process.execPath, diffArgs([])).ms);
  diffOne.push(run(process.execPath, diffArgs(['--jobs', '1'])).ms);
}
const diff1 = `rubric diff --leads --jobs 1 (${rows})`;
console.log(report({ measure: diff1, value: median(diffOne), baseline: diff1, baseValue: median(diffOne) }));
console.log(report({ measure: `rubric diff --leads, all cores (${rows})`, value: median(diffAll), baseline: diff1, baseValue: median(diffOne) }));
}
