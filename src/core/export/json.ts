import type { ExportDoc } from './model.js';
import { jsonDocument } from '../output/json.js';
import { DOCUMENTS } from '../output/documents.js';

/** The export as one JSON document: the same model the Markdown is written from. */
export function exportJson(doc: ExportDoc): string {
  return jsonDocument(DOCUMENTS.export, doc);
}
