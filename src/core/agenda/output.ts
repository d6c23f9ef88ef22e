import type { TimedAgenda } from './timing.js';
import { agendaMarkdown } from './markdown.js';
import { jsonDocument } from '../output/json.js';
import { DOCUMENTS } from '../output/documents.js';

/**
 * The agenda as one JSON document: the same data the Markdown shows, so the attendees'
 * agenda has no `capture` or `dimension` in its sections.
 */
export function agendaJson(agenda: TimedAgenda): string {
  if (agenda.audience === 'facilitator') return jsonDocument(DOCUMENTS.agenda, agenda);
  const sections = agenda.sections.map(({ capture: _c, dimension: _d, ...s }) => s);
  return jsonDocument(DOCUMENTS.agenda, { ...agenda, sections });
}

export { agendaMarkdown };
