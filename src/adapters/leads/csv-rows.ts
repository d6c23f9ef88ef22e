/**
 * The record splitter behind scoreCsv (csv.ts): quote-free lines are cut with indexOf,
 * slicing only the columns the rubrics read, and so are lines whose cells are wholly quoted
 * ("…", "" inside); other records with quotes (a line break inside quotes, a stray quote) go to csv-parse.
 * Keeps the line each record starts on for messages. It is given whole records only
 * (csv-input.ts): text that ends inside a quote is the end of the file.
 */
import { InputError, type Problem } from '../../core/errors.js';
import { resolveLeadColumns, type LeadColumns } from '../../core/leads/columns.js';
import { emptyScore, nextRow, rowCache, type CompiledRubric, type RowCache, type Score } from '../../core/rubric/engine/compile.js';
import { unreadableTally, type Tally } from '../../core/rubric/engine/tally.js';
import type { OnRow, ScoreCsvOptions, ScoreCsvResult } from './csv.js';
import { parseRecords } from './parse-records.js';
import { grouped } from '../../core/text/numbers.js';

/**
 * The most cells a record may have, the header's included. Every cell csv-parse reads is a
 * string in an array, and each header column an entry in a map: a record of 8 MiB of commas
 * would hold four million of them, some 200 MB. Spreadsheets stop at 16,384 columns (Excel,
 * LibreOffice) or 18,278 (Google Sheets).
 */
const MAX_CELLS = 100_000;

/** Cuts text into records and rows, scoring each complete row. */
export class RowSplitter {
  private header: string[] | null = null;
  private line = 1;
  private width = 0;
  private need = new Uint8Array(0);
  private row: string[] = [];
  private scorers: ((row: string[], out: Score) => Score)[] = [];
  private scores: Score[];
  private values: string[] = [];
  private valueCols: number[] = [];
  private kept: string[] = [];
  private keptCols: number[] = [];
  private idCol = -1;
  private idName: string | null = null;
  private columns: LeadColumns | null = null;
  private rows = 0;
  private skipped = 0;
  private cache: RowCache;
  private tally: Tally | null = null;

  constructor(
    private label: string,
    private delimiter: string,
    private rubrics: CompiledRubric[],
    private opts: ScoreCsvOptions,
    private onRow: OnRow,
  ) {
    this.scores = rubrics.map(() => emptyScore());
    this.cache = rowCache(rubrics.length > 1);
  }

  result(): Omit<ScoreCsvResult, 'nextLine'> {
    if (!this.header) throw new InputError([{ file: this.label, line: 1, col: 1, message: 'the file is empty: expected a header row naming the columns' }]);
    return { header: this.header, idColumn: this.idName, columns: this.columns!, rows: this.rows, skipped: this.skipped, unreadable: this.tally?.summary() ?? [] };
  }

  /** Starts after a header read elsewhere (a range of the file on a worker, parallel/): the text given starts on `line`. */
  withHeader(cells: string[], line: number): this {
    this.setHeader(cells);
    this.line = line;
    return this;
  }

  /** The line the next record starts on. */
  get nextLine(): number {
    return this.line;
  }

  /** Consumes text made of whole records. */
  take(text: string): void {
    const len = text.length;
    const delim = this.delimiter;
    let i = 0;
    // indexOf runs in native code: finding each line end and delimiter with it beats a char loop
    let quote = text.indexOf('"');
    if (quote < 0) quote = len;
    while (i < len) {
      let nl = text.indexOf('\n', i);
      if (nl < 0) nl = len;
      let end = nl;
      // a CR ends the line only before a LF (CRLF): at the end of the file it is part of the cell, as csv-parse reads it
      if (end > i && nl < len && text.charCodeAt(end - 1) === 13) end--;
      if (!this.header || quote < nl) {
        // a record on one line whose cells are plain or wholly quoted is cut here; anything else goes to csv-parse
        if (this.header && this.quotedLine(text, i, end)) i = nl + 1;
        else i = this.quoted(text, i, !this.header);
        if (quote < i) {
          quote = text.indexOf('"', i);
          if (quote < 0) quote = len;
        }
        continue;
      }
      if (end === i) {
        this.line++; // an empty line
        i = nl + 1;
        continue;
      }
      const need = this.need;
      const width = this.width;
      const row = this.row;
      let col = 0;
      let from = i;
      for (;;) {
        let d = text.indexOf(delim, from);
        if (d < 0 || d > end) d = end;
        if (col < width && need[col] === 1) row[col] = text.slice(from, d);
        col++;
        if (d === end) break;
        from = d + 1;
      }
      if (col > MAX_CELLS) this.tooManyCells(this.line);
      this.emit(row, col, this.line++);
      i = nl + 1;
    }
  }

  /**
   * The record text[i, end) when it is on one line and each cell is plain (no quote) or wholly
   * quoted ("…", a quote inside written ""): cut and emitted here, as csv-parse would read it;
   * false for anything else, which csv-parse then reads (and places the error of, if any).
   */
  private quotedLine(text: string, i: number, end: number): boolean {
    const delim = this.delimiter;
    const dc = delim.charCodeAt(0);
    const need = this.need;
    const width = this.width;
    const row = this.row;
    let col = 0;
    let from = i;
    for (;;) {
      let next: number;
      if (from < end && text.charCodeAt(from) === 34) {
        let k = from + 1;
        let escaped = false;
        for (;;) {
          const q = text.indexOf('"', k);
          if (q < 0 || q >= end) return false; // closed on a later line, or never
          if (q + 1 < end && text.charCodeAt(q + 1) === 34) {
            escaped = true;
            k = q + 2;
            continue;
          }
          next = q + 1;
          if (next !== end && text.charCodeAt(next) !== dc) return false; // text after the closing quote
          if (col < width && need[col] === 1) {
            const inner = text.slice(from + 1, q);
            row[col] = escaped ? inner.replaceAll('""', '"') : inner;
          }
          break;
        }
      } else {
        next = text.indexOf(delim, from);
        if (next < 0 || next > end) next = end;
        const q = text.indexOf('"', from);
        if (q >= 0 && q < next) return false; // a quote inside a plain cell
        if (col < width && need[col] === 1) row[col] = text.slice(from, next);
      }
      col++;
      if (next === end) break;
      from = next + 1;
    }
    if (col > MAX_CELLS) this.tooManyCells(this.line);
    this.emit(row, col, this.line++);
    return true;
  }

  /** Parses the run of quoted records starting at `start` with csv-parse; returns where the run ends. */
  private quoted(text: string, start: number, headerOnly: boolean): number {
    const starts: number[] = [];
    let i = start;
    let line = this.line;
    const len = text.length;
    for (;;) {
      // one record: up to a line end outside quotes
      let quotes = 0;
      let j = i;
      let lines = 0;
      let hasQuote = false;
      for (; j < len; j++) {
        const c = text.charCodeAt(j);
        if (c === 34) {
          quotes++;
          hasQuote = true;
        } else if (c === 10) {
          lines++;
          if ((quotes & 1) === 0) break;
        }
      }
      // Counted before csv-parse makes them; a record shorter than MAX_CELLS characters cannot have more cells.
      if (j - i > MAX_CELLS && cellsIn(text, i, j, this.delimiter) > MAX_CELLS) this.tooManyCells(line);
      if (j >= len && (quotes & 1) === 1) {
        throw new InputError([{ file: this.label, line, col: 1, message: 'a quote opened here is never closed', hint: 'a field that starts with " must end with "; write a quote inside a field as ""' }]);
      }
      // a quote-free line, or one on a single line, goes back to take()'s fast paths
      if (starts.length > 0 && (!hasQuote || lines <= 1)) break;
      if (j === i || (j === i + 1 && j < len && text.charCodeAt(i) === 13)) break; // an empty line ends the run
      starts.push(line);
      line += j < len ? lines : lines + 1;
      i = Math.min(j + 1, len);
      if (headerOnly || i >= len) break;
    }
    if (starts.length === 0) {
      // an empty line where a header was expected
      this.line++;
      return text.indexOf('\n', start) + 1 || len;
    }
    const records = parseRecords(text.slice(start, i), this.delimiter, this.label, starts[0]!);
    records.forEach((cells, k) => {
      if (!this.header) this.setHeader(cells);
      else {
        const row = this.row;
        for (let c = 0; c < cells.length && c < this.width; c++) row[c] = cells[c]!;
        this.emit(row, cells.length, starts[k]!);
      }
    });
    this.line = line;
    return i;
  }

  private tooManyCells(line: number): never {
    throw new InputError([{ file: this.label, line, col: 1, message: `this record has more than ${grouped(MAX_CELLS)} cells, the most align reads`, hint: 'a file of leads has one column per field: check the delimiter, or drop the columns the rubric does not read' }]);
  }

  /** The header row: its columns resolved once (resolveLeadColumns), then rows are read by index. */
  private setHeader(cells: string[]): void {
    const fields = [...new Set(this.rubrics.flatMap((r) => r.fields))];
    const o = this.opts;
    const columns = resolveLeadColumns(cells, {
      label: this.label,
      fields,
      ...(o.map ? { map: o.map } : {}),
      ...(o.idColumn !== undefined ? { idColumn: o.idColumn } : {}),
      ...(o.idNames ? { idNames: o.idNames } : {}),
      ...(o.keep ? { keep: o.keep } : {}),
      ...(o.columns ? { extra: o.columns } : {}),
      ...(o.places ? { places: o.places } : {}),
    });
    this.use(columns);
    this.line++;
    o.onHeader?.(columns);
  }

  /** Reads rows by the resolved columns: plain data, the same wherever the header was read. */
  private use(columns: LeadColumns): void {
    const { header } = columns;
    this.columns = columns;
    this.header = header;
    this.width = header.length;
    const need = new Uint8Array(header.length);
    for (const c of columns.read) need[c] = 1;
    if (this.rubrics.length > 0) this.tally = unreadableTally(this.rubrics.flatMap((r) => r.checks(columns.fields)), this.rubrics[0]!.readers, this.cache);
    this.need = need;
    this.scorers = this.rubrics.map((r) => r.forColumnsInto(columns.fields, this.cache));
    this.idCol = columns.id?.column ?? -1;
    this.idName = columns.id?.name ?? null;
    this.valueCols = columns.extra;
    this.values = this.valueCols.map(() => '');
    this.keptCols = columns.keep;
    this.kept = this.keptCols.map(() => '');
    this.row = header.map(() => '');
  }

  private emit(row: string[], cells: number, line: number): void {
    if (cells !== this.width) {
      const problem: Problem = {
        file: this.label,
        line,
        col: 1,
        message: `this row has ${cells} cell${cells === 1 ? '' : 's'}, the header has ${this.width}; the row was ${this.opts.strict ? 'not scored' : 'skipped'}`,
        hint: 'a cell with the delimiter in it must be wrapped in quotes',
        severity: this.opts.strict ? 'error' : 'warning',
      };
      if (this.opts.strict) throw new InputError([problem], 'fix the row, or run without --strict to skip such rows');
      this.skipped++;
      this.opts.onSkip?.(problem);
      return;
    }
    const scores = this.scores;
    nextRow(this.cache);
    for (let k = 0; k < scores.length; k++) this.scorers[k]!(row, scores[k]!);
    this.tally?.row(row, line);
    const values = this.values;
    for (let k = 0; k < values.length; k++) values[k] = row[this.valueCols[k]!]!;
    const kept = this.kept;
    for (let k = 0; k < kept.length; k++) kept[k] = row[this.keptCols[k]!]!;
    this.rows++;
    this.onRow(this.idCol < 0 ? String(line) : row[this.idCol]!, scores, line, values, kept);
  }
}

/** The cells of the record text[from, to): delimiters outside quotes, plus one. */
function cellsIn(text: string, from: number, to: number, delimiter: string): number {
  const delim = delimiter.charCodeAt(0);
  let quoted = false;
  let cells = 1;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 34) quoted = !quoted;
    else if (c === delim && !quoted) cells++;
  }
  return cells;
}
