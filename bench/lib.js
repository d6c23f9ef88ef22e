// Shared by the benchmarks: median wall time of a command over repeated runs.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Runs argv `runs` times (after `warmup` runs) and returns the median wall time in ms.
 * @param {string[]} argv
 * @param {{ runs?: number, warmup?: number, cwd?: string, env?: NodeJS.ProcessEnv, stdout?: 'ignore' | 'pipe' }} [options]
 */
export function medianMs(argv, { runs = 15, warmup = 2, cwd, env, stdout = 'ignore' } = {}) {
  const times = [];
  for (let i = 0; i < warmup + runs; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(argv[0], argv.slice(1), { cwd, env: env ?? process.env, stdio: ['ignore', stdout, 'pipe'], maxBuffer: 1 << 30 });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0 && r.status !== 1) throw new Error(`${argv.join(' ')} exited ${r.status}: ${r.stderr}`);
    if (i >= warmup) times.push(ms);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

export function row(label, ms, baseMs, target) {
  const ratio = ms / baseMs;
  const verdict = target === undefined ? '' : ratio <= target ? `  (target ≤ ${target}×: met)` : `  (target ≤ ${target}×: NOT met)`;
  return `${label.padEnd(48)} ${ms.toFixed(1).padStart(9)} ms  ${ratio.toFixed(2).padStart(6)}×${verdict}`;
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
