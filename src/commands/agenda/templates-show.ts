import type { Context } from '../../adapters/context.js';
import { totalMinutes } from '../../core/agenda/summary.js';
import { minutesText } from '../../core/agenda/describe.js';
import { getTemplate, type TemplateEntry } from '../../adapters/workspace/templates.js';
import { jsonDocument } from '../../core/output/json.js';
import { DOCUMENTS } from '../../core/output/documents.js';
import { findWorkspaceRoot } from '../../adapters/workspace/root.js';
import { defineCommand } from '../../cli/define.js';
import { formatFlag } from '../../cli/flags.js';
import { terminalSafe as t } from '../../core/text/terminal.js';

export const command = defineCommand({
  path: ['templates', 'show'],
  args: '<id>',
  completes: 'templates',
  description: 'show one template: its sections, minutes, leads, prompts and what each captures',
  flags: { format: formatFlag(['text', 'json']) },
  examples: ['align templates show kickoff', 'align templates show sync --format json'],
  run: ({ args, opts, ctx }) => show(args[0]!, opts.format, ctx),
});

/** A template as written, placeholders and all. */
async function show(id: string, format: 'text' | 'json', ctx: Context): Promise<number> {
  ctx.stdout.write(RENDERERS[format](getTemplate(findWorkspaceRoot(ctx.cwd), id)));
  return 0;
}

const RENDERERS: Record<'text' | 'json', (entry: TemplateEntry) => string> = {
  json: (entry) => jsonDocument(DOCUMENTS.templatesShow, { source: entry.source, file: entry.file, minutes: totalMinutes(entry.template), template: entry.template }),
  // Every text of the template is the workspace's: safe for the terminal; only the description may take several lines.
  text(entry) {
    const tpl = entry.template;
    const lines = [`${tpl.id}: ${t(tpl.title)}`, `${minutesText(totalMinutes(tpl))}, ${tpl.sections.length} section${tpl.sections.length === 1 ? '' : 's'}; ${entry.source} (${t(entry.file)})`];
    if (tpl.description) lines.push('', t(tpl.description, 'lines'));
    for (const s of tpl.sections) {
      const meta = [`${s.minutes} min`, s.lead ? `lead: ${t(s.lead)}` : null, `captures: ${s.capture}${s.dimension ? ` (${s.dimension})` : ''}`].filter(Boolean).join(', ');
      lines.push('', `${s.id}  ${t(s.title)}  [${meta}]`);
      if (s.purpose) lines.push(`  ${t(s.purpose)}`);
      for (const p of s.prompts) lines.push(`  - ${t(p)}`);
    }
    return `${lines.join('\n')}\n`;
  },
};
