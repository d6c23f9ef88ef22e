import { overlaps, type CharSet } from './char-set.js';
import type { RepeatNode } from './parse.js';
import { TooLarge, type Model, type Step } from './positions.js';

/**
 * Whether a backtracking matcher can take too many ways through a model, found on pairs of
 * states (two walks reading the same text side by side).
 *
 * - `loop`: two walks that start in one state, part (different states, or the same state by
 *   two ways) and meet again in it can go round that loop once per stretch of text, doubling
 *   the ways each time: exponential in the length of the text. Refused whatever the text.
 * - `partings`: otherwise, each time two walks part on one text without a loop to bring them
 *   back, the ways double once. A pattern can do that a fixed number of times, counted on
 *   the text that parts them most: `(a|a)` written out twenty times parts them 10 times
 *   (a million ways); `.*vp.*` once; the rubric patterns we know at most four times.
 *   (Walks that stay apart round two loops, as in `.*a.*`, cost a power of the text's length:
 *   polynomial, which is allowed.)
 */
export type Ambiguity =
  | { kind: 'loop'; chains: RepeatNode[][] }
  | { kind: 'partings'; count: number };

const MAX_PARTINGS = 10;

export function ambiguity(model: Model, budget: { steps: number }): Ambiguity | undefined {
  return new PairSearch(model, budget).run();
}

/**
 * The pairs reachable from the start, with Tarjan's strongly connected components computed
 * as they are found (iteratively: a long pattern must not exhaust the stack). Pairs are
 * unordered, (x, y) being the same two walks as (y, x); per-pair data lives in flat arrays.
 */
class PairSearch {
  private readonly ids = new Map<number, number>();
  private readonly p: number[] = [];
  private readonly q: number[] = [];
  private readonly index: number[] = [];
  private readonly low: number[] = [];
  private readonly comp: number[] = [];
  private readonly onStack: boolean[] = [];
  /** Each pair's steps are edges[from[id]] to edges[until[id] - 1]. */
  private readonly from: number[] = [];
  private readonly until: number[] = [];
  private readonly edgeTo: number[] = [];
  /** Whether a step parts two walks that were together. */
  private readonly edgeParts: boolean[] = [];
  /** For a step that parts walks by two ways into one state: the loops that make those ways. */
  private readonly edgeLoops = new Map<number, RepeatNode[][]>();
  /** Per component, the most partings on a way out of it. */
  private readonly partings: number[] = [];
  private readonly overlap: (a: number, b: number) => boolean;
  /** The model's steps as arrays, faster to walk than its maps. */
  private readonly nextStates: number[][];
  private readonly nextSteps: Step[][];

  constructor(
    private readonly model: Model,
    private readonly budget: { steps: number },
  ) {
    this.overlap = overlapsOf(model.sets);
    this.nextStates = model.next.map((m) => [...m.keys()]);
    this.nextSteps = model.next.map((m) => [...m.values()]);
  }

  run(): Ambiguity | undefined {
    const root = this.idOf(0, 0);
    const stack: number[] = [];
    const calls: number[] = [];
    const next: number[] = [];
    let counter = 0;
    const enter = (id: number) => {
      this.index[id] = this.low[id] = counter++;
      stack.push(id);
      this.onStack[id] = true;
      this.expand(id);
      calls.push(id);
      next.push(this.from[id]!);
    };
    enter(root);
    while (calls.length) {
      const top = calls.length - 1;
      const id = calls[top]!;
      if (next[top]! < this.until[id]!) {
        const t = this.edgeTo[next[top]!++]!;
        if (this.index[t] === -1) enter(t);
        else if (this.onStack[t]) this.low[id] = Math.min(this.low[id]!, this.index[t]!);
        continue;
      }
      calls.pop();
      next.pop();
      if (calls.length) this.low[calls[calls.length - 1]!] = Math.min(this.low[calls[calls.length - 1]!]!, this.low[id]!);
      if (this.low[id] !== this.index[id]) continue;
      const members: number[] = [];
      const c = this.partings.length;
      for (let m = -1; m !== id; ) {
        m = stack.pop()!;
        this.onStack[m] = false;
        this.comp[m] = c;
        members.push(m);
      }
      const found = this.judge(members, c);
      if (found) return found;
    }
    const count = this.partings[this.comp[root]!]!;
    return count >= MAX_PARTINGS ? { kind: 'partings', count } : undefined;
  }

  private idOf(a: number, b: number): number {
    const size = this.model.sets.length;
    const key = a <= b ? a * size + b : b * size + a;
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.p.length;
      this.ids.set(key, id);
      this.p.push(Math.min(a, b));
      this.q.push(Math.max(a, b));
      this.index.push(-1);
      this.low.push(-1);
      this.comp.push(-1);
      this.onStack.push(false);
      this.from.push(0);
      this.until.push(0);
    }
    return id;
  }

  private expand(id: number): void {
    const p = this.p[id]!;
    const q = this.q[id]!;
    const together = p === q;
    this.from[id] = this.edgeTo.length;
    const ps = this.nextStates[p]!;
    const qs = this.nextStates[q]!;
    for (let i = 0; i < ps.length; i++) {
      const p2 = ps[i]!;
      for (const q2 of qs) {
        if (--this.budget.steps < 0) throw new TooLarge();
        if ((together && q2 < p2) || !this.overlap(p2, q2)) continue;
        const parts = together && (p2 !== q2 || this.nextSteps[p]![i]!.ways === 2);
        if (parts && p2 === q2) this.edgeLoops.set(this.edgeTo.length, this.nextSteps[p]![i]!.loops);
        this.edgeTo.push(this.idOf(p2, q2));
        this.edgeParts.push(parts);
      }
    }
    this.until[id] = this.edgeTo.length;
  }

  /**
   * A loop: the component holds a pair where the walks are together, and either a pair where
   * they are apart or a step that parts them. Otherwise, the most partings on a way out.
   */
  private judge(members: number[], c: number): Ambiguity | undefined {
    let together = false;
    let apart = false;
    let partsInside = false;
    let most = 0;
    for (const m of members) {
      if (this.p[m] === this.q[m]) together = true;
      else apart = true;
      for (let e = this.from[m]!; e < this.until[m]!; e++) {
        const t = this.edgeTo[e]!;
        if (this.comp[t] === c) partsInside ||= this.edgeParts[e]!;
        else most = Math.max(most, (this.edgeParts[e] ? 1 : 0) + this.partings[this.comp[t]!]!);
      }
    }
    if (together && (apart || partsInside)) return { kind: 'loop', chains: this.chains(members, c) };
    this.partings.push(most);
    return undefined;
  }

  /** The repeats around every state of the component, and those of the loops that part walks in it. */
  private chains(members: number[], c: number): RepeatNode[][] {
    const out: RepeatNode[][] = [];
    for (const m of members) {
      out.push(this.model.within[this.p[m]!]!, this.model.within[this.q[m]!]!);
      for (let e = this.from[m]!; e < this.until[m]!; e++) {
        if (this.comp[this.edgeTo[e]!] === c) out.push(...(this.edgeLoops.get(e) ?? []));
      }
    }
    return out;
  }
}

/** Whether two states read a common character, remembered per pair of distinct sets. */
function overlapsOf(sets: CharSet[]): (a: number, b: number) => boolean {
  const byText = new Map<string, number>();
  const setId = sets.map((s) => {
    const key = s.join(',');
    if (!byText.has(key)) byText.set(key, byText.size);
    return byText.get(key)!;
  });
  const unique = new Array<CharSet>(byText.size);
  sets.forEach((s, i) => {
    unique[setId[i]!] = s;
  });
  const memo = new Map<number, boolean>();
  return (a, b) => {
    const x = Math.min(setId[a]!, setId[b]!);
    const y = Math.max(setId[a]!, setId[b]!);
    const key = x * unique.length + y;
    if (!memo.has(key)) memo.set(key, overlaps(unique[x]!, unique[y]!));
    return memo.get(key)!;
  };
}
