// Runs every benchmark in bench/*.bench.js, one after another, so that they do not compete
// for the machine's two cores, then prints every figure they recorded in ONE table: measure,
// baseline, ratio, target, met. Exits 1 when a benchmark failed (the tools compared disagree,
// a run went wrong) or a target was missed. `node bench/run.js score log` runs the benchmarks
// whose file names contain one of the words; BENCH_QUICK=1 makes a quick run (smaller inputs).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(dir).filter((f) => f.endsWith('.bench.js') && (!only.length || only.some((o) => f.includes(o)))).sort();
const tmp = mkdtempSync(join(tmpdir(), 'align-bench-'));
const results = join(tmp, 'results.ndjson');
let failed = 0;
const crashed = [];
for (const f of files) {
  console.log(`\n## ${f}`);
  const r = spawnSync(process.execPath, [`${dir}${f}`], { stdio: 'inherit', env: { ...process.env, BENCH_RESULTS: results, BENCH_NAME: f.replace('.bench.js', '') } });
  if (r.status !== 0) {
    failed++;
    crashed.push(`${f} exited ${r.status ?? r.signal}`);
  }
}
let entries = [];
try {
  entries = readFileSync(results, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
} catch {}
rmSync(tmp, { recursive: true, force: true });

const figure = (v, unit) => (unit === 'ms' ? (v >= 10_000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(1)} ms`) : `${v.toFixed(1)} ${unit}`);
const rows = entries.filter((e) => !e.failed).map((e) => [
  `${e.bench}: ${e.measure}`,
  e.baseline === e.measure ? '(baseline)' : `${e.baseline} ${figure(e.baseValue, e.unit)}`,
  figure(e.value, e.unit),
  `${e.ratio.toFixed(2)}×`,
  e.target === null ? '' : `${e.higherIsBetter ? '≥' : '≤'} ${e.target}×`,
  e.met === null ? '' : e.met ? 'yes' : 'NO',
]);
const head = ['measure', 'baseline', 'value', 'ratio', 'target', 'met'];
const widths = head.map((h, k) => Math.max(h.length, ...rows.map((r) => r[k].length)));
const line = (cells) => `| ${cells.map((c, k) => c.padEnd(widths[k])).join(' | ')} |`;
console.log(`\n# results${process.env.BENCH_QUICK === '1' ? ' (QUICK: smaller inputs, not the issue\'s figures)' : ''}\n`);
console.log(line(head));
console.log(line(widths.map((w) => '-'.repeat(w))));
for (const r of rows) console.log(line(r));
const missed = entries.filter((e) => e.met === false);
const problems = [...entries.filter((e) => e.failed).map((e) => `${e.bench}: ${e.failed}`), ...crashed];
for (const p of problems) console.log(`FAILED: ${p}`);
console.log(`\n${missed.length} target${missed.length === 1 ? '' : 's'} missed, ${problems.length} failure${problems.length === 1 ? '' : 's'}`);
process.exitCode = failed || missed.length || problems.length ? 1 : 0;
