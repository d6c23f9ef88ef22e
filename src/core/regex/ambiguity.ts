import { overlaps, type CharSet } from './char-set.js';
import { polynomialDegree } from './degree.js';
import type { RepeatNode } from './parse.js';
import { TooLarge, type Model, type Step } from './positions.js';

/**
 * Whether a backtracking matcher can take too many ways through a model, found on pairs of
 * states (two walks reading the same text side by side).
 *
 * - `loop`: two walks that start in one state, part (different states, or the same state by
 *   two ways) and meet again in it can go round that loop once per stretch of text, doubling
 *   the ways each time: exponential in the length of the text. Refused whatever the text.
 * - `branching`: otherwise, each time walks part without a loop to bring them back, the
 *   ways multiply by the number of ways they part into (2 for `(a|a)`). A pattern can do that
 *   a fixed number of times; the product on the text that parts them most, in bits (log2),
 *   is its branching: `(a|a)` written out twenty times has 10 bits (walks must meet before
 *   they part again, so it counts every other one: the ways are a million); `.*vp.*` has 1,
 *   the rubric patterns we know at most 4.
 * - `power`: walks that stay apart round one loop and then the next, as in `.*a.*`, cost a
 *   power of the text's length (`degree.ts`): 64^degree ways on a 64-character value, times
 *   the branching. Refused from 2^18 ways: always from degree 3 (`.*a.*b.*c.*d`, four rounds of
 *   `\w+\s?`, seconds on a few hundred characters); at degree 2 (`.*vp.*sales.*`, branching 2)
 *   only with 6 bits of branching or more.
 */
export type Ambiguity =
  | { kind: 'loop'; chains: RepeatNode[][] }
  | { kind: 'branching'; bits: number }
  | { kind: 'power'; degree: number };

const MAX_BITS = 10;
/** log2 of the ways refused, and of the value length (64) they are counted for. */
const MAX_WAYS_BITS = 18;
const LENGTH_BITS = 6;

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
  /** For a step that parts two walks that were together, log2 of the ways they part into; else 0. */
  private readonly edgePartingBits: number[] = [];
  /** Per state, log2 of the most ways its next steps can read one character; computed on need. */
  private readonly fanOut = new Map<number, number>();
  /** Per component, the most branching (bits) on a way out of it. */
  private readonly branching: number[] = [];
  /** Components where walks go round apart (and never together), by component. */
  private readonly apart = new Map<number, number[]>();
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
      const c = this.branching.length;
      for (let m = -1; m !== id; ) {
        m = stack.pop()!;
        this.onStack[m] = false;
        this.comp[m] = c;
        members.push(m);
      }
      const found = this.judge(members, c);
      if (found) return found;
    }
    const bits = this.branching[this.comp[root]!]!;
    if (bits >= MAX_BITS) return { kind: 'branching', bits };
    const degree = polynomialDegree(this.model, this.links());
    return bits + degree * LENGTH_BITS >= MAX_WAYS_BITS ? { kind: 'power', degree } : undefined;
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
        this.edgeTo.push(this.idOf(p2, q2));
        this.edgePartingBits.push(parts ? this.fanOutOf(p) : 0);
      }
    }
    this.until[id] = this.edgeTo.length;
  }

  /** log2 of the most ways the steps from `p` can read one same character: how many walks part there at once. */
  private fanOutOf(p: number): number {
    let bits = this.fanOut.get(p);
    if (bits === undefined) {
      const states = this.nextStates[p]!;
      const steps = this.nextSteps[p]!;
      let most = 0;
      for (const a of states) {
        let ways = 0;
        states.forEach((b, k) => {
          if (--this.budget.steps < 0) throw new TooLarge();
          if (this.overlap(a, b)) ways += steps[k]!.ways;
        });
        most = Math.max(most, ways);
      }
      bits = Math.log2(most);
      this.fanOut.set(p, bits);
    }
    return bits;
  }

  /**
   * A loop: the component holds a pair where the walks are together, and either a pair where
   * they are apart or a step that parts them. Otherwise, the most branching on a way out.
   */
  private judge(members: number[], c: number): Ambiguity | undefined {
    let together = false;
    let apart = false;
    let partsInside = false;
    let cyclic = members.length > 1;
    let most = 0;
    for (const m of members) {
      if (this.p[m] === this.q[m]) together = true;
      else apart = true;
      for (let e = this.from[m]!; e < this.until[m]!; e++) {
        const t = this.edgeTo[e]!;
        cyclic ||= t === m;
        if (this.comp[t] === c) partsInside ||= this.edgePartingBits[e]! > 0;
        else most = Math.max(most, this.edgePartingBits[e]! + this.branching[this.comp[t]!]!);
      }
    }
    if (together && (apart || partsInside)) return { kind: 'loop', chains: this.chains(members, c) };
    if (apart && cyclic) this.apart.set(c, members);
    this.branching.push(most);
    return undefined;
  }

  /**
   * The loops two walks can part between on the same text: together round loop a, then one
   * still round a while the other goes round b (a component where they go round apart), then
   * together again round b. Each such link adds one to the power of the length (`degree.ts`).
   */
  private links(): [number, number][] {
    const size = this.model.sets.length;
    const out: [number, number][] = [];
    const into = new Map<number, Set<number>>();
    const outOf = new Map<number, Set<number>>();
    for (const [c, members] of this.apart) {
      const meets = this.reached(members[0]!, outOf, (id) => (this.p[id] === this.q[id] ? this.p[id]! : undefined));
      const linked = new Set<number>();
      for (const m of members) {
        for (const [a, b] of [[this.p[m]!, this.q[m]!], [this.q[m]!, this.p[m]!]] as const) {
          const start = this.ids.get(a * size + a);
          if (linked.has(a * size + b) || start === undefined || !meets.has(b)) continue;
          if (!this.reached(start, into, (id) => (this.apart.has(this.comp[id]!) ? this.comp[id] : undefined)).has(c)) continue;
          linked.add(a * size + b);
          out.push([a, b]);
        }
      }
    }
    return out;
  }

  /** What `mark` gives for the pairs reachable from `start` (memoised per start). */
  private reached(start: number, memo: Map<number, Set<number>>, mark: (id: number) => number | undefined): Set<number> {
    let found = memo.get(start);
    if (found) return found;
    found = new Set();
    const seen = new Set([start]);
    const todo = [start];
    while (todo.length) {
      const id = todo.pop()!;
      const m = mark(id);
      if (m !== undefined) found.add(m);
      for (let e = this.from[id]!; e < this.until[id]!; e++) {
        if (--this.budget.steps < 0) throw new TooLarge();
        if (!seen.has(this.edgeTo[e]!)) {
          seen.add(this.edgeTo[e]!);
          todo.push(this.edgeTo[e]!);
        }
      }
    }
    memo.set(start, found);
    return found;
  }

  /** The repeats around every state of the component, and those whose loops make its steps. */
  private chains(members: number[], c: number): RepeatNode[][] {
    const out: RepeatNode[][] = [];
    const next = this.model.next;
    for (const m of members) {
      const [p, q] = [this.p[m]!, this.q[m]!];
      out.push(this.model.within[p]!, this.model.within[q]!);
      for (let e = this.from[m]!; e < this.until[m]!; e++) {
        const t = this.edgeTo[e]!;
        if (this.comp[t] !== c) continue;
        // The pair is unordered: the step went to (p2, q2) or to (q2, p2).
        const [p2, q2] = next[p]!.has(this.p[t]!) && next[q]!.has(this.q[t]!) ? [this.p[t]!, this.q[t]!] : [this.q[t]!, this.p[t]!];
        out.push(...next[p]!.get(p2)!.loops, ...next[q]!.get(q2)!.loops);
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
