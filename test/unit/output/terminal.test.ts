import { Writable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { progressBar } from '../../../src/adapters/terminal/progress.js';
import { terminalSafe } from '../../../src/core/text/terminal.js';

/** What a terminal obeys rather than shows (tab and line feed aside): C0, DEL, C1, line separators, bidirectional controls. */
const OBEYED = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

// Any code point, the ones a terminal obeys often: every property below sees plenty of them.
const text = fc.string({
  unit: fc.oneof(fc.constantFrom('\x1b', '\x07', '\r', '\n', '\t', '\b', '\x00', '\x7f', '\u009b', '\u0085', '\u202e', '\u2066', '\u2028', '[', 'a', 'é', '💥', '\\'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })),
  maxLength: 40,
});

describe('terminalSafe: user text made safe to show on a terminal', () => {
  it.each([
    ['plain words', 'plain words'],
    ['\x1b]0;PWNED\x07', '\\x1b]0;PWNED\\x07'],
    ['\x1b[2J\x1b[H', '\\x1b[2J\\x1b[H'],
    ['over\rwrite', 'over\\rwrite'],
    ['back\bspace', 'back\\x08space'],
    ['nul\x00 del\x7f', 'nul\\x00 del\\x7f'],
    ['\u009b2J \u009d0;x\u009c \u0085', '\\x9b2J \\x9d0;x\\x9c \\x85'],
    ['\u202eevil\u202c \u2066iso\u2069', '\\u202eevil\\u202c \\u2066iso\\u2069'],
    ['one\u2028two\u2029', 'one\\u2028two\\u2029'],
    ['a\tb\nc', 'a\\tb\\nc'],
    ['Équipe Nord 営業 💥 \u200f', 'Équipe Nord 営業 💥 \u200f'],
  ])('%j, on one line → %j', (input, expected) => {
    expect(terminalSafe(input)).toBe(expected);
  });

  it('keeps tabs and line feeds where the text may take several lines, and nothing else', () => {
    expect(terminalSafe('a\tb\nc\r\n\x1b[2J', 'lines')).toBe('a\tb\nc\\r\n\\x1b[2J');
  });

  it('leaves no character a terminal obeys, on one line or on several', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(terminalSafe(s)).not.toMatch(OBEYED);
        expect(terminalSafe(s)).not.toMatch(/[\t\n]/);
        expect(terminalSafe(s, 'lines')).not.toMatch(OBEYED);
      }),
      { numRuns: 2000, seed: 20261127 },
    );
  });

  it('changes nothing else: text piece by piece is the text whole, each piece a character or its escape', () => {
    fc.assert(
      fc.property(text, (s) => {
        const chars = [...s];
        expect(chars.map((c) => terminalSafe(c)).join('')).toBe(terminalSafe(s));
        for (const c of chars) {
          if (OBEYED.test(c) || c === '\t' || c === '\n') expect(terminalSafe(c)).toMatch(/^\\(x[0-9a-f]{2}|u[0-9a-f]{4}|[tnr])$/);
          else expect(terminalSafe(c)).toBe(c);
        }
      }),
      { numRuns: 2000, seed: 20261127 },
    );
  });
});

describe('the progress bar of a scoring run', () => {
  it('names the file as typed, made safe: a file name may hold escape sequences too', () => {
    let shown = '';
    const terminal = new Writable({
      write(chunk, _enc, done) {
        shown += String(chunk);
        done();
      },
    });
    const stderr = Object.assign(terminal, { isTTY: true, columns: 80 });
    const bar = progressBar(stderr, 'scoring \x1b]0;PWNED\x07.csv');
    bar.update(50, 100, 10);
    expect(shown).toContain('scoring \\x1b]0;PWNED\\x07.csv [');
    expect(shown).not.toContain('\x1b]0;');
  });
});
