import { resolve } from 'node:path';
import { today, type Context } from '../../adapters/context.js';
import { formatProblem, UserError } from '../../core/errors.js';
import { checkDelimiter, scoreCsv } from '../../adapters/leads/csv.js';
import { progressBar } from '../../adapters/terminal/progress.js';
import { println } from '../../adapters/terminal/style.js';
import { compileRubric } from '../../core/rubric/engine/compile.js';
import { movementTally, type LeadMovement } from '../../core/rubric/diff/leads.js';
import { isRealDate } from '../../core/schemas/common.js';
import type { Rubric } from '../../core/schemas/rubric.js';
import { readRubric } from '../../adapters/workspace/rubric-source.js';
import { findWorkspaceRoot } from '../../adapters/workspace/load.js';
import { styles } from '../../adapters/terminal/style.js';
import { diffRubrics } from '../../core/rubric/diff/diff.js';
import type { DiffReport, Paint } from '../../core/rubric/diff/report.js';
import { renderDiffJson } from '../../core/rubric/diff/render-json.js';
import { renderDiffMarkdown } from '../../core/rubric/diff/render-md.js';
import { renderDiffTable } from '../../core/rubric/diff/render-text.js';

export async function run(args: string[], opts: Record<string, unknown>, ctx: Context): Promise<number> {
  const [a, b] = args;
  const root = findWorkspaceRoot(ctx.cwd) ?? ctx.cwd;
  // Default: what is committed against what is on disk, as `git diff` does.
  const from = await readRubric(a ?? 'HEAD', ctx.cwd, root);
  const to = await readRubric(b, ctx.cwd, root);
  const report: DiffReport = { from: from.label, to: b === undefined ? `${to.label} (working tree)` : to.label, changes: diffRubrics(from.rubric, to.rubric) };
  if (typeof opts.leads === 'string') {
    report.leads = await leadMovement(opts.leads, from.rubric, to.rubric, opts, ctx);
  }
  ctx.stdout.write(render(report, String(opts.format ?? 'table'), ctx));
  return opts.exitCode && report.changes.length > 0 ? 1 : 0;
}

function render(report: DiffReport, format: string, ctx: Context): string {
  if (format === 'json') return renderDiffJson(report);
  if (format === 'md') return renderDiffMarkdown(report);
  const { out } = styles(ctx);
  const paint: Paint = { added: out.green, removed: out.red, changed: out.yellow, dim: out.dim, bold: out.bold };
  return renderDiffTable(report, paint, ctx.stdout.isTTY ? ctx.stdout.columns : undefined);
}

const SHOWN_SKIPS = 10;

/** Scores every lead under both versions in one pass over the CSV and tallies the stage transitions. */
async function leadMovement(file: string, a: Rubric, b: Rubric, opts: Record<string, unknown>, ctx: Context): Promise<LeadMovement> {
  const asOf = opts.asOf === undefined ? today(ctx) : String(opts.asOf);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || !isRealDate(asOf)) throw new UserError(`--as-of must be a date written YYYY-MM-DD, not "${asOf}"`, 'for example --as-of 2026-11-27');
  const tally = movementTally(a, b);
  const path = resolve(ctx.cwd, file);
  const progress = progressBar(ctx.stderr, `scoring ${file}`);
  let rows = 0;
  let skipped = 0;
  try {
    await scoreCsv(
      path,
      [compileRubric(a, { asOf }), compileRubric(b, { asOf })],
      {
        delimiter: checkDelimiter(opts.delimiter as string | undefined),
        ...(opts.idColumn !== undefined ? { idColumn: String(opts.idColumn) } : {}),
        label: file,
        onSkip(p) {
          if (++skipped <= SHOWN_SKIPS) println(ctx.stderr, formatProblem(p));
        },
        onProgress: (bytes, total) => progress.update(bytes, total, rows),
      },
      (id, scores) => {
        rows++;
        tally.add(id, scores[0]!, scores[1]!);
      },
    );
  } finally {
    progress.done();
  }
  if (skipped > SHOWN_SKIPS) println(ctx.stderr, `… and ${skipped - SHOWN_SKIPS} more rows skipped`);
  return tally.result();
}
