/**
 * What the main thread and the scoring workers say to each other: plain, structured-cloneable
 * data. The run's settings are resolved once in the main thread (the header read, the rubric
 * parsed) and sent as data; each range's scored leads come back packed in batches, numbers
 * in typed arrays and stages and fired criteria as indexes into the rubric's own lists, and
 * are unpacked into the same Score objects scoring on one thread gives.
 */
import type { Problem } from '../../../core/errors.js';
import type { CompiledRubric, Score } from '../../../core/rubric/engine/compile.js';
import { DISQUALIFIED, UNQUALIFIED, type Rubric } from '../../../core/schemas/rubric.js';
import type { ScoreCsvOptions } from '../csv.js';

/** A rubric as a worker compiles it: the parsed rubric and the options it was compiled with. */
export interface RubricSource {
  rubric: Rubric;
  options: { asOf: string };
}

/** Given to every worker once. */
export interface WorkerSetup {
  path: string;
  rubrics: RubricSource[];
  header: string[];
  opts: Pick<ScoreCsvOptions, 'delimiter' | 'idColumn' | 'columns' | 'strict' | 'label' | 'maxLineBytes' | 'chunkBytes'>;
}

/** A range to score: bytes [start, end) of the file. Lines are counted from 1 at its start. */
export interface RangeTask {
  k: number;
  start: number;
  end: number;
}

/** Leads scored, in input order, and the rows skipped among them. */
export interface Batch {
  rows: number;
  ids: string[];
  /** Line of each lead, counted from 1 at the range's start. */
  lines: Int32Array;
  /** Per rubric: fit, engagement and score of each lead. */
  numbers: Float64Array[];
  /** Per rubric: each lead's stage, an index into stageList(rubric). */
  stages: Uint16Array[];
  /** Per rubric: the fired criteria of lead i are fired[firedAt[i] .. firedAt[i + 1]), indexes into rubric.criteria. */
  firedAt: Uint32Array[];
  fired: Uint16Array[];
  /** The extra columns' values, row after row. */
  values: string[];
  /** Rows skipped, each before the lead numbered `before` in this batch. */
  skips: { before: number; problem: Problem }[];
}

/** An error, as data: the kind of AlignError it was and what it said. */
export type ErrorData = { kind: 'input'; problems: Problem[]; hint?: string } | { kind: 'user'; message: string; hint?: string } | { kind: 'bug'; message: string; stack?: string };

export type FromWorker =
  | { type: 'batch'; k: number; batch: Batch; bytes: number }
  /** The range is done; `lines` is how many lines it has. */
  | { type: 'done'; k: number; lines: number; rows: number; skipped: number }
  | { type: 'error'; k: number; error: ErrorData };

export type ToWorker = { type: 'range'; task: RangeTask } | { type: 'close' };

/** The stages a lead can get under a rubric, in a fixed order both sides know. */
export function stageList(rubric: CompiledRubric): string[] {
  return [...rubric.stages, UNQUALIFIED, DISQUALIFIED];
}

/** Packs leads as they are scored; `take()` hands over what is packed so far. */
export class BatchPacker {
  private ids: string[] = [];
  private lines: number[] = [];
  private numbers: number[][];
  private stages: number[][];
  private firedAt: number[][];
  private fired: number[][];
  private values: string[] = [];
  private skips: Batch['skips'] = [];
  private readonly stageIndex: Map<string, number>[];
  private readonly criterionIndex: Map<string, number>[];

  constructor(rubrics: CompiledRubric[]) {
    this.stageIndex = rubrics.map((r) => new Map(stageList(r).map((s, i) => [s, i])));
    this.criterionIndex = rubrics.map((r) => new Map(r.criteria.map((c, i) => [c.id, i])));
    this.numbers = rubrics.map(() => []);
    this.stages = rubrics.map(() => []);
    this.firedAt = rubrics.map(() => [0]);
    this.fired = rubrics.map(() => []);
  }

  get size(): number {
    return this.ids.length;
  }

  add(id: string, scores: Score[], line: number, values: string[]): void {
    this.ids.push(id);
    this.lines.push(line);
    for (let k = 0; k < scores.length; k++) {
      const s = scores[k]!;
      this.numbers[k]!.push(s.fit, s.engagement, s.score);
      const stage = this.stageIndex[k]!.get(s.stage);
      if (stage === undefined) throw new Error(`a stage the rubric does not list: ${s.stage}`);
      this.stages[k]!.push(stage);
      const fired = this.fired[k]!;
      const index = this.criterionIndex[k]!;
      for (const id of s.fired) fired.push(index.get(id)!);
      this.firedAt[k]!.push(fired.length);
    }
    for (const v of values) this.values.push(v);
  }

  skip(problem: Problem): void {
    this.skips.push({ before: this.ids.length, problem });
  }

  take(): Batch {
    const batch: Batch = {
      rows: this.ids.length,
      ids: this.ids,
      lines: Int32Array.from(this.lines),
      numbers: this.numbers.map((n) => Float64Array.from(n)),
      stages: this.stages.map((s) => Uint16Array.from(s)),
      firedAt: this.firedAt.map((f) => Uint32Array.from(f)),
      fired: this.fired.map((f) => Uint16Array.from(f)),
      values: this.values,
      skips: this.skips,
    };
    this.ids = [];
    this.lines = [];
    this.numbers = this.numbers.map(() => []);
    this.stages = this.stages.map(() => []);
    this.firedAt = this.firedAt.map(() => [0]);
    this.fired = this.fired.map(() => []);
    this.values = [];
    this.skips = [];
    return batch;
  }
}
