import { changeLine, changeText } from './text.js';
import type { DiffReport } from './report.js';
import type { LeadMovement } from './leads.js';
import { jsonDocument } from '../../output/json.js';
import { DOCUMENTS } from '../../output/documents.js';

/** One JSON document: raw before/after values for programs, and the words the other renderers print. */
export function renderDiffJson(r: DiffReport): string {
  return jsonDocument(DOCUMENTS.rubricDiff, {
    from: r.from,
    to: r.to,
    changed: r.changes.length > 0,
    changes: r.changes.map((c) => ({ ...c, text: changeText(c) })),
    ...(r.leads ? { leads: { ...leadsJson(r.leads), unreadableValues: r.unreadable ?? [] } } : {}),
  });
}

/** The matrix as a list of its cells, every outcome to every outcome in `stages` order: stage ids are data, not keys. */
function leadsJson(m: LeadMovement) {
  const transitions = m.stages.flatMap((from) => m.stages.map((to) => ({ from, to, count: m.matrix[from]?.[to] ?? 0 })));
  const samples = m.samples.map((s) => ({ ...s, rules: s.rules.map((c) => ({ ...c, text: changeLine(c) })) }));
  return { total: m.total, moved: m.moved, stages: m.stages, transitions, samples };
}
