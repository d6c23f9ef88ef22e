// The "did you mean" of a missing column: the same answer as the plain edit distance (among names
// of up to 256 characters), in bounded time and memory when the candidates come from a hostile CSV header.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closest } from '../../../src/core/text/closest.js';

/** The textbook edit distance, every candidate measured in full: what closest must agree with. */
function plain(name: string, candidates: readonly string[]): string | undefined {
  const dist = (a: string, b: string) => {
    let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      const cur = [i];
      for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
    return prev[b.length]!;
  };
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = dist(name.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best;
}

describe('closest', () => {
  it('names the candidate the plain edit distance names (the first of equals)', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'C', 'd', ' ', '_'), maxLength: 12 });
    fc.assert(fc.property(word, fc.array(word, { maxLength: 12 }), (name, candidates) => closest(name, candidates) === plain(name, candidates)), { numRuns: 5000 });
  });

  it('never offers a name of more than 256 characters, and does not measure one of megabytes', () => {
    const huge = 'h'.repeat(8 << 20);
    const started = Date.now();
    expect(closest('employees', [huge, 'id', 'employes', huge])).toBe('employes');
    expect(closest('employees', [huge])).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(500);
    expect(closest('x', ['y'.repeat(256)])).toBe('y'.repeat(256));
  });
});
