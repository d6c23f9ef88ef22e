import { today, type Context } from '../../adapters/context.js';
import { renderPlaceholders } from '../../core/agenda/placeholders.js';
import { placeholderView, type PlaceholderView } from '../../core/agenda/view.js';
import { listTemplates, readConfig, type TemplateEntry } from '../../adapters/workspace/templates.js';
import { println } from '../../adapters/terminal/style.js';
import { findWorkspaceRoot } from '../../adapters/workspace/load.js';

export function totalMinutes(e: TemplateEntry): number {
  return e.template.sections.reduce((n, s) => n + s.minutes, 0);
}

/** The title as an agenda will show it; as written when its placeholders are broken (`align agenda` says where). */
function shownTitle(e: TemplateEntry, view: PlaceholderView): string {
  try {
    return renderPlaceholders(e.template, view, e.file).title;
  } catch {
    return e.template.title;
  }
}

/** `align templates`: every template the workspace can use, and where each comes from. */
export async function run(_args: string[], opts: Record<string, unknown>, ctx: Context): Promise<number> {
  const root = findWorkspaceRoot(ctx.cwd);
  const entries = listTemplates(root);
  const view = placeholderView(root ? readConfig(root) : null, { date: today(ctx) });
  const rows = entries.map((e) => ({ id: e.template.id, title: shownTitle(e, view), minutes: totalMinutes(e), sections: e.template.sections.length, source: e.source, file: e.file }));
  if (opts.format === 'json') {
    println(ctx.stdout, JSON.stringify({ templates: rows }, null, 2));
    return 0;
  }
  const table = [['ID', 'TITLE', 'MINUTES', 'SECTIONS', 'SOURCE'], ...rows.map((r) => [r.id, r.title, String(r.minutes), String(r.sections), r.source === 'workspace' ? r.file : 'built-in'])];
  const widths = table[0]!.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
  for (const r of table) println(ctx.stdout, r.map((c, i) => (i === 2 || i === 3 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd());
  return 0;
}
