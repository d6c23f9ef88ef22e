// align rubric score on leads as a CRM exports them, against the plain file with the same leads,
// in the same run: the 1,000,000-row leads of the other leads benchmarks (bench/leads-data.js)
// written again with every cell quoted and the headers a CRM export gives ("Record ID",
// "Number of Employees", "Job Title", …), read through a column map (--columns). Targets:
// - the quoted CRM-style file within 1.5× of the plain one;
// - matching headers by the map and by their normalised names costs nothing per row: the plain
//   file with CRM headers (unquoted) against the plain file, within 1.1× (the noise of a run).
// The three runs must write the same leads (the id column's header aside), or the benchmark fails.
// Each is timed warm, interleaved, median of BENCH_RUNS (default 5). BENCH_QUICK=1: 100,000 rows.
import { spawnSync } from 'node:child_process';
import { closeSync, createReadStream, createWriteStream, existsSync, mkdirSync, openSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { ALIGN, AS_OF, DATA, generate, ROWS, RUBRIC } from './leads-data.js';
import { fail, hash, median, nullSink, QUICK, report } from './lib.js';

const RUNS = Number(process.env.BENCH_RUNS ?? (QUICK ? 3 : 5));
const SINK = nullSink();
mkdirSync(DATA, { recursive: true });

/** The plain file's columns as a HubSpot-style export names them. */
const CRM_HEADERS = ['Record ID', 'Email', 'Number of Employees', 'Job Title', 'Country/Region', 'Industry', 'Demo Requested', 'Webinar Attended', 'Pricing Page Views', 'Last Activity Date', 'Annual Budget', 'Lead Source'];
/** Fields whose CRM header is not their name once normalised: the map the runs are given. */
const MAP = `employees: [Number of Employees]\ntitle: [Job Title]\ncountry: [Country/Region]\nannual_budget: [Annual Budget]\nlast_activity: [Last Activity Date]\n`;

/** The plain file again with CRM headers, every cell quoted (`quote`) or not. */
async function rewrite(from, to, quote) {
  if (existsSync(to)) return;
  const out = createWriteStream(`${to}.tmp`);
  const q = (cells) => (quote ? cells.map((c) => `"${c.replaceAll('"', '""')}"`) : cells).join(',');
  let first = true;
  let buf = '';
  for await (const line of createInterface({ input: createReadStream(from), crlfDelay: Infinity })) {
    // the generated file has no quotes, commas inside cells or line breaks inside cells
    buf += `${q(first ? CRM_HEADERS : line.split(','))}\n`;
    first = false;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await new Promise((r) => out.once('drain', () => r(undefined)));
      buf = '';
    }
  }
  out.write(buf);
  await new Promise((r) => out.end(r));
  renameSync(`${to}.tmp`, to);
}

function run(args, out = SINK) {
  const fd = openSync(out, 'w');
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [ALIGN, ...args], { stdio: ['ignore', fd, 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  closeSync(fd);
  if (r.status !== 0) throw new Error(`align ${args.join(' ')} failed (${r.status}): ${String(r.stderr).slice(0, 2000)}`);
  return ms;
}

const plain = `${DATA}leads-${ROWS}.csv`;
await generate(ROWS, plain);
const crm = `${DATA}leads-${ROWS}-crm.csv`;
const quoted = `${DATA}leads-${ROWS}-crm-quoted.csv`;
await rewrite(plain, crm, false);
await rewrite(plain, quoted, true);
const rubric = `${DATA}rubric-15.yaml`;
const map = `${DATA}crm-columns.yaml`;
writeFileSync(rubric, RUBRIC);
writeFileSync(map, MAP);

const score = (file, extra = []) => ['rubric', 'score', file, '--rubric', rubric, '--as-of', AS_OF, '--format', 'csv', ...extra];
const runs = {
  'plain file': () => score(plain),
  'CRM headers, by --columns': () => score(crm, ['--columns', map]),
  'CRM headers, every cell quoted': () => score(quoted, ['--columns', map]),
};

// The same leads, scored the same: every line but the header (which names the id column as the file does).
const seen = {};
for (const [name, args] of Object.entries(runs)) {
  const out = `${DATA}out-crm-${Object.keys(seen).length}.csv`;
  run(args(), out);
  const lines = readFileSync(out, 'utf8').split('\n');
  seen[name] = { leads: lines.length - 2, hash: hash(lines.slice(1).join('\n')) };
}
const [base, ...others] = Object.entries(seen);
for (const [name, s] of others) {
  if (s.hash !== base[1].hash || s.leads !== base[1].leads) fail(`${name} scored other leads than the ${base[0]}: ${JSON.stringify(s)} against ${JSON.stringify(base[1])}`);
}
if (base[1].leads !== ROWS) fail(`the plain file gave ${base[1].leads} leads, not ${ROWS}`);

/** @type {Record<string, number[]>} */
const times = Object.fromEntries(Object.keys(runs).map((k) => [k, []]));
for (let i = 0; i < RUNS; i++) for (const [name, args] of Object.entries(runs)) times[name].push(run(args()));
const ms = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
const rows = ROWS.toLocaleString('en-US');
const baseLabel = `align rubric score, plain file (${rows})`;
console.log(report({ measure: baseLabel, value: ms['plain file'], baseline: baseLabel, baseValue: ms['plain file'] }));
console.log(report({ measure: `CRM headers matched by a column map (${rows})`, value: ms['CRM headers, by --columns'], baseline: baseLabel, baseValue: ms['plain file'], target: 1.1 }));
console.log(report({ measure: `CRM export, every cell quoted (${rows})`, value: ms['CRM headers, every cell quoted'], baseline: baseLabel, baseValue: ms['plain file'], target: 1.5 }));
