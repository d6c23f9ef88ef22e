import { describe, expect, it } from 'vitest';
import { cell, md, mermaidText, oneLine } from '../../../src/core/export/escape.js';

describe('md: user text as inline Markdown', () => {
  it.each([
    ['plain words', 'plain words'],
    ['a | b', 'a \\| b'],
    ['use `rm -rf`', 'use \\`rm -rf\\`'],
    ['<script>alert(1)</script>', '\\<script\\>alert(1)\\</script\\>'],
    ['line one\nline two', 'line one line two'],
    ['a\r\n\r\nb', 'a b'],
    ['# not a heading', '\\# not a heading'],
    ['- not a list', '\\- not a list'],
    ['+ not a list', '\\+ not a list'],
    ['> not a quote', '\\> not a quote'],
    ['1. not a list', '1\\. not a list'],
    ['2026) not a list', '2026\\) not a list'],
    ['*em* _em_ ~~del~~', '\\*em\\* \\_em\\_ \\~\\~del\\~\\~'],
    ['[link](http://x) ![img](y)', '\\[link\\](http://x) \\!\\[img\\](y)'],
    ['&lt; &amp;', '\\&lt; \\&amp;'],
    ['back\\slash', 'back\\\\slash'],
    ['  spaced   out  ', 'spaced out'],
    ['tab\there', 'tab here'],
    ['a - b # c', 'a - b # c'],
  ])('%j → %j', (input, expected) => {
    expect(md(input)).toBe(expected);
  });
});

describe('cell', () => {
  it('shows a dash for nothing, so the column is readable', () => {
    expect(cell(null)).toBe('—');
    expect(cell(undefined)).toBe('—');
    expect(cell('  ')).toBe('—');
    expect(cell('x|y')).toBe('x\\|y');
  });
});

describe('oneLine', () => {
  it('turns every control character and line separator into one space', () => {
    expect(oneLine('a\u2028b\u0000c\u007fd')).toBe('a b c d');
  });
});

describe('mermaidText', () => {
  it.each([
    ['Sales-ready', 'Sales-ready'],
    ['say "hi"', 'say #quot;hi#quot;'],
    ['```\nend', '#96;#96;#96; end'],
    ['<b>#1</b>', '#lt;b#gt;#35;1#lt;/b#gt;'],
  ])('%j → %j', (input, expected) => {
    expect(mermaidText(input)).toBe(expected);
  });
});
