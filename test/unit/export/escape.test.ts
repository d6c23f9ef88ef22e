import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { marked, type Token, type Tokens } from 'marked';
import { cell, code, md, mermaidText, oneLine } from '../../../src/core/export/escape.js';

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
    ['[link](http://x) ![img](y)', '\\[link\\](http\\://x) \\!\\[img\\](y)'],
    ['&lt; &amp;', '\\&lt; \\&amp;'],
    ['back\\slash', 'back\\\\slash'],
    ['  spaced   out  ', 'spaced out'],
    ['tab\there', 'tab here'],
    ['a - b # c', 'a - b # c'],
    ['see https://x.io/a_b or www.x.io', 'see https\\://x.io/a\\_b or www\\.x.io'],
    ['mail dana@acme.com', 'mail dana\\@acme.com'],
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

  it('C1 controls too (CSI, OSC, next line): nothing a terminal or a calendar would obey', () => {
    expect(oneLine('a\u009b2Jb\u009d0;x\u009cc\u0085d')).toBe('a 2Jb 0;x c d');
    expect(md('Acme\u009b2J')).toBe('Acme 2J');
  });

  it('drops bidirectional embeddings, overrides and isolates, so the line reads as it is held', () => {
    expect(oneLine('abc\u202egnp.exe\u202c \u2066x\u2069')).toBe('abcgnp.exe x');
    expect(md('\u202e# heading')).toBe('\\# heading');
  });
});

describe('code: user text as an inline code span', () => {
  it.each([
    ['HEAD~1', '`HEAD~1`'],
    ['a`b', '``a`b``'],
    ['`x`', '`` `x` ``'],
    ['a``b`', '``` a``b` ```'],
    ['two\nlines', '`two lines`'],
    ['', '—'],
  ])('%j → %j', (input, expected) => {
    expect(code(input)).toBe(expected);
  });

  it('reads back as one code span holding the text on one line, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('`', '``', 'a', ' ', '<', '>', '|', '\\', '\n', '*', '#') }), (text) => {
        fc.pre(oneLine(text) !== '');
        const [para] = marked.lexer(`- ${code(text)}\n`, { gfm: true }) as Tokens.List[];
        const spans = para!.items[0]!.tokens.flatMap((t) => ('tokens' in t && t.tokens ? t.tokens : [t]));
        expect(spans.map((t) => t.type), JSON.stringify(text)).toEqual(['codespan']);
        expect((spans[0] as Tokens.Codespan).text).toBe(oneLine(text));
      }),
      { numRuns: 1000, seed: 20261127 },
    );
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

describe('md against a real GFM parser (marked), on generated hostile text', () => {
  // A fixed seed: the same 2,000 strings every run, and any failure can be replayed.
  let seed = 20261127;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const ALPHABET = ['a', 'b', ' ', '  ', '\n', '\t', '|', '\\', '`', '``', '*', '_', '[', ']', '(', ')', '<', '>', '<script>', '</b>', '&', '&amp;', '#', '-', '+', '=', '1.', '2)', '!', '~', '"', "'", 'é', ':', 'http://x.y', 'www.x.y', 'a_b@x.co', '@', 'WWW.'];
  const hostile = () => Array.from({ length: 1 + Math.floor(rand() * 12) }, () => ALPHABET[Math.floor(rand() * ALPHABET.length)]).join('');

  const inline = (tokens: Token[]): string =>
    tokens.map((t) => {
      const any = t as Token & { tokens?: Token[]; text?: string };
      if (t.type === 'html') throw new Error(`raw HTML: ${t.raw}`);
      if (t.type === 'escape' || t.type === 'codespan') return any.text ?? '';
      return any.tokens ? inline(any.tokens) : (any.text ?? '');
    }).join('');

  it('keeps every string one table cell whose visible text is the input on one line, never HTML', () => {
    for (let i = 0; i < 2000; i++) {
      const text = hostile();
      const expected = oneLine(text);
      if (expected === '') continue;
      const [table] = marked.lexer(`| x | y |\n|---|---|\n| ${cell(text)} | z |\n`, { gfm: true }) as Tokens.Table[];
      expect(table?.type, JSON.stringify(text)).toBe('table');
      expect(table!.rows[0]!.map((c) => inline(c.tokens).trim()), JSON.stringify(text)).toEqual([expected, 'z']);
      const [para] = marked.lexer(`- ${md(text)}\n`, { gfm: true }) as Tokens.List[];
      expect(para?.type, JSON.stringify(text)).toBe('list');
      expect(para!.items).toHaveLength(1);
      expect(inline(para!.items[0]!.tokens).trim(), JSON.stringify(text)).toBe(expected);
    }
  });
});
