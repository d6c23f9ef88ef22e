import type { Context } from '../../adapters/context.js';
import { getTemplate } from '../../adapters/workspace/templates.js';
import { println } from '../../adapters/terminal/style.js';
import { findWorkspaceRoot } from '../../adapters/workspace/load.js';
import { totalMinutes } from './templates.js';

/** `align templates show <id>`: a template as written, placeholders and all. */
export async function run(args: string[], opts: Record<string, unknown>, ctx: Context): Promise<number> {
  const entry = getTemplate(findWorkspaceRoot(ctx.cwd), args[0]!);
  const t = entry.template;
  if (opts.format === 'json') {
    println(ctx.stdout, JSON.stringify({ source: entry.source, file: entry.file, minutes: totalMinutes(entry), template: t }, null, 2));
    return 0;
  }
  const lines = [`${t.id}: ${t.title}`, `${totalMinutes(entry)} minutes, ${t.sections.length} sections; ${entry.source} (${entry.file})`];
  if (t.description) lines.push('', t.description);
  for (const s of t.sections) {
    const meta = [`${s.minutes} min`, s.lead ? `lead: ${s.lead}` : null, `captures: ${s.capture}${s.dimension ? ` (${s.dimension})` : ''}`].filter(Boolean).join(', ');
    lines.push('', `${s.id}  ${s.title}  [${meta}]`);
    if (s.purpose) lines.push(`  ${s.purpose}`);
    for (const p of s.prompts) lines.push(`  - ${p}`);
  }
  println(ctx.stdout, lines.join('\n'));
  return 0;
}
