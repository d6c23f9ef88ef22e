/**
 * Streams a leads CSV through one or more compiled rubrics in a single pass.
 *
 *   scoreCsv(path: string, rubrics: CompiledRubric[], opts: ScoreCsvOptions,
 *            onRow: (id: string, scores: Score[], line: number, values: string[]) => void)
 *     : Promise<ScoreCsvResult>
 *
 * - `scores[k]` is the lead's score under `rubrics[k]`; `values[j]` is the raw cell of
 *   `opts.columns[j]` (e.g. an outcome column). `line` is the 1-based line the record starts on
 *   (the header is line 1). `id` is the id column's cell, or the line number when there is none.
 * - The `scores` and `values` arrays and the Score objects are reused for the next row:
 *   read them inside the callback, copy what you keep (e.g. `[...s.fired]`).
 * - A rubric field, id column or extra column that is not in the header throws a UserError
 *   naming the closest column. A ragged row (wrong number of cells) is reported to
 *   `opts.onSkip` with its line and skipped, or throws an InputError with `strict`.
 *   Malformed quotes throw an InputError with the line.
 * - What may be read (a file or a pipe) and how long a record may be (`opts.maxLineBytes`)
 *   are csv-input.ts's: the same for every command that reads leads.
 * - `opts.afterChunk` is awaited after every chunk (64 KB): the caller waits for its
 *   output to drain there, which keeps memory bounded.
 *
 * Quote-free lines are cut with indexOf (native), slicing only the columns the rubrics
 * read; a record with a quote in it goes to csv-parse, the full parser (quoted fields,
 * embedded delimiters and newlines, "" escapes). A BOM and CRLF line ends are accepted;
 * empty lines are skipped.
 */
import type { Problem } from '../../core/errors.js';
import type { CompiledRubric, Score } from '../../core/rubric/engine/compile.js';
import type { UnreadableSummary } from '../../core/values/unreadable.js';
import { openCsvInput } from './csv-input.js';
import { RowSplitter } from './csv-rows.js';

export interface ScoreCsvOptions {
  /** One character (checked by the --delimiter flag); default ','. */
  delimiter?: string;
  /** The column that names each lead; undefined: `id`, `lead_id` or `email` if present; null: line numbers. */
  idColumn?: string | null;
  /** More columns whose raw values are passed to onRow, in this order. */
  columns?: string[];
  /** Fail on the first ragged row instead of skipping it. */
  strict?: boolean;
  /** How the file is named in messages; default the path. */
  label?: string;
  /** The longest record read (--max-line-bytes); default MAX_LINE_BYTES.default (csv-input.ts). */
  maxLineBytes?: number;
  /** The most bytes read at once; tests make it small to move where reads end. */
  chunkBytes?: number;
  onSkip?: (problem: Problem) => void;
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  afterChunk?: () => Promise<void> | void;
}

export interface ScoreCsvResult {
  header: string[];
  /** The column ids came from, or null for line numbers. */
  idColumn: string | null;
  /** Rows scored. */
  rows: number;
  /** Ragged rows skipped. */
  skipped: number;
  /** The values per field the rubrics could not read, with examples (core/values/unreadable.ts). */
  unreadable: UnreadableSummary;
}

export type OnRow = (id: string, scores: Score[], line: number, values: string[]) => void;

export async function scoreCsv(path: string, rubrics: CompiledRubric[], opts: ScoreCsvOptions, onRow: OnRow): Promise<ScoreCsvResult> {
  const label = opts.label ?? path;
  const splitter = new RowSplitter(label, opts.delimiter ?? ',', rubrics, opts, onRow);
  const input = openCsvInput(path, {
    label,
    line: () => splitter.nextLine,
    ...(opts.maxLineBytes !== undefined ? { maxLineBytes: opts.maxLineBytes } : {}),
    ...(opts.chunkBytes !== undefined ? { chunkBytes: opts.chunkBytes } : {}),
  });
  try {
    for (let text = input.next(); text !== null; text = input.next()) {
      splitter.take(text);
      opts.onProgress?.(input.bytesRead, input.size);
      if (opts.afterChunk) await opts.afterChunk();
    }
    return splitter.result();
  } finally {
    input.close();
  }
}
