import type { Outcome } from './outcome.js';
import type { Template } from '../schemas/template.js';

/** The commit message: `workshop: <title> (<date>)`, then the decisions, one per line. */
export function commitMessage(o: Outcome): string {
  const head = `workshop: ${o.session.title ?? o.session.template} (${o.session.date})`;
  const decisions = o.session.decisions ?? [];
  if (!decisions.length) return head;
  return `${head}\n\nDecisions:\n${decisions.map((d) => `- ${d}`).join('\n')}\n`;
}

export interface SummaryRow {
  section: string;
  title: string;
  captured: string[];
}

/** One row per section, in the template's order: what was captured there. */
export function summaryRows(template: Template, o: Outcome): SummaryRow[] {
  return template.sections.map((s) => ({ section: s.id, title: s.title, captured: o.captured[s.id] ?? [] }));
}

/** The files an outcome writes, relative to the workspace root, in a fixed order. */
export function outcomePaths(o: Outcome): string[] {
  return [o.sessionPath, ...(o.goals ? ['goals.yaml'] : []), ...(o.rubric ? ['rubric.yaml'] : []), ...(o.config ? ['align.yaml'] : [])];
}
