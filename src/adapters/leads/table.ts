/**
 * The workshop's table of leads (`workshop --leads`), kept whole in memory and scored again at
 * every answer: the first MAX_ROWS leads, read from at most MAX_BYTES of the file, enough for a
 * fair picture of the stages while the room waits. The file is read as every command reads
 * leads (csv-input.ts: a file or a pipe, records within --max-line-bytes) and parsed as
 * scoring parses quoted records (parse-records.ts).
 */
import { resolve } from 'node:path';
import { UserError } from '../../core/errors.js';
import type { LeadTable } from '../../core/workshop/preview.js';
import { openCsvInput } from './csv-input.js';
import { parseRecords } from './parse-records.js';

export const MAX_ROWS = 100_000;
const MAX_BYTES = 16 * 1024 * 1024;

/** A CSV of leads for the live stage counts: the header and the first rows, as text. */
export function readLeads(cwd: string, file: string, maxLineBytes: number): LeadTable {
  let line = 1;
  const input = openCsvInput(resolve(cwd, file), { label: file, maxLineBytes, line: () => line });
  let header: string[] | undefined;
  const rows: string[][] = [];
  let truncated = false;
  try {
    for (let text = input.next(); text !== null; text = input.next()) {
      for (const cells of parseRecords(text, ',', file, line)) {
        if (header === undefined) header = cells;
        else rows.push(cells);
      }
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) line++;
      if (rows.length >= MAX_ROWS || input.bytesRead >= MAX_BYTES) {
        truncated = rows.length > MAX_ROWS || input.next() !== null;
        break;
      }
    }
  } finally {
    input.close();
  }
  if (!header) throw new UserError(`--leads ${file} is empty`, 'export the leads as CSV with a header row');
  return { header, rows: rows.slice(0, MAX_ROWS), truncated };
}
