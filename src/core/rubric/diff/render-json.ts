import { changeText } from './text.js';
import type { DiffReport } from './report.js';

/** One JSON document: raw before/after values for programs, and the words the other renderers print. */
export function renderDiffJson(r: DiffReport): string {
  const doc = {
    from: r.from,
    to: r.to,
    changed: r.changes.length > 0,
    changes: r.changes.map((c) => ({ ...c, text: changeText(c) })),
    ...(r.leads ? { leads: r.leads } : {}),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
