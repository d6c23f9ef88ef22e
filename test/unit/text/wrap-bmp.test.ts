// wrapLines counts a word's characters by its length when it has none outside the BMP, and
// by code points when it has: the same lines as counting code points for every word.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wrapLines } from '../../../src/core/text/wrap.js';

/** The rule, written plainly: every word counted by code points. */
function reference(text: string, width: number): string[] {
  const w = Math.max(1, Math.floor(width));
  return text.split('\n').flatMap((row) => {
    const lines: string[] = [];
    let line = '';
    let used = 0;
    for (const word of row.split(' ')) {
      const chars = [...word];
      if (chars.length > w) {
        if (used) lines.push(line);
        let k = 0;
        for (; chars.length - k > w; k += w) lines.push(chars.slice(k, k + w).join(''));
        line = chars.slice(k).join('');
        used = chars.length - k;
      } else if (!used && !line) {
        line = word;
        used = chars.length;
      } else if (used + 1 + chars.length <= w) {
        line += ` ${word}`;
        used += 1 + chars.length;
      } else {
        lines.push(line);
        line = word;
        used = chars.length;
      }
    }
    lines.push(line);
    return lines;
  });
}

describe('wrapLines', () => {
  it('wraps as counting code points, with and without characters outside the BMP', () => {
    const piece = fc.constantFrom('a', 'bc', ' ', ' ', '\n', '😀', 'é', 'long-word-without-spaces', '𝒳𝒴');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }).map((p) => p.join('')), fc.integer({ min: 1, max: 30 }), (text, width) => {
        expect(wrapLines(text, width)).toEqual(reference(text, width));
      }),
      { numRuns: 500 },
    );
  });
});
