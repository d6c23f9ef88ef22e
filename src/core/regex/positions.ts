import { charSetOf, type CharSet } from './char-set.js';
import type { RegexNode, RepeatNode } from './parse.js';

/**
 * The ways a backtracking matcher can walk a pattern, as a position automaton: one state per
 * character the pattern can read, and for each state the states that can read the next
 * character, with the number of distinct ways (1, or 2 meaning "two or more") of getting
 * there. A backtracking matcher tries each way; the ways are what `hazard.ts` counts.
 *
 * It over-approximates, so that it may find ways a matcher does not take, never miss one:
 * anchors, `\b` and lookarounds are taken as always holding (a lookaround's own pattern is
 * checked on its own), and a back-reference as a fresh copy of its group, which may be empty.
 * A counted repeat of one character is written out when its count is fixed (`\d{3}`), and
 * otherwise taken as unbounded (`[a-z]{2,63}` as `[a-z][a-z]+`): each length it may take is
 * one more way, which counts as a loop does.
 * Any other counted repeat is written out when that makes at most three copies
 * (`(\w+\s?){1,3}`), and otherwise taken as unbounded: twenty rounds of a part that can match
 * a text two ways are already a million ways, as exponential as a loop, and even four rounds of
 * `\w+\s?` take seconds on a 200-character value.
 */
export interface Model {
  /** What each state reads; state 0 is the start and reads nothing. */
  sets: CharSet[];
  /** For each state, the next states and how to get there. */
  next: Map<number, Step>[];
  /** The repeats each state is inside, outermost first, to name the part of the pattern at fault. */
  within: RepeatNode[][];
  /** Lookaround patterns, checked on their own. */
  lookarounds: RegexNode[];
}

export interface Step {
  ways: 1 | 2;
  /** The repeats whose loop makes this step, with the repeats they are inside. */
  loops: RepeatNode[][];
}

export class TooLarge extends Error {}

/**
 * A counted repeat of anything else is written out when that makes at most this many copies,
 * counting the counted repeats around it (`((x){1,2}){1,2}` is four, too many); otherwise unbounded.
 */
const MAX_COPIES = 3;

/** What a part of a pattern starts and ends with, and the ways it can match nothing. */
interface Part {
  first: Map<number, number>;
  last: Map<number, number>;
  empty: number;
}

const cap = (n: number): 1 | 2 => (n >= 2 ? 2 : 1);
const EMPTY = (): Part => ({ first: new Map(), last: new Map(), empty: 1 });

function scaled(m: Map<number, number>, by: number): Map<number, number> {
  if (by === 1) return m;
  return by === 0 ? new Map() : new Map([...m].map(([s, w]) => [s, Math.min(2, w * by)]));
}

function added(a: Map<number, number>, b: Map<number, number>): Map<number, number> {
  const out = new Map(a);
  for (const [s, w] of b) out.set(s, Math.min(2, (out.get(s) ?? 0) + w));
  return out;
}

/** A plain character under any wrapping groups: what a counted repeat can write out in full. */
function plainChar(node: RegexNode): Extract<RegexNode, { kind: 'char' | 'dot' | 'perl' | 'class' }> | undefined {
  if (node.kind === 'char' || node.kind === 'dot' || node.kind === 'perl' || node.kind === 'class') return node;
  if (node.kind === 'group' && !node.look) return plainChar(node.body);
  if (node.kind === 'alt' && node.branches.length === 1 && node.branches[0]!.length === 1) return plainChar(node.branches[0]![0]!);
  return undefined;
}

/** Every capturing group by number, for back-references. */
function groupsOf(root: RegexNode): Map<number, RegexNode> {
  const out = new Map<number, RegexNode>();
  const walk = (n: RegexNode): void => {
    if (n.kind === 'group') {
      if (n.capture !== undefined) out.set(n.capture, n.body);
      walk(n.body);
    } else if (n.kind === 'alt') for (const b of n.branches) for (const x of b) walk(x);
    else if (n.kind === 'repeat') walk(n.node);
  };
  walk(root);
  return out;
}

/**
 * The model of `root`, whose back-references refer to the groups of `whole`. The budget is
 * shared by every model of one pattern and the search on it: more states than `states`, or
 * more work than `steps` (each step linked or carried over), is TooLarge.
 */
export function buildModel(root: RegexNode, whole: RegexNode, budget: { states: number; steps: number }): Model {
  const groups = groupsOf(whole);
  const model: Model = { sets: [[]], next: [new Map()], within: [[]], lookarounds: [] };
  const seenLooks = new Set<RegexNode>();
  const expanding = new Set<number>();
  let stack: RepeatNode[] = [];
  /** How many copies of the current part the counted repeats around it write out. */
  let copies = 1;

  const spend = (work: number) => {
    budget.steps -= work;
    if (budget.steps < 0) throw new TooLarge();
  };

  /** Steps from every end of one part to every start of the next; `byLoop` when the innermost repeat loops back. */
  const link = (from: Map<number, number>, to: Map<number, number>, by = 1, byLoop = false) => {
    spend(from.size * to.size);
    for (const [p, wp] of from) {
      for (const [q, wq] of to) {
        const step = model.next[p]!.get(q);
        const ways = wp * wq * by;
        const loops = byLoop ? [stack] : [];
        if (step) {
          step.ways = cap(step.ways + ways);
          step.loops.push(...loops);
        } else model.next[p]!.set(q, { ways: cap(ways), loops });
      }
    }
  };

  const state = (set: CharSet): Part => {
    if (--budget.states < 0) throw new TooLarge();
    const s = model.sets.length;
    model.sets.push(set);
    model.next.push(new Map());
    model.within.push(stack);
    return { first: new Map([[s, 1]]), last: new Map([[s, 1]]), empty: 0 };
  };

  const sequence = (a: Part, b: Part): Part => {
    link(a.last, b.first);
    spend(a.first.size + a.last.size + b.first.size + b.last.size);
    return {
      first: added(a.first, scaled(b.first, a.empty)),
      last: added(b.last, scaled(a.last, b.empty)),
      empty: Math.min(2, a.empty * b.empty),
    };
  };

  // An optional part: JavaScript refuses an optional round that matches nothing, so skipping is the one empty way.
  const optional = (p: Part): Part => ({ first: p.first, last: p.last, empty: 1 });

  /** `p` repeated without bound, at least `min` times. Rounds past `min` must match something; rounds up to `min` may match nothing. */
  const loop = (p: Part, min: number): Part => {
    // With two required rounds, an empty round can sit between two that match: a second way.
    const emptyRounds = min >= 2 && p.empty > 0 ? 2 : 1;
    link(p.last, p.first, emptyRounds, true);
    const empty = min === 0 ? 1 : min === 1 ? p.empty : p.empty > 0 ? 2 : 0;
    return { first: scaled(p.first, emptyRounds), last: scaled(p.last, emptyRounds), empty };
  };

  /** `copy()` between `min` and `max` times, written out: x{2,4} as x x (x(x)?)?. */
  const writtenOut = (copy: () => Part, min: number, max: number): Part => {
    let tail = EMPTY();
    for (let k = max - min; k > 0; k--) tail = optional(sequence(copy(), tail));
    let part = EMPTY();
    for (let k = 0; k < min; k++) part = sequence(part, copy());
    return sequence(part, tail);
  };

  const repeat = (n: RepeatNode): Part => {
    const outer = stack;
    stack = [...stack, n];
    try {
      if (n.max === 0) return EMPTY();
      if (n.max === 1) return n.min === 1 ? build(n.node) : optional(build(n.node));
      const plain = plainChar(n.node);
      if (!plain) {
        if (n.max === null || copies * n.max > MAX_COPIES) return loop(build(n.node), n.min);
        const around = copies;
        copies *= n.max;
        try {
          return writtenOut(() => build(n.node), n.min, n.max);
        } finally {
          copies = around;
        }
      }
      const set = charSetOf(plain);
      if (n.max === n.min) return writtenOut(() => state(set), n.min, n.min);
      // x{3,} and x{3,50} as x x x+.
      return sequence(writtenOut(() => state(set), Math.max(0, n.min - 1), Math.max(0, n.min - 1)), loop(state(set), Math.min(n.min, 1)));
    } finally {
      stack = outer;
    }
  };

  const build = (n: RegexNode): Part => {
    switch (n.kind) {
      case 'char':
      case 'dot':
      case 'perl':
      case 'class':
        return state(charSetOf(n));
      case 'assert':
        return EMPTY();
      case 'alt': {
        const parts = n.branches.map((b) => b.reduce<Part>((acc, x) => sequence(acc, build(x)), EMPTY()));
        return parts.reduce((a, b) => ({ first: added(a.first, b.first), last: added(a.last, b.last), empty: Math.min(2, a.empty + b.empty) }));
      }
      case 'group':
        if (!n.look) return build(n.body);
        if (!seenLooks.has(n.body)) {
          seenLooks.add(n.body);
          model.lookarounds.push(n.body);
        }
        return EMPTY();
      case 'repeat':
        return repeat(n);
      case 'backref': {
        const body = groups.get(n.n);
        // A reference inside its own group matches nothing in JavaScript.
        if (!body || expanding.has(n.n)) return EMPTY();
        expanding.add(n.n);
        try {
          return optional(build(body));
        } finally {
          expanding.delete(n.n);
        }
      }
    }
  };

  link(new Map([[0, 1]]), build(root).first);
  return model;
}
