/**
 * Scoring a leads CSV on every core: the file is cut into ranges at record ends
 * (boundaries.ts), each range scored on a worker thread (leads-worker.ts), and the leads
 * handed to `onRow` in input order, with the line numbers, skipped rows and errors scoring
 * on one thread gives, so that whatever the caller writes is byte for byte the same.
 *
 *   scoreLeads(path, [{ source, compiled }], { ...scoreCsvOptions, jobs }, onRow)
 *
 * - `jobs` workers (default: the cores available); 1, a pipe, or a file under SMALL_FILE
 *   bytes is scored on this thread by scoreCsv, where starting workers costs more than it saves.
 * - The header is read and checked here (a missing column fails here, as on one thread); the
 *   run's settings go to the workers as plain data (protocol.ts).
 * - Memory stays flat: at most two ranges per worker are out at once, so results wait for
 *   their turn in bounded number, and the caller's `afterChunk` is awaited after each batch.
 */
import { closeSync, existsSync, fstatSync, openSync, readSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { InputError, UserError, type Problem } from '../../../core/errors.js';
import type { LeadColumns } from '../../../core/leads/columns.js';
import { mergeUnreadable, type UnreadableSummary } from '../../../core/values/unreadable.js';
import type { CompiledRubric, Score } from '../../../core/rubric/engine/compile.js';
import { emptyScore } from '../../../core/rubric/engine/compile.js';
import { targetKind } from '../../files/target.js';
import { scoreCsv, type OnRow, type ScoreCsvOptions, type ScoreCsvResult } from '../csv.js';
import { RowSplitter } from '../csv-rows.js';
import { Boundaries } from './boundaries.js';
import { stageList, type Batch, type ErrorData, type FromWorker, type RubricSource, type WorkerSetup } from './protocol.js';

const MiB = 1024 * 1024;
/** Below this a file is scored on one thread (measured: see bench/rubric-score.bench.js). */
const SMALL_FILE = 8 * MiB;

export interface LeadRubric {
  /** What a worker compiles: the rubric and its options, as data. */
  source: RubricSource;
  /** The same, compiled here. */
  compiled: CompiledRubric;
}

export interface ParallelOptions {
  /** Worker threads; default the cores available; 1: none. */
  jobs?: number | undefined;
  /** Bytes per range (tests make it small, and it then applies to any file size). */
  rangeBytes?: number | undefined;
}

/** --jobs and the internal range size (ALIGN_LEADS_RANGE_BYTES, for tests) as scoreLeads takes them. */
export function parallelism(jobs: number | undefined, env: Record<string, string | undefined>): ParallelOptions {
  const range = Number(env.ALIGN_LEADS_RANGE_BYTES);
  return { jobs, ...(range > 0 ? { rangeBytes: range } : {}) };
}

/** What scoreCsv returns, and how many workers scored (0: this thread). */
export type ScoreLeadsResult = ScoreCsvResult & { workers: number };

export async function scoreLeads(path: string, rubrics: LeadRubric[], opts: ScoreCsvOptions & ParallelOptions, onRow: OnRow): Promise<ScoreLeadsResult> {
  const compiled = rubrics.map((r) => r.compiled);
  const jobs = opts.jobs ?? availableParallelism();
  let size = 0;
  try {
    if (targetKind(path) === 'file' && jobs > 1) size = sizeOf(path);
  } catch {
    // scoreCsv says what is wrong with the path
  }
  const oneThread = async () => ({ ...(await scoreCsv(path, compiled, opts, onRow)), workers: 0 });
  if (jobs <= 1 || size === 0 || (opts.rangeBytes === undefined && size < SMALL_FILE)) return oneThread();
  const head = readHeader(path, size, compiled, opts);
  if (!head) return oneThread();
  return new Run(path, size, rubrics, opts, onRow, head, jobs).run();
}

function sizeOf(path: string): number {
  const fd = openSync(path, 'r');
  try {
    return fstatSync(fd).size;
  } finally {
    closeSync(fd);
  }
}

interface Head {
  header: string[];
  idColumn: string | null;
  columns: LeadColumns;
  /** The fields and readings counted, none yet (the header has no values). */
  unreadable: UnreadableSummary;
  /** Where the first range starts, and its first line. */
  end: number;
  line: number;
}

/** The header record, read and checked as on one thread; null when the file does not start with one (scoreCsv then reads it). */
function readHeader(path: string, size: number, compiled: CompiledRubric[], opts: ScoreCsvOptions): Head | null {
  const bounds = new Boundaries(path, size);
  let end: number;
  try {
    end = bounds.after(0);
  } finally {
    bounds.close();
  }
  if (end >= size || end > (opts.maxLineBytes ?? Number.POSITIVE_INFINITY)) return null;
  const bytes = Buffer.allocUnsafe(end);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, bytes, 0, end, 0);
  } finally {
    closeSync(fd);
  }
  let text = bytes.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const splitter = new RowSplitter(opts.label ?? path, opts.delimiter ?? ',', compiled, opts, () => {});
  splitter.take(text);
  let result: ReturnType<RowSplitter['result']>;
  try {
    result = splitter.result();
  } catch {
    return null; // an empty first line: one thread reads on to the header
  }
  return { header: result.header, idColumn: result.idColumn, columns: result.columns, unreadable: result.unreadable, end, line: splitter.nextLine };
}

interface Slot {
  messages: FromWorker[];
}

class Run {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly slots = new Map<number, Slot>();
  private readonly bounds: Boundaries;
  private readonly rangeBytes: number;
  private scanned: number;
  private dispatched = 0;
  private replayed = 0;
  private wake: (() => void) | null = null;
  private crash: Error | null = null;
  /** The run is over (done or failed): a worker's late message dispatches nothing more. */
  private over = false;
  private readonly scores: Score[];
  private readonly stages: string[][];
  private readonly criteria: string[][];
  private readonly values: string[];
  private readonly kept: string[];
  private readonly fired: string[][];

  constructor(
    private readonly path: string,
    private readonly size: number,
    private readonly rubrics: LeadRubric[],
    private readonly opts: ScoreCsvOptions & ParallelOptions,
    private readonly onRow: OnRow,
    private readonly head: Head,
    private readonly jobs: number,
  ) {
    this.bounds = new Boundaries(path, size);
    this.scanned = head.end;
    this.rangeBytes = opts.rangeBytes ?? Math.min(8 * MiB, Math.max(MiB, Math.ceil((size - head.end) / (jobs * 8))));
    this.scores = rubrics.map(() => emptyScore());
    this.stages = rubrics.map((r) => stageList(r.compiled));
    this.criteria = rubrics.map((r) => r.compiled.criteria.map((c) => c.id));
    this.values = (opts.columns ?? []).map(() => '');
    this.kept = head.columns.keep.map(() => '');
    this.fired = rubrics.map(() => []);
  }

  async run(): Promise<ScoreLeadsResult> {
    const o = this.opts;
    const setup: WorkerSetup = {
      path: this.path,
      rubrics: this.rubrics.map((r) => r.source),
      header: this.head.header,
      opts: {
        ...(o.delimiter !== undefined ? { delimiter: o.delimiter } : {}),
        ...(o.idColumn !== undefined ? { idColumn: o.idColumn } : {}),
        // places (where the rubric reads each field) is not sent: the header was checked here
        ...(o.map !== undefined ? { map: o.map } : {}),
        ...(o.idNames !== undefined ? { idNames: o.idNames } : {}),
        ...(o.keep !== undefined ? { keep: o.keep } : {}),
        ...(o.columns !== undefined ? { columns: o.columns } : {}),
        ...(o.strict !== undefined ? { strict: o.strict } : {}),
        ...(o.label !== undefined ? { label: o.label } : {}),
        ...(o.maxLineBytes !== undefined ? { maxLineBytes: o.maxLineBytes } : {}),
        ...(o.chunkBytes !== undefined ? { chunkBytes: o.chunkBytes } : {}),
      },
    };
    const url = workerUrl();
    const count = Math.max(1, Math.min(this.jobs, Math.ceil((this.size - this.head.end) / this.rangeBytes)));
    try {
      for (let i = 0; i < count; i++) {
        const w = new Worker(url, { workerData: setup });
        w.on('message', (m: FromWorker) => this.received(w, m));
        w.on('error', (e) => this.failed(e));
        w.on('exit', (code) => {
          if (code !== 0) this.failed(new Error(`a scoring worker stopped (exit code ${code})`));
        });
        this.workers.push(w);
        this.idle.push(w);
      }
      this.dispatch();
      return { ...(await this.replay()), workers: this.workers.length };
    } finally {
      this.over = true;
      this.bounds.close();
      await Promise.all(this.workers.map((w) => w.removeAllListeners('exit').terminate()));
    }
  }

  private received(w: Worker, m: FromWorker): void {
    this.slots.get(m.k)!.messages.push(m);
    if (m.type !== 'batch') {
      this.idle.push(w);
      this.dispatch();
    }
    this.wakeUp();
  }

  private failed(e: Error): void {
    this.crash ??= e;
    this.wakeUp();
  }

  private wakeUp(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  /** Sends the next ranges to idle workers, at most two per worker ahead of the one being replayed. */
  private dispatch(): void {
    if (this.over) return;
    while (this.idle.length > 0 && this.scanned < this.size && this.dispatched - this.replayed < 2 * this.workers.length) {
      const start = this.scanned;
      const end = this.bounds.after(start + this.rangeBytes);
      this.scanned = end;
      const k = this.dispatched++;
      this.slots.set(k, { messages: [] });
      this.idle.pop()!.postMessage({ type: 'range', task: { k, start, end } });
    }
  }

  private async replay(): Promise<ScoreCsvResult> {
    let line = this.head.line;
    let rows = 0;
    let skipped = 0;
    let bytes = this.head.end;
    let unreadable = this.head.unreadable;
    for (let k = 0; k < this.dispatched || this.scanned < this.size; k++) {
      for (;;) {
        const slot = this.slots.get(k);
        const m = slot?.messages.shift();
        if (!m) {
          if (this.crash) throw this.crash;
          await new Promise<void>((resolve) => {
            this.wake = resolve;
          });
          continue;
        }
        if (m.type === 'batch') {
          this.replayBatch(m.batch, line);
          bytes += m.bytes;
          this.opts.onProgress?.(bytes, this.size);
          if (this.opts.afterChunk) await this.opts.afterChunk();
          continue;
        }
        if (m.type === 'error') throw rebuilt(m.error, line);
        unreadable = mergeUnreadable(unreadable, rebased(m.unreadable, line));
        line += m.lines;
        rows += m.rows;
        skipped += m.skipped;
        break;
      }
      this.slots.delete(k);
      this.replayed = k + 1;
      this.dispatch();
    }
    return { header: this.head.header, idColumn: this.head.idColumn, columns: this.head.columns, rows, skipped, nextLine: line, unreadable };
  }

  private replayBatch(b: Batch, base: number): void {
    const { scores, stages, criteria, values, kept, onRow, fired: firedLists } = this;
    const cols = values.length;
    const named = this.head.idColumn !== null;
    let skip = 0;
    let idFrom = 0;
    let valueAt = 0;
    let valueFrom = 0;
    for (let i = 0; i < b.rows; i++) {
      while (skip < b.skips.length && b.skips[skip]!.before === i) this.opts.onSkip?.(placed(b.skips[skip++]!.problem, base));
      for (let k = 0; k < scores.length; k++) {
        const s = scores[k]!;
        const n = b.numbers[k]!;
        s.fit = n[3 * i]!;
        s.engagement = n[3 * i + 1]!;
        s.score = n[3 * i + 2]!;
        s.stage = stages[k]![b.stages[k]![i]!]!;
        const fired = b.fired[k]!;
        const ids = criteria[k]!;
        const to = b.firedAt[k]![i + 1]!;
        // reused from lead to lead, as on one thread: the caller copies what it keeps
        const list = firedLists[k]!;
        list.length = 0;
        for (let j = b.firedAt[k]![i]!; j < to; j++) list.push(ids[fired[j]!]!);
        s.fired = list;
      }
      for (let c = 0; c < cols; c++) {
        const end = b.valueEnds[valueAt++]!;
        values[c] = b.values.slice(valueFrom, end);
        valueFrom = end;
      }
      for (let c = 0; c < kept.length; c++) {
        const end = b.valueEnds[valueAt++]!;
        kept[c] = b.values.slice(valueFrom, end);
        valueFrom = end;
      }
      const idEnd = b.idEnds[i]!;
      const line = base - 1 + b.lines[i]!;
      // without an id column a lead is named by its line, which the worker counted from its range
      onRow(named ? b.ids.slice(idFrom, idEnd) : String(line), scores, line, values, kept);
      idFrom = idEnd;
    }
    while (skip < b.skips.length) this.opts.onSkip?.(placed(b.skips[skip++]!.problem, base));
  }
}

/** A range's unreadable values, at their lines in the file rather than in the range. */
function rebased(s: UnreadableSummary, base: number): UnreadableSummary {
  return s.map((f) => ({ ...f, examples: f.examples.map((e) => ({ ...e, line: base - 1 + e.line })) }));
}

/** A problem a worker found, at its line in the file rather than in the range. */
function placed(p: Problem, base: number): Problem {
  return p.line === undefined ? p : { ...p, line: base - 1 + p.line };
}

function rebuilt(e: ErrorData, base: number): Error {
  if (e.kind === 'input') return new InputError(e.problems.map((p) => placed(p, base)), e.hint);
  if (e.kind === 'user') return new UserError(e.message, e.hint);
  const err = new Error(e.message);
  if (e.stack !== undefined) err.stack = e.stack;
  return err;
}

/** The worker beside this module: both builds put it there (tsc, and scripts/bundle.js as its own entry). */
function workerUrl(): URL {
  const beside = new URL('./leads-worker.js', import.meta.url);
  if (existsSync(beside)) return beside;
  // Run from the TypeScript sources (the test suite): the worker `npm run build` compiled.
  return new URL('../../../../dist/adapters/leads/parallel/leads-worker.js', import.meta.url);
}
