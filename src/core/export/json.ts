import type { ExportDoc } from './model.js';

/** The export as one JSON document: the same model the Markdown is written from. */
export function exportJson(doc: ExportDoc): string {
  return `${JSON.stringify({ version: 1, ...doc }, null, 2)}\n`;
}
