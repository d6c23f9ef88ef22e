import type { Context } from '../cli/context.js';
import { UserError } from '../errors.js';
import { readRubric } from '../adapters/rubric-source.js';
import { findWorkspaceRoot } from '../adapters/workspace.js';
import { styles } from '../adapters/terminal.js';
import { diffRubrics } from '../core/rubric/diff.js';
import type { DiffReport, Paint } from '../core/rubric/diff-report.js';
import { renderDiffJson } from '../core/rubric/diff-render-json.js';
import { renderDiffMarkdown } from '../core/rubric/diff-render-md.js';
import { renderDiffTable } from '../core/rubric/diff-render-table.js';

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
  return renderDiffTable(report, paint);
}

async function leadMovement(..._: unknown[]): Promise<never> {
  throw new UserError('--leads is not wired yet');
}
