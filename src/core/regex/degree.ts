import type { Model } from './positions.js';

/**
 * The power of the text's length that the ways through a model grow with, when they grow
 * polynomially (Weber and Seidl's chains): the longest chain of loops, one after another,
 * each linked to the next because walks can share out the same text between them
 * (`.*a.*b.*c` links three `.*`: the length squared, times the length again for the search
 * from every position). The links, between states of two loops, come from `ambiguity.ts`.
 */
export function polynomialDegree(model: Model, links: [number, number][]): number {
  const { comp, order } = loops(model);
  const linked = new Map<number, Set<number>>();
  for (const [p, q] of links) {
    if (!linked.has(comp[p]!)) linked.set(comp[p]!, new Set());
    linked.get(comp[p]!)!.add(comp[q]!);
  }
  // Components complete in reverse order of the model's steps: each one's successors are done first.
  const degree = new Array<number>(order.length).fill(0);
  for (const [c, states] of order.entries()) {
    let most = 0;
    for (const s of states) for (const t of model.next[s]!.keys()) if (comp[t] !== c) most = Math.max(most, degree[comp[t]!]!);
    for (const t of linked.get(c) ?? []) most = Math.max(most, 1 + degree[t]!);
    degree[c] = most;
  }
  return degree[comp[0]!]!;
}

/** Tarjan's strongly connected components of the model, iteratively; numbered as they complete. */
function loops(model: Model): { comp: number[]; order: number[][] } {
  const n = model.sets.length;
  const index = new Array<number>(n).fill(-1);
  const low = new Array<number>(n).fill(0);
  const comp = new Array<number>(n).fill(-1);
  const onStack = new Array<boolean>(n).fill(false);
  const order: number[][] = [];
  const stack: number[] = [];
  let counter = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    const calls: { s: number; next: number[]; k: number }[] = [];
    const enter = (s: number) => {
      index[s] = low[s] = counter++;
      stack.push(s);
      onStack[s] = true;
      calls.push({ s, next: [...model.next[s]!.keys()], k: 0 });
    };
    enter(root);
    while (calls.length) {
      const frame = calls[calls.length - 1]!;
      if (frame.k < frame.next.length) {
        const t = frame.next[frame.k++]!;
        if (index[t] === -1) enter(t);
        else if (onStack[t]) low[frame.s] = Math.min(low[frame.s]!, index[t]!);
        continue;
      }
      calls.pop();
      const parent = calls[calls.length - 1];
      if (parent) low[parent.s] = Math.min(low[parent.s]!, low[frame.s]!);
      if (low[frame.s] !== index[frame.s]) continue;
      const members: number[] = [];
      for (let m = -1; m !== frame.s; ) {
        m = stack.pop()!;
        onStack[m] = false;
        comp[m] = order.length;
        members.push(m);
      }
      order.push(members);
    }
  }
  return { comp, order };
}
