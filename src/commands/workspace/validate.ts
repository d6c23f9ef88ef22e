import type { Context } from '../../adapters/context.js';
import { formatProblem } from '../../core/errors.js';
import { defineCommand } from '../../cli/define.js';
import { formatFlag } from '../../cli/flags.js';
import { requireWorkspaceRoot, loadWorkspace } from '../../adapters/workspace/load.js';
import { println, styles } from '../../adapters/terminal/style.js';

export const command = defineCommand({
  path: ['validate'],
  description: 'check every workspace file against its schema and the references between them',
  flags: { format: formatFlag(['text', 'json']) },
  examples: ['align validate', 'align validate --format json', 'align -C path/to/workspace validate'],
  run: ({ opts, ctx }) => validate(opts.format, ctx),
});

async function validate(format: 'text' | 'json', ctx: Context): Promise<number> {
  const root = requireWorkspaceRoot(ctx.cwd);
  const ws = loadWorkspace(root);
  const failedFiles = new Set(ws.problems.map((p) => p.file));
  const checked = ws.files.length;
  const problems = [...ws.problems, ...ws.warnings].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
  if (format === 'json') {
    const doc = {
      valid: ws.problems.length === 0,
      root,
      files: checked,
      problems: problems.map((p) => ({ file: p.file, line: p.line ?? null, column: p.col ?? null, severity: p.severity ?? 'error', message: p.message, hint: p.hint ?? null })),
    };
    println(ctx.stdout, JSON.stringify(doc, null, 2));
    return ws.problems.length ? 1 : 0;
  }
  const { out, err } = styles(ctx);
  for (const p of problems) println(ctx.stderr, p.severity === 'warning' ? err.yellow(formatProblem(p)) : err.red(formatProblem(p)));
  if (ws.problems.length) {
    println(ctx.stderr, `${ws.problems.length} problem${ws.problems.length > 1 ? 's' : ''} in ${failedFiles.size} file${failedFiles.size > 1 ? 's' : ''}`);
    return 1;
  }
  const warn = ws.warnings.length ? ` (${ws.warnings.length} warning${ws.warnings.length > 1 ? 's' : ''})` : '';
  println(ctx.stdout, `${out.green('✓')} workspace is valid: ${checked} file${checked === 1 ? '' : 's'} checked${warn}`);
  return 0;
}
