import { describe, expect, it } from 'vitest';
import { charSetOf, overlaps } from '../../../src/core/regex/char-set.js';
import { parseJsRegex, type RegexNode } from '../../../src/core/regex/parse.js';

/** The set of a one-character pattern. */
function set(source: string) {
  const tree = parseJsRegex(source) as Extract<RegexNode, { kind: 'alt' }>;
  return charSetOf(tree.branches[0]![0] as Parameters<typeof charSetOf>[0]);
}

/** Every UTF-16 code unit JavaScript matches with the pattern and `i`. */
function matched(source: string): Uint8Array {
  const re = new RegExp(`^${source}$`, 'i');
  const out = new Uint8Array(0x10000);
  for (let c = 0; c <= 0xffff; c++) out[c] = re.test(String.fromCharCode(c)) ? 1 : 0;
  return out;
}

describe('the characters one position of a pattern can match, with i', () => {
  const exact = ['a', 'A', 'é', 'É', 'µ', 'μ', 'Μ', 'ſ', 's', 'k', '\\u212a', 'ß', '\\d', '\\w', '\\s', '\\S', '\\W', '.', '[^a]', '[^\\s]', '[a-z]', '[À-ÿ]', '\\n', '[\\u0400-\\u04ff]', 'ж', 'Ж'];
  const chars = new Map(exact.map((s) => [s, matched(s)]));
  const pairs = exact.flatMap((a, i) => exact.slice(i).map((b) => [a, b] as const));

  it.each(pairs)('/%s/ and /%s/ overlap exactly when JavaScript finds a character both match', (a, b) => {
    const both = chars.get(a)!.some((m, c) => m === 1 && chars.get(b)![c] === 1);
    expect(overlaps(set(a), set(b))).toBe(both);
  });

  it('a negated class keeps the non-ASCII case partners of what it lists: a set too large only makes the check more careful', () => {
    // JavaScript's [^À-ÿ] does not match Ÿ (ÿ's upper case); the check's set does.
    expect(matched('[^À-ÿ]')[0x178]).toBe(0);
    expect(overlaps(set('[^À-ÿ]'), set('Ÿ'))).toBe(true);
    expect(overlaps(set('[^a]'), set('A'))).toBe(false);
  });
});
