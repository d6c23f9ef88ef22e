import { today, type Context } from '../../adapters/context.js';
import { placeholderView } from '../../core/agenda/view.js';
import { shownTemplate, totalMinutes } from '../../core/agenda/summary.js';
import { listTemplates, readConfig } from '../../adapters/workspace/templates.js';
import { jsonDocument } from '../../core/output/json.js';
import { DOCUMENTS } from '../../core/output/documents.js';
import { findWorkspaceRoot } from '../../adapters/workspace/root.js';
import { defineCommand } from '../../cli/define.js';
import { formatFlag } from '../../cli/flags.js';
import { terminalSafe } from '../../core/text/terminal.js';

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
  const rows: Row[] = entries.map((e) => ({ id: e.template.id, title: shownTemplate(e.template, e.file, view).title, minutes: totalMinutes(e.template), sections: e.template.sections.length, source: e.source, file: e.file }));
  ctx.stdout.write(RENDERERS[format](rows));
  return 0;
}

interface Row {
  id: string;
  title: string;
  minutes: number;
  sections: number;
  source: 'built-in' | 'workspace';
  file: string;
}

const RENDERERS: Record<'text' | 'json', (rows: Row[]) => string> = {
  json: (rows) => jsonDocument(DOCUMENTS.templates, { templates: rows }),
  text(rows) {
    // Titles and file names are the workspace's: safe for the terminal, each on its line.
    const table = [['ID', 'TITLE', 'MINUTES', 'SECTIONS', 'SOURCE'], ...rows.map((r) => [r.id, terminalSafe(r.title), String(r.minutes), String(r.sections), r.source === 'workspace' ? terminalSafe(r.file) : 'built-in'])];
    const widths = table[0]!.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
    return table.map((r) => `${r.map((c, i) => (i === 2 || i === 3 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd()}\n`).join('');
  },
};
