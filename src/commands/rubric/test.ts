import type { Context } from '../../adapters/context.js';
import { formatProblem, InputError } from '../../core/errors.js';
import { findWorkspaceRoot, requireWorkspaceRoot } from '../../adapters/workspace/root.js';
import { readRubricSource } from '../../adapters/workspace/rubric-source.js';
import { defineCommand } from '../../cli/define.js';
import { asOfFlag, formatFlag, localeFlag, setting } from '../../cli/flags.js';
import { configuredLocale } from '../../adapters/workspace/locale.js';
import { DEFAULT_LOCALE, type Locale } from '../../core/values/locale.js';
import { styles } from '../../adapters/terminal/style.js';
import { jsonDocument } from '../../core/output/json.js';
import { DOCUMENTS } from '../../core/output/documents.js';
import { loadRubricForLint, type LocatedFinding } from '../../core/rubric/lint/load.js';
import { runGoldenTests, type GoldenResult } from '../../core/rubric/golden/run.js';
import { traceLines } from '../../core/rubric/golden/trace.js';
import { terminalSafe as t } from '../../core/text/terminal.js';

export const command = defineCommand({
  path: ['rubric', 'test'],
  args: '[rubric]',
  description: "run the rubric's golden leads (tests:) and lint it: unreachable stages, criteria that never fire, duplicate conditions, bad regular expressions; the rubric is a file, REV:PATH or a git revision (default: the workspace rubric.yaml)",
  flags: {
    asOf: asOfFlag('the scoring date for tests without their own as_of'),
    format: formatFlag(['text', 'json']),
    locale: localeFlag(),
  },
  examples: ['align rubric test', 'align rubric test --as-of 2026-12-01', 'align rubric test proposals/rubric.yaml --format json', 'align rubric test HEAD~1'],
  run: ({ args, opts, ctx }) => test(args[0], opts.asOf, opts.format, opts.locale, ctx),
});

async function test(spec: string | undefined, asOf: string, format: 'text' | 'json', locale: Locale | undefined, ctx: Context): Promise<number> {
  const root = spec === undefined ? requireWorkspaceRoot(ctx.cwd) : (findWorkspaceRoot(ctx.cwd) ?? ctx.cwd);
  const { label, bytes } = await readRubricSource(spec, { cwd: ctx.cwd, root, env: ctx.env });
  const loaded = loadRubricForLint(label, bytes);
  if (!loaded.ok) throw new InputError(loaded.problems, 'fix the rubric, then run `align rubric test` again');
  const results = runGoldenTests(loaded.rubric, asOf, setting(locale, configuredLocale(root), DEFAULT_LOCALE));
  const findings = loaded.findings;
  const failed = results.filter((r) => !r.passed).length;
  const errors = findings.filter((f) => f.severity === 'error').length;
  const code = failed || errors ? 1 : 0;
  ctx.stdout.write(RENDERERS[format]({ rubric: label, asOf, results, findings, failed, errors }, ctx));
  return code;
}

interface TestRun {
  rubric: string;
  asOf: string;
  results: GoldenResult[];
  findings: LocatedFinding[];
  failed: number;
  errors: number;
}

const RENDERERS: Record<'text' | 'json', (run: TestRun, ctx: Context) => string> = {
  json: (run) => jsonDocument(DOCUMENTS.rubricTest, jsonReport(run)),
  text({ results, findings, failed, errors }, ctx) {
    const { out } = styles(ctx);
    const lines: string[] = [];
    // Names, stages, values and reasons come from the rubric: made safe for the terminal before any colour.
    for (const r of results) {
      if (r.passed) lines.push(`${out.green('✓')} ${t(r.name)}: ${t(r.actual)}`);
      else {
        lines.push(`${out.red('✗')} ${t(r.name)}: expected ${out.bold(t(r.expect))}, got ${out.bold(t(r.actual))} (as of ${r.asOf})`);
        for (const line of r.explanation ? traceLines(r.explanation) : []) lines.push(`    ${t(line)}`);
      }
    }
    for (const f of findings) {
      const text = formatProblem({ ...f, message: `${f.severity} [${f.rule}]: ${f.message}`, severity: 'error' });
      lines.push(f.severity === 'error' ? out.red(text) : out.yellow(text));
    }
    const warnings = findings.length - errors;
    const tests = results.length === 0 ? 'no golden leads (add some under `tests:`)' : `${results.length} golden lead${results.length === 1 ? '' : 's'}: ${results.length - failed} passed, ${failed} failed`;
    lines.push(`${tests}; lint: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
    return `${lines.join('\n')}\n`;
  },
};

function jsonReport({ rubric, asOf, results, findings, failed, errors }: TestRun) {
  return {
    rubric,
    as_of: asOf,
    passed: failed === 0 && errors === 0,
    tests: results.map((r) => ({
      name: r.name, expect: r.expect, actual: r.actual, passed: r.passed, as_of: r.asOf,
      score: { fit: r.score.fit, engagement: r.score.engagement, score: r.score.score, fired: r.score.fired },
      ...(r.explanation ? { trace: r.explanation } : {}),
    })),
    lint: findings.map((f) => ({ rule: f.rule, severity: f.severity, file: f.file, line: f.line ?? null, column: f.col ?? null, message: f.message, hint: f.hint ?? null })),
  };
}
