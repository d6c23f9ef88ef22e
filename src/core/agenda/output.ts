import type { TimedAgenda } from './timing.js';
import { agendaMarkdown } from './markdown.js';
import { jsonDocument } from '../output/json.js';
import { DOCUMENTS } from '../output/documents.js';

/** The agenda as one JSON document: the same data the Markdown shows. */
export function agendaJson(agenda: TimedAgenda): string {
  return jsonDocument(DOCUMENTS.agenda, agenda);
}

export { agendaMarkdown };
