import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { grouped } from '../../../src/core/text/numbers.js';

describe('grouped: thousands grouped as en-US writes them, without the locale data', () => {
  it('writes every safe integer as toLocaleString("en-US") does', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.maxSafeInteger(), fc.integer()), (n) => {
        expect(grouped(n)).toBe(n.toLocaleString('en-US'));
      }),
      { seed: 15, numRuns: 2000 },
    );
    for (const n of [0, -0, 999, 1000, -1000, 999_999, 1_000_000, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER]) expect(grouped(n)).toBe(n.toLocaleString('en-US'));
  });

  it('leaves fractions and non-finite numbers to the locale formatter', () => {
    for (const n of [1234.5678, 0.1, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60]) expect(grouped(n)).toBe(n.toLocaleString('en-US'));
  });
});
