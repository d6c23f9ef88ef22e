/**
 * Streams a leads CSV through one or more compiled rubrics in a single pass.
 *
 *   scoreCsv(path: string, rubrics: CompiledRubric[], opts: ScoreCsvOptions,
 *            onRow: (id: string, scores: Score[], line: number, values: string[], kept: string[]) => void)
 *     : Promise<ScoreCsvResult>
 *
 * - `scores[k]` is the lead's score under `rubrics[k]`; `values[j]` is the raw cell of
 *   `opts.columns[j]` (e.g. an outcome column). `line` is the 1-based line the record starts on
 *   (the header is line 1). `id` is the id column's cell, or the line number when there is none.
 * - The `scores` and `values` arrays and the Score objects are reused for the next row:
 *   read them inside the callback, copy what you keep (e.g. `[...s.fired]`).
 * - Which column each field, the id and the kept columns come from is resolved once, from the
 *   header row (core/leads/columns.ts: `opts.map`, else normalised names); `opts.onHeader` is
 *   told the result before the first row. Every field that is not a column is listed in one
 *   InputError, each at its place in the rubric (`opts.places`), with the closest headers.
 * - `kept[j]` is the raw cell of the j-th kept column (`opts.keep`), in the file's order. A ragged row (wrong number of cells) is reported to
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
import type { ColumnMap, ColumnRequest, LeadColumns } from '../../core/leads/columns.js';
import type { CompiledRubric, Score } from '../../core/rubric/engine/compile.js';
import type { UnreadableSummary } from '../../core/values/unreadable.js';
import { openCsvInput } from './csv-input.js';
import { RowSplitter } from './csv-rows.js';

export interface ScoreCsvOptions {
  /** One character (checked by the --delimiter flag); default ','. */
  delimiter?: string;
  /** The column that names each lead; undefined: the first of `idNames`, then ID_COLUMNS (core/leads/columns.ts), found; null: line numbers. */
  idColumn?: string | null;
  /** Field → header names (rubric.yaml `columns:`, --crm, --columns). */
  map?: ColumnMap;
  /** Id headers looked for first (a CRM's). */
  idNames?: readonly string[];
  /** Columns carried through to onRow's `kept`, or every column but the id (--keep). */
  keep?: readonly string[] | 'all';
  /** Where the rubric reads each field, for the missing-fields error. */
  places?: ColumnRequest['places'];
  /** Told the resolved columns once, before the first row. */
  onHeader?: (columns: LeadColumns) => void;
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
  /** Only this range of the file, after this header, its first record on `line` (a worker's range, parallel/). */
  range?: { start: number; end: number; header: string[]; line: number };
  onSkip?: (problem: Problem) => void;
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  afterChunk?: () => Promise<void> | void;
}

export interface ScoreCsvResult {
  header: string[];
  /** The column ids came from, or null for line numbers. */
  idColumn: string | null;
  /** The columns as resolved from the header. */
  columns: LeadColumns;
  /** Rows scored. */
  rows: number;
  /** Ragged rows skipped. */
  skipped: number;
  /** The line after the last one read. */
  nextLine: number;
  /** The values per field the rubrics could not read, with examples (core/values/unreadable.ts). */
  unreadable: UnreadableSummary;
}

export type OnRow = (id: string, scores: Score[], line: number, values: string[], kept: string[]) => void;

export async function scoreCsv(path: string, rubrics: CompiledRubric[], opts: ScoreCsvOptions, onRow: OnRow): Promise<ScoreCsvResult> {
  const label = opts.label ?? path;
  const splitter = new RowSplitter(label, opts.delimiter ?? ',', rubrics, opts, onRow);
  const { range } = opts;
  if (range) splitter.withHeader(range.header, range.line);
  const input = openCsvInput(path, {
    ...(range ? { range } : {}),
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
    return { ...splitter.result(), nextLine: splitter.nextLine };
  } finally {
    input.close();
  }
}
