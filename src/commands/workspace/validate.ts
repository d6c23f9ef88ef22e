import type { Context } from '../../adapters/context.js';
import { formatProblem, UserError, type Problem } from '../../core/errors.js';
import { jsonDocument } from '../../core/output/json.js';
import { DOCUMENTS } from '../../core/output/documents.js';
import { defineCommand } from '../../cli/define.js';
import { formatFlag } from '../../cli/flags.js';
import { requireWorkspaceRoot, loadWorkspace } from '../../adapters/workspace/load.js';
import { recoverInterrupted } from '../../adapters/workspace/writing.js';
import { println, styles } from '../../adapters/terminal/style.js';

export const command = defineCommand({
  path: ['validate'],
  description: 'check every workspace file against its schema and the references between them',
  flags: { format: formatFlag(['text', 'json']) },
  examples: ['align validate', 'align validate --format json', 'align -C path/to/workspace validate'],
  run: ({ opts, ctx }) => validate(opts.format, ctx),
});

interface Checked {
  root: string;
  files: number;
  /** Errors and warnings, by file and line. */
  problems: Problem[];
  errors: number;
  warnings: number;
  failedFiles: number;
}

async function validate(format: 'text' | 'json', ctx: Context): Promise<number> {
  const root = requireWorkspaceRoot(ctx.cwd);
  // A write left interrupted is finished or undone first; where that cannot be done, it is a problem of the workspace.
  try {
    recoverInterrupted(root, 'validate', ctx);
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    println(ctx.stderr, `align: ${e.message}`);
  }
  const ws = loadWorkspace(root);
  const problems = [...ws.problems, ...ws.warnings].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
  const checked = { root, files: ws.files.length, problems, errors: ws.problems.length, warnings: ws.warnings.length, failedFiles: new Set(ws.problems.map((p) => p.file)).size };
  RENDERERS[format](checked, ctx);
  return checked.errors ? 1 : 0;
}

const RENDERERS: Record<'text' | 'json', (c: Checked, ctx: Context) => void> = {
  json(c, ctx) {
    const problems = c.problems.map((p) => ({ file: p.file, line: p.line ?? null, column: p.col ?? null, severity: p.severity ?? 'error', message: p.message, hint: p.hint ?? null }));
    ctx.stdout.write(jsonDocument(DOCUMENTS.validate, { valid: c.errors === 0, root: c.root, files: c.files, problems }));
  },
  text(c, ctx) {
    const { out, err } = styles(ctx);
    for (const p of c.problems) println(ctx.stderr, p.severity === 'warning' ? err.yellow(formatProblem(p)) : err.red(formatProblem(p)));
    if (c.errors) {
      println(ctx.stderr, `${c.errors} problem${c.errors > 1 ? 's' : ''} in ${c.failedFiles} file${c.failedFiles > 1 ? 's' : ''}`);
      return;
    }
    const warn = c.warnings ? ` (${c.warnings} warning${c.warnings > 1 ? 's' : ''})` : '';
    println(ctx.stdout, `${out.green('✓')} workspace is valid: ${c.files} file${c.files === 1 ? '' : 's'} checked${warn}`);
  },
};
