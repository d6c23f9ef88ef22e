/**
 * The header row of a CSV of leads alone, read as every command reads leads (csv-input.ts: a
 * file or a pipe, records within --max-line-bytes; parse-records.ts: quoted fields): for
 * `rubric sql --leads`, which writes SQL for the table the file's columns become.
 */
import { InputError } from '../../core/errors.js';
import { openCsvInput } from './csv-input.js';
import { parseRecords } from './parse-records.js';

export function readHeader(path: string, opts: { label: string; delimiter: string; maxLineBytes: number }): string[] {
  const input = openCsvInput(path, { label: opts.label, maxLineBytes: opts.maxLineBytes, line: () => 1 });
  try {
    for (let text = input.next(); text !== null; text = input.next()) {
      // whole records: the first one that is not an empty line is the header
      const end = firstRecordEnd(text);
      const [header] = parseRecords(text.slice(0, end), opts.delimiter, opts.label, 1);
      if (header) return header;
    }
  } finally {
    input.close();
  }
  throw new InputError([{ file: opts.label, line: 1, col: 1, message: 'the file is empty: expected a header row naming the columns' }]);
}

/** Where the first record that is not an empty line ends: a line feed outside quotes after some text. */
function firstRecordEnd(text: string): number {
  let quoted = false;
  let seen = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (c === 10 && !quoted) {
      if (seen) return i + 1;
    } else if (c !== 13) seen = true;
  }
  return text.length;
}
