import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { UserError } from '../../core/errors.js';
import type { LeadTable } from '../../core/workshop/preview.js';

/** A CSV of leads for the live stage counts: the header and the rows, as text. */
export function readLeads(cwd: string, file: string): LeadTable {
  let text: string;
  try {
    text = readFileSync(resolve(cwd, file), 'utf8');
  } catch (e) {
    throw new UserError(`cannot read --leads ${file}: ${(e as Error).message}`, 'give the path of a CSV file with a header row');
  }
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (e) {
    throw new UserError(`--leads ${file} is not a readable CSV: ${(e as Error).message}`, 'export the leads as CSV with a header row');
  }
  const [header, ...data] = rows;
  if (!header) throw new UserError(`--leads ${file} is empty`, 'export the leads as CSV with a header row');
  return { header, rows: data };
}
