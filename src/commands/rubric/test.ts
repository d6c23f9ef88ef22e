import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { today, type Context } from '../../adapters/context.js';
import { formatProblem, InputError, UserError } from '../../core/errors.js';
import { requireWorkspaceRoot, RUBRIC_FILE } from '../../adapters/workspace/load.js';
import { println, styles } from '../../adapters/terminal/style.js';
import { loadRubricForLint, type LocatedFinding } from '../../core/rubric/lint/load.js';
import { runGoldenTests, type GoldenResult } from '../../core/rubric/golden/run.js';
import { traceLines } from '../../core/rubric/golden/trace.js';

export async function run(args: string[], opts: Record<string, unknown>, ctx: Context): Promise<number> {
  const { path, label } = rubricPath(args[0], ctx);
  const asOf = opts.asOf === undefined ? today(ctx) : checkDate(String(opts.asOf));
  const loaded = loadRubricForLint(label, readFileSync(path));
  if (!loaded.ok) throw new InputError(loaded.problems, 'fix the rubric, then run `align rubric test` again');
  const results = runGoldenTests(loaded.rubric, asOf);
  const findings = loaded.findings;
  const failed = results.filter((r) => !r.passed).length;
  const errors = findings.filter((f) => f.severity === 'error').length;
  const code = failed || errors ? 1 : 0;
  if (opts.format === 'json') {
    println(ctx.stdout, JSON.stringify(jsonReport(label, asOf, results, findings, code === 0), null, 2));
    return code;
  }
  const { out } = styles(ctx);
  for (const r of results) {
    if (r.passed) println(ctx.stdout, `${out.green('✓')} ${r.name}: ${r.actual}`);
    else {
      println(ctx.stdout, `${out.red('✗')} ${r.name}: expected ${out.bold(r.expect)}, got ${out.bold(r.actual)} (as of ${r.asOf})`);
      for (const line of r.explanation ? traceLines(r.explanation) : []) println(ctx.stdout, `    ${line}`);
    }
  }
  for (const f of findings) {
    const text = formatProblem({ ...f, message: `${f.severity} [${f.rule}]: ${f.message}`, severity: 'error' });
    println(ctx.stdout, f.severity === 'error' ? out.red(text) : out.yellow(text));
  }
  const warnings = findings.length - errors;
  const tests = results.length === 0 ? 'no golden leads (add some under `tests:`)' : `${results.length} golden lead${results.length === 1 ? '' : 's'}: ${results.length - failed} passed, ${failed} failed`;
  println(ctx.stdout, `${tests}; lint: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
  return code;
}

function rubricPath(arg: string | undefined, ctx: Context): { path: string; label: string } {
  if (arg === undefined) {
    const root = requireWorkspaceRoot(ctx.cwd);
    const path = join(root, RUBRIC_FILE);
    if (!existsSync(path)) throw new UserError(`no ${RUBRIC_FILE} in ${root}`, 'run `align init` to start one, or pass the path of a rubric file');
    return { path, label: relative(ctx.cwd, path) || RUBRIC_FILE };
  }
  const path = resolve(ctx.cwd, arg);
  if (!existsSync(path)) throw new UserError(`no such rubric file: ${arg}`, 'pass the path of a rubric YAML file');
  return { path, label: arg };
}

function checkDate(s: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s) || Number.isNaN(Date.parse(`${s}T00:00:00Z`))) throw new UserError(`--as-of is not a date: ${s}`, 'write it as YYYY-MM-DD, e.g. --as-of 2026-11-27');
  return s;
}

function jsonReport(file: string, asOf: string, results: GoldenResult[], findings: LocatedFinding[], passed: boolean) {
  return {
    rubric: file,
    as_of: asOf,
    passed,
    tests: results.map((r) => ({
      name: r.name, expect: r.expect, actual: r.actual, passed: r.passed, as_of: r.asOf,
      score: { fit: r.score.fit, engagement: r.score.engagement, score: r.score.score, fired: r.score.fired },
      ...(r.explanation ? { trace: r.explanation } : {}),
    })),
    lint: findings.map((f) => ({ rule: f.rule, severity: f.severity, file: f.file, line: f.line ?? null, column: f.col ?? null, message: f.message, hint: f.hint ?? null })),
  };
}
