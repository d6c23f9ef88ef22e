/** A longer candidate is never offered: it would not read as a hint, and it could be megabytes from a file. */
const LONGEST = 256;

/**
 * The candidate most like `name` (case-insensitive edit distance; the first of equals), for
 * "did you mean" hints. Candidates may come from a file (a CSV header of 100,000 columns), so
 * one that cannot beat the best so far is not measured, and a measure stops once it cannot:
 * memory in proportion to the name, time to the name's length times the candidates' length.
 */
export function closest(name: string, candidates: readonly string[]): string | undefined {
  const target = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    if (c.length > LONGEST || Math.abs(c.length - target.length) >= bestDistance) continue; // the distance is at least the difference in length
    const d = distance(target, c.toLowerCase(), bestDistance);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/** The edit distance of a and b, or a number not below `bound` as soon as it cannot be below it. */
function distance(a: string, b: string, bound: number): number {
  const n = a.length;
  let prev = new Int32Array(n + 1).map((_, j) => j);
  let cur = new Int32Array(n + 1);
  for (let i = 1; i <= b.length; i++) {
    const ch = b.charCodeAt(i - 1);
    cur[0] = i;
    let least = i;
    for (let j = 1; j <= n; j++) {
      let d = prev[j]! + 1;
      const left = cur[j - 1]! + 1;
      if (left < d) d = left;
      const diagonal = prev[j - 1]! + (a.charCodeAt(j - 1) === ch ? 0 : 1);
      if (diagonal < d) d = diagonal;
      cur[j] = d;
      if (d < least) least = d;
    }
    if (least >= bound) return least; // no later row has a smaller value
    [prev, cur] = [cur, prev];
  }
  return prev[n]!;
}

/**
 * Up to `count` candidates most like `name`, nearest first (ties in the candidates' order), for
 * hints that offer a few: the headers closest to a field a CSV lacks. Compared as `compare`
 * writes them (by default as they are, case-insensitive).
 */
export function nearest(name: string, candidates: readonly string[], count: number, compare: (s: string) => string = (s) => s): string[] {
  if (count <= 0) return [];
  const target = compare(name).toLowerCase();
  const scored: { c: string; d: number; i: number }[] = [];
  candidates.forEach((c, i) => {
    if (c.length > LONGEST) return;
    const bound = scored.length < count ? Infinity : scored[scored.length - 1]!.d + 1;
    const key = compare(c).toLowerCase();
    if (Math.abs(key.length - target.length) >= bound) return;
    const d = distance(target, key, bound);
    if (d >= bound) return;
    scored.push({ c, d, i });
    scored.sort((a, b) => a.d - b.d || a.i - b.i);
    if (scored.length > count) scored.pop();
  });
  return scored.map((s) => s.c);
}
