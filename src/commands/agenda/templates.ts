import { today, type Context } from '../../adapters/context.js';
import { placeholderView } from '../../core/agenda/view.js';
import { shownTemplate, totalMinutes } from '../../core/agenda/summary.js';
import { listTemplates, readConfig } from '../../adapters/workspace/templates.js';
import { println } from '../../adapters/terminal/style.js';
import { findWorkspaceRoot } from '../../adapters/workspace/root.js';
import { defineCommand } from '../../cli/define.js';
import { formatFlag } from '../../cli/flags.js';

export const command = defineCommand({
  path: ['templates'],
  description: "list the agenda templates: built-in ones and the workspace's templates/",
  flags: { format: formatFlag(['text', 'json']) },
  examples: ['align templates', 'align templates --format json', 'align templates show lead-definition'],
  run: ({ opts, ctx }) => templates(opts.format, ctx),
});

/** Every template the workspace can use, and where each comes from. */
async function templates(format: 'text' | 'json', ctx: Context): Promise<number> {
  const root = findWorkspaceRoot(ctx.cwd);
  const entries = listTemplates(root);
  const view = placeholderView(root ? readConfig(root) : null, { date: today(ctx) });
  const rows = entries.map((e) => ({ id: e.template.id, title: shownTemplate(e.template, e.file, view).title, minutes: totalMinutes(e.template), sections: e.template.sections.length, source: e.source, file: e.file }));
  if (format === 'json') {
    println(ctx.stdout, JSON.stringify({ templates: rows }, null, 2));
    return 0;
  }
  const table = [['ID', 'TITLE', 'MINUTES', 'SECTIONS', 'SOURCE'], ...rows.map((r) => [r.id, r.title, String(r.minutes), String(r.sections), r.source === 'workspace' ? r.file : 'built-in'])];
  const widths = table[0]!.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
  for (const r of table) println(ctx.stdout, r.map((c, i) => (i === 2 || i === 3 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd());
  return 0;
}
