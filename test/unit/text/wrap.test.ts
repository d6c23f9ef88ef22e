import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textTable } from '../../../src/core/text/table.js';
import { wrapLines, wrapText } from '../../../src/core/text/wrap.js';

describe('the wrap rule', () => {
  it.each([
    ['fits as it is', 20, ['fits as it is']],
    ['words move whole to the next line', 12, ['words move', 'whole to the', 'next line']],
    ['a \\b(vp|director|head)\\b word longer than a line', 10, ['a', '\\b(vp|dire', 'ctor|head)', '\\b word', 'longer', 'than a', 'line']],
    ['kept\nline breaks', 40, ['kept', 'line breaks']],
  ])('%j at %i columns', (text, width, lines) => {
    expect(wrapLines(text, width)).toEqual(lines);
  });

  it('with no width (not a terminal), text comes out as a width wider than every line gives it', () => {
    const text = fc.array(fc.constantFrom(' ', '  ', 'a', 'word', '\n', '😀', ' \n '), { maxLength: 12 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(wrapLines(t, Number.POSITIVE_INFINITY)).toEqual(wrapLines(t, t.length + 2));
        expect(wrapText(t, Number.POSITIVE_INFINITY, '    ', '      ')).toBe(wrapText(t, t.length + 8, '    ', '      '));
      }),
      { numRuns: 500 },
    );
  });

  it('hangs a bullet: the lines after the first line up under its text', () => {
    expect(wrapText('Which company size does Sales close fastest?', 24, '  • ')).toBe('  • Which company size\n    does Sales close\n    fastest?');
  });
});

describe('a table fitted to a width', () => {
  const rows = [['2026-11-20', 'Export won and lost deals to the shared folder', 'Lee Park']];

  it('keeps natural widths when they fit, with no rules between one-line rows', () => {
    expect(textTable(['Due', 'Action', 'Owner'], rows, { width: 100 }).split('\n')).toEqual([
      '┌────────────┬────────────────────────────────────────────────┬──────────┐',
      '│ Due        │ Action                                         │ Owner    │',
      '│ 2026-11-20 │ Export won and lost deals to the shared folder │ Lee Park │',
      '└────────────┴────────────────────────────────────────────────┴──────────┘',
    ]);
  });

  it('wraps the widest column first, keeps short ones whole, and rules rows of several lines', () => {
    const lines = textTable(['Due', 'Action', 'Owner'], rows, { width: 50 }).split('\n');
    expect(lines).toEqual([
      '┌────────────┬────────────────────────┬──────────┐',
      '│ Due        │ Action                 │ Owner    │',
      '├────────────┼────────────────────────┼──────────┤',
      '│ 2026-11-20 │ Export won and lost    │ Lee Park │',
      '│            │ deals to the shared    │          │',
      '│            │ folder                 │          │',
      '└────────────┴────────────────────────┴──────────┘',
    ]);
  });

  it('colours a cell line by line, after wrapping', () => {
    const red = (s: string) => `<${s}>`;
    const out = textTable(['State'], [[{ text: 'two of three golden leads fail', paint: red }]], { width: 20 });
    expect(out).toContain('│ <two of three>   │');
    expect(out).toContain('│ <golden leads>   │');
  });
});
