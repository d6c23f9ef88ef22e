// Shared by the benchmarks: median wall time of a command over repeated runs, and the one
// table of results. Every figure a benchmark reports goes through report() (or row()), which
// prints it and appends it to the file bench/run.js names in BENCH_RESULTS; run.js prints
// every figure in one table at the end and fails (exit 1) when a target is missed or a
// benchmark found that the tools compared disagree (fail()).
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** BENCH_QUICK=1: smaller inputs and fewer runs, for development; the figures are not the issue's. */
export const QUICK = process.env.BENCH_QUICK === '1';

let missed = 0;
process.on('exit', () => {
  if (missed) process.exitCode = 1;
});

/**
 * Runs argv `runs` times (after `warmup` runs) and returns the median wall time in ms.
 * `before` runs (untimed) before every run: a cold run drops align's caches there.
 * @param {string[]} argv
 * @param {{ runs?: number, warmup?: number, cwd?: string, env?: NodeJS.ProcessEnv, stdout?: 'ignore' | 'pipe', before?: () => void }} [options]
 */
export function medianMs(argv, { runs = 15, warmup = 2, cwd, env, stdout = 'ignore', before } = {}) {
  if (QUICK) runs = Math.max(3, Math.ceil(runs / 3));
  const times = [];
  for (let i = 0; i < warmup + runs; i++) {
    before?.();
    const t0 = process.hrtime.bigint();
    const r = spawnSync(argv[0], argv.slice(1), { cwd, env: env ?? process.env, stdio: ['ignore', stdout, 'pipe'], maxBuffer: 1 << 30 });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0 && r.status !== 1) throw new Error(`${argv.join(' ')} exited ${r.status}: ${r.stderr}`);
    if (i >= warmup) times.push(ms);
  }
  return median(times);
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Names of baselines by their time, so that row(label, ms, baseMs) can say what it was measured against. */
const baselines = new Map();

/**
 * One figure: `ms` against a baseline measured in the same run, with an optional target
 * (the ratio must be ≤ target). `base` is a time (a row whose time equals it, printed first,
 * names it) or { label, ms }. Prints the line and records it for the table.
 * @param {string} label
 * @param {number} ms
 * @param {number | { label: string, ms: number }} base
 * @param {number} [target]
 */
export function row(label, ms, base, target) {
  const baseMs = typeof base === 'number' ? base : base.ms;
  const baseLabel = typeof base === 'number' ? (baselines.get(base) ?? (ms === base ? label : '')) : base.label;
  if (typeof base === 'number' && ms === base && !baselines.has(base)) baselines.set(base, label);
  return report({ measure: label, value: ms, baseline: baseLabel, baseValue: baseMs, target, unit: 'ms' });
}

/**
 * Records one figure for the table and returns its printed line.
 * @param {{ measure: string, value: number, baseline: string, baseValue: number, target?: number, unit?: string, higherIsBetter?: boolean }} r
 */
export function report({ measure, value, baseline, baseValue, target, unit = 'ms', higherIsBetter = false }) {
  const ratio = value / baseValue;
  const met = target === undefined ? null : higherIsBetter ? ratio >= target : ratio <= target;
  if (met === false) missed++;
  const entry = { bench: process.env.BENCH_NAME ?? '', measure, value, baseline, baseValue, ratio, target: target ?? null, higherIsBetter, unit, met, quick: QUICK };
  if (process.env.BENCH_RESULTS) appendFileSync(process.env.BENCH_RESULTS, `${JSON.stringify(entry)}\n`);
  const verdict = target === undefined ? '' : `  (target ${higherIsBetter ? '≥' : '≤'} ${target}×: ${met ? 'met' : 'NOT met'})`;
  return `${measure.padEnd(48)} ${value.toFixed(1).padStart(9)} ${unit.padEnd(2)} ${ratio.toFixed(2).padStart(6)}×${verdict}`;
}

/** A check that failed (the tools disagree, a run went wrong): printed, in the table, and exit 1. */
export function fail(message) {
  missed++;
  console.log(`FAILED: ${message}`);
  if (process.env.BENCH_RESULTS) appendFileSync(process.env.BENCH_RESULTS, `${JSON.stringify({ bench: process.env.BENCH_NAME ?? '', failed: message })}\n`);
}

/** sha256 of a string or buffer, shortened: what "the same per-lead output" is compared by. */
export function hash(data) {
  return createHash('sha256').update(data).digest('hex').slice(0, 16);
}

export function has(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
}

/** Median microseconds per call of fn, in process: warm up, then 7 batches of n calls. */
export function perCallUs(fn, n = 2000, warmup = Math.max(50, n / 10)) {
  for (let i = 0; i < warmup; i++) fn();
  const samples = [];
  for (let k = 0; k < 7; k++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i++) fn();
    samples.push(Number(process.hrtime.bigint() - t0) / 1e3 / n);
  }
  return samples.sort((a, b) => a - b)[3];
}

/**
 * Where a benchmark throws output away: a null device of its own (mknod, as root) in a temp
 * folder, else an ordinary temp file. Never the machine's /dev/null: a tool that replaces the
 * file it is given would replace that device for the whole machine.
 */
export function nullSink() {
  const dir = mkdtempSync(join(tmpdir(), 'align-bench-sink-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, 'null');
  if (spawnSync('mknod', [path, 'c', '1', '3']).status !== 0) writeFileSync(path, '');
  return path;
}

/** Removes align's caches from a repository's git folder, so that the next run is cold. */
export function dropCaches(repo) {
  for (const name of ['align-sessions.json', 'align-rubric-log']) rmSync(join(repo, '.git', name), { force: true });
}
