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
 * - `opts.afterChunk` is awaited after every chunk (64 KB): the caller waits for its
 *   output to drain there, which keeps memory bounded.
 *
 * Quote-free lines are cut with indexOf (native), slicing only the columns the rubrics
 * read; a record with a quote in it goes to csv-parse, the full parser (quoted fields,
 * embedded delimiters and newlines, "" escapes). A BOM and CRLF line ends are accepted;
 * empty lines are skipped.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { UserError, type Problem } from '../../core/errors.js';
import type { CompiledRubric, Score } from '../../core/rubric/engine/compile.js';
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
}

export type OnRow = (id: string, scores: Score[], line: number, values: string[]) => void;

// Chunk strings under V8's large-object size die young; 1 MB ones piled up in old space until a full GC.
const CHUNK = 1 << 16;
/** A quoted record longer than this is taken for an unclosed quote. */
const MAX_RECORD = 8 << 20;

export async function scoreCsv(path: string, rubrics: CompiledRubric[], opts: ScoreCsvOptions, onRow: OnRow): Promise<ScoreCsvResult> {
  const label = opts.label ?? path;
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserError(code === 'ENOENT' ? `no such file: ${label}` : `cannot read ${label}: ${(e as Error).message}`, 'give the path of a CSV file of leads');
  }
  try {
    const total = fstatSync(fd).size;
    const splitter = new RowSplitter(label, opts.delimiter ?? ',', rubrics, opts, onRow);
    let buf = Buffer.allocUnsafe(CHUNK);
    let filled = 0;
    let read = 0;
    let carry = '';
    let first = true;
    for (;;) {
      if (filled === buf.length) {
        const bigger = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(bigger, 0, 0, filled);
        buf = bigger;
      }
      const n = readSync(fd, buf, filled, buf.length - filled, null);
      read += n;
      const end = filled + n;
      const eof = n === 0;
      const cut = eof ? end : buf.lastIndexOf(10, end - 1) + 1;
      if (cut === 0 && !eof) {
        filled = end; // no line end yet: read more into a bigger buffer
        continue;
      }
      let text = buf.toString('utf8', 0, cut);
      if (first) {
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        first = false;
      }
      buf.copy(buf, 0, cut, end);
      filled = end - cut;
      if (carry) text = carry + text;
      const used = splitter.take(text, eof);
      carry = used < text.length ? text.slice(used) : '';
      if (carry.length > MAX_RECORD) splitter.unclosedQuote();
      opts.onProgress?.(read, total);
      if (opts.afterChunk) await opts.afterChunk();
      if (eof) break;
    }
    return splitter.result();
  } finally {
    closeSync(fd);
  }
}
