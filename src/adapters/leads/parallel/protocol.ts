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
import type { CompileOptions } from '../../../core/rubric/engine/compile.js';
import type { UnreadableSummary } from '../../../core/values/unreadable.js';
import type { ScoreCsvOptions } from '../csv.js';

/** A rubric as a worker compiles it: the parsed rubric and the options it was compiled with. */
export interface RubricSource {
  rubric: Rubric;
  options: CompileOptions;
}

/** Given to every worker once. */
export interface WorkerSetup {
  path: string;
  rubrics: RubricSource[];
  header: string[];
  opts: Pick<ScoreCsvOptions, 'delimiter' | 'idColumn' | 'map' | 'idNames' | 'keep' | 'columns' | 'strict' | 'label' | 'maxLineBytes' | 'chunkBytes'>;
}

/** A range to score: bytes [start, end) of the file. Lines are counted from 1 at its start. */
interface RangeTask {
  k: number;
  start: number;
  end: number;
}

/** Leads scored, in input order, and the rows skipped among them. */
export interface Batch {
  rows: number;
  /** The ids, one after another; lead i's is ids.slice(idEnds[i - 1] ?? 0, idEnds[i]). */
  ids: string;
  idEnds: Uint32Array;
  /** Line of each lead, counted from 1 at the range's start. */
  lines: Int32Array;
  /** Per rubric: fit, engagement and score of each lead. */
  numbers: Float64Array[];
  /** Per rubric: each lead's stage, an index into stageList(rubric). */
  stages: Uint16Array[];
  /** Per rubric: the fired criteria of lead i are fired[firedAt[i] .. firedAt[i + 1]), indexes into rubric.criteria. */
  firedAt: Uint32Array[];
  fired: Uint16Array[];
  /** The extra columns' values, then the kept columns' (--keep), row after row, as the ids are. */
  values: string;
  valueEnds: Uint32Array;
  /** Rows skipped, each before the lead numbered `before` in this batch. */
  skips: { before: number; problem: Problem }[];
}

/** An error, as data: the kind of AlignError it was and what it said. */
export type ErrorData = { kind: 'input'; problems: Problem[]; hint?: string } | { kind: 'user'; message: string; hint?: string } | { kind: 'bug'; message: string; stack?: string };

export type FromWorker =
  | { type: 'batch'; k: number; batch: Batch; bytes: number }
  /** The range is done; `lines` is how many lines it has; `unreadable`'s lines are counted from its start. */
  | { type: 'done'; k: number; lines: number; rows: number; skipped: number; unreadable: UnreadableSummary }
  | { type: 'error'; k: number; error: ErrorData };

export type ToWorker = { type: 'range'; task: RangeTask } | { type: 'close' };

/** The stages a lead can get under a rubric, in a fixed order both sides know. */
export function stageList(rubric: CompiledRubric): string[] {
  return [...rubric.stages, UNQUALIFIED, DISQUALIFIED];
}

/** A typed array that grows as numbers are pushed. */
class Grow<T extends Uint16Array | Uint32Array | Int32Array | Float64Array> {
  length = 0;
  constructor(
    private array: T,
    private readonly make: (n: number) => T,
  ) {}
  push(v: number): void {
    if (this.length === this.array.length) {
      const bigger = this.make(this.array.length * 2);
      bigger.set(this.array);
      this.array = bigger;
    }
    this.array[this.length++] = v;
  }
  /** The numbers pushed, in an array of their own. */
  take(): T {
    return this.array.slice(0, this.length) as T;
  }
}

const u16 = (n: number) => new Grow(new Uint16Array(n), (m) => new Uint16Array(m));
const u32 = (n: number) => new Grow(new Uint32Array(n), (m) => new Uint32Array(m));

/** Packs leads as they are scored; `take()` hands over what is packed so far. */
export class BatchPacker {
  private rows = 0;
  private ids = '';
  private idEnds = u32(1024);
  private lines = new Grow(new Int32Array(1024), (m) => new Int32Array(m));
  private numbers: Grow<Float64Array>[];
  private stages: Grow<Uint16Array>[];
  private firedAt: Grow<Uint32Array>[];
  private fired: Grow<Uint16Array>[];
  private values = '';
  private valueEnds = u32(1024);
  private skips: Batch['skips'] = [];
  private readonly stageIndex: Map<string, number>[];
  private readonly criterionIndex: Map<string, number>[];

  constructor(private readonly rubrics: CompiledRubric[]) {
    this.stageIndex = rubrics.map((r) => new Map(stageList(r).map((s, i) => [s, i])));
    this.criterionIndex = rubrics.map((r) => new Map(r.criteria.map((c, i) => [c.id, i])));
    this.numbers = [];
    this.stages = [];
    this.firedAt = [];
    this.fired = [];
    this.reset();
  }

  private reset(): void {
    this.rows = 0;
    this.ids = '';
    this.idEnds = u32(1024);
    this.lines = new Grow(new Int32Array(1024), (m) => new Int32Array(m));
    this.numbers = this.rubrics.map(() => new Grow(new Float64Array(3072), (m) => new Float64Array(m)));
    this.stages = this.rubrics.map(() => u16(1024));
    this.firedAt = this.rubrics.map(() => {
      const g = u32(1025);
      g.push(0);
      return g;
    });
    this.fired = this.rubrics.map(() => u16(4096));
    this.values = '';
    this.valueEnds = u32(1024);
    this.skips = [];
  }

  get size(): number {
    return this.rows;
  }

  add(id: string, scores: Score[], line: number, values: string[], kept: string[]): void {
    this.rows++;
    this.ids += id;
    this.idEnds.push(this.ids.length);
    this.lines.push(line);
    for (let k = 0; k < scores.length; k++) {
      const s = scores[k]!;
      const numbers = this.numbers[k]!;
      numbers.push(s.fit);
      numbers.push(s.engagement);
      numbers.push(s.score);
      const stage = this.stageIndex[k]!.get(s.stage);
      if (stage === undefined) throw new Error(`a stage the rubric does not list: ${s.stage}`);
      this.stages[k]!.push(stage);
      const fired = this.fired[k]!;
      const index = this.criterionIndex[k]!;
      const ids = s.fired;
      for (let j = 0; j < ids.length; j++) fired.push(index.get(ids[j]!)!);
      this.firedAt[k]!.push(fired.length);
    }
    for (let j = 0; j < values.length; j++) {
      this.values += values[j]!;
      this.valueEnds.push(this.values.length);
    }
    for (let j = 0; j < kept.length; j++) {
      this.values += kept[j]!;
      this.valueEnds.push(this.values.length);
    }
  }

  skip(problem: Problem): void {
    this.skips.push({ before: this.rows, problem });
  }

  take(): Batch {
    const batch: Batch = {
      rows: this.rows,
      ids: this.ids,
      idEnds: this.idEnds.take(),
      lines: this.lines.take(),
      numbers: this.numbers.map((n) => n.take()),
      stages: this.stages.map((s) => s.take()),
      firedAt: this.firedAt.map((f) => f.take()),
      fired: this.fired.map((f) => f.take()),
      values: this.values,
      valueEnds: this.valueEnds.take(),
      skips: this.skips,
    };
    this.reset();
    return batch;
  }
}
