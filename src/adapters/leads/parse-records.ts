/**
 * csv-parse as align calls it: for the records with quotes in them while scoring (csv-rows.ts)
 * and for the workshop's table of leads (table.ts), so a file reads the same in both. RFC 4180
 * quoted fields; a record ends at LF or CRLF (a lone CR is part of a cell); empty lines are
 * skipped; rows may have any number of cells (the caller decides what a ragged row means).
 */
import { parse } from 'csv-parse/sync';
import { InputError } from '../../core/errors.js';

/** The records of text, whose first line is line `line` of `label`; malformed CSV is an InputError at its line. */
export function parseRecords(text: string, delimiter: string, label: string, line: number): string[][] {
  try {
    return parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true, record_delimiter: ['\r\n', '\n'] }) as string[][];
  } catch (e) {
    const err = e as Error & { lines?: number };
    const at = line + (err.lines ?? 1) - 1;
    throw new InputError([{ file: label, line: at, col: 1, message: `malformed CSV: ${err.message.replace(/ at line \d+.*$/, '')}`, hint: 'a field with a quote must be wrapped in quotes, and a quote inside it written as ""' }]);
  }
}
