import { parse } from 'csv-parse/sync';
import { UserError } from '../../core/errors.js';
import type { LeadTable } from '../../core/workshop/preview.js';
import { readInputFile } from '../files/read.js';

/** A CSV of leads for the live stage counts: the header and the rows, as text. */
export function readLeads(cwd: string, file: string): LeadTable {
  const text = readInputFile(cwd, file, '--leads', 'give the path of a CSV file with a header row').toString('utf8');
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
