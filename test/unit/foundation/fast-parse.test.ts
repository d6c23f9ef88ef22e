import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BAIL, fastParse } from '../../../src/core/yaml/fast-parse.js';

// Generated documents and the repository's files are checked through the whole pipeline in yaml-pipeline.test.ts.

/** The full parser's reading, or a marker when it rejects the text. */
function reference(text: string): unknown {
  try {
    return parse(text, { schema: 'core', uniqueKeys: true, strict: true, prettyErrors: false });
  } catch {
    return 'REJECTED';
  }
}

function agrees(text: string): 'bail' | 'same' {
  const fast = fastParse(text);
  if (fast === BAIL) return 'bail';
  expect(fast, text).toEqual(reference(text));
  return 'same';
}

describe('fast YAML subset parser', () => {
  it.each([
    ['block mapping with nested flow', 'a: 1\nb: { c: two words, d: [x, "y z", 3.5] }\n'],
    ['scalars by the core schema', 'a: 007\nb: -12\nc: 1e3\nd: .5\ne: true\nf: False\ng: ~\nh: null\ni: 2026-11-27\nj: yes\nk: 0.1.2\nl: +3\n'],
    ['sequence of mappings, compact', 'goals:\n- id: a\n  title: A\n- id: b\n  title: B\n'],
    ['sequence of mappings, indented', 'goals:\n  - id: a\n    owners: [sales]\n    progress:\n      - { date: 2026-12-04, value: 1350000, note: two deals }\n'],
    ['comments everywhere', '# head\na: 1 # one\n# mid\nb:   # nested\n  c: "x # not a comment"\n  d: C#\n'],
    ['quotes and escapes', 'a: "\\\\b(vp|head)\\\\b"\nb: \'it\'\'s\'\nc: "tab\\tnew\\nline \\u00e9"\n"quoted key": 1\n'],
    ['empty values', 'a:\nb: []\nc: {}\nd: { x: , y: 1 }\n'],
    ['nested sequences under dash', 'a:\n  -\n    - 1\n    - 2\n'],
    ['CRLF line ends', 'a: 1\r\nb:\r\n  - x\r\n'],
    ['times and colons inside flow', 'a: { start: 10:00, url: http://x.y/z }\n'],
    ['hex and octal numbers', 'a: 0x1F\nb: 0o17\nc: [0xff, 0o8, 0xg]\n'],
    ['infinities and NaN', 'a: .inf\nb: -.Inf\nc: .NaN\nd: -.nan\n'],
    ['keys resolved then made text', '1.0: a\n~: b\n0x10: c\ntrue: d\nm: { 007: e, .5: f }\n'],
    ['no-break spaces are content, not padding', 'a: x\u00a0\nb: \u00a0y\n"c": [\u00a0z]\n'],
    // The reader reads each line in place, up to its end: what follows on the next line is not the line's.
    ['text that runs to the end of its line, trailing spaces and CRLF', 'a: x y  \r\nb: [p q  , r]  \r\nc: { k: v w  }   \r\nd: "q"  \r\n'],
    ['colons and hashes inside plain text', 'a: x:y#z\nb: [x:y, a#b, "c"]\n"k:#": v\nc: 12:30 # time\nd: { t: 10:00 }\n'],
    ['quoted text closing its line, then more lines', 'a: "x"\nb: \'y\'\nc: ["p", \'q\']\ne: "\\u00e9 \\"z\\""\n'],
    ['lines of one character', 'a:\n  - b\n  - 1\nc: d\n'],
  ])('agrees with the full parser: %s', (_name, text) => {
    expect(agrees(text)).toBe('same');
  });

  it.each([
    ['anchors', 'a: &x 1\nb: *x\n'],
    ['block scalars with an indentation indicator', 'a: |2\n  text\n'],
    ['multi-line plain scalars', 'a: one\n  two\n'],
    ['multi-line flow', 'a: [1,\n  2]\n'],
    ['duplicate keys', 'a: 1\na: 2\n'],
    ['tags', 'a: !!str 1\n'],
    ['a plain value with ": " inside', 'a: b: c\n'],
    ['a sequence on the key\'s line', 'a: - x\n'],
    ['a dash alone on the key\'s line', 'a: -\n'],
    ['a comment glued to a quoted value', 'a: "b"#c\n'],
    ['a comment glued to a flow collection', 'a: [b]#c\n'],
    ['a plain value starting with a flow indicator', 'a: ,x\n'],
    ['keys that meet as text', '1: a\n1.0: b\n'],
    ['a tab in a key', 'a\tb: 1\n'],
    ['documents', '---\na: 1\n'],
    ['a bare scalar document', 'just text\n'],
    ['tabs', 'a:\n\t- 1\n'],
    ['a tab inside a plain value', 'a: x\ty\n'],
    ['a tab inside a flow scalar', 'a: [x\ty]\n'],
    ['a double quote closed on the next line', 'a: "x\nb: y"\n'],
    ['a single quote closed on the next line', "a: 'x\nb: y'\n"],
    ['a quoted key closed on the next line', '"a\nb": 1\n'],
    ['an escape at the end of the line', 'a: "x\\\n  y"\n'],
    ['a \\u escape cut by the end of the line', 'a: "\\u00\n  e9"\n'],
    ['a flow collection closed on the next line', 'a: { b: 1\n  }\n'],
  ])('leaves %s to the full parser', (_name, text) => {
    expect(fastParse(text)).toBe(BAIL);
  });
});

describe('block scalars', () => {
  // [case, text, what both readers give]
  it.each<[string, string, unknown]>([
    ['literal, clip', 'a: |\n  one\n  two\n', { a: 'one\ntwo\n' }],
    ['literal, strip', 'a: |-\n  one\n  two\n', { a: 'one\ntwo' }],
    ['literal, keep, blank lines before the next key', 'a: |+\n  one\n\n\nb: 1\n', { a: 'one\n\n\n', b: 1 }],
    ['literal, clip, blank lines at the end of the file', 'a: |\n  one\n\n\n', { a: 'one\n' }],
    ['literal, strip, blank lines before the next key', 'a: |-\n  one\n\n\nb: 1\n', { a: 'one', b: 1 }],
    ['folded, clip', 'a: >\n  one\n  two\n\n  three\n', { a: 'one two\nthree\n' }],
    ['folded, strip, two blank lines keep two breaks', 'a: >-\n  one\n\n\n  two\n', { a: 'one\n\ntwo' }],
    ['folded, keep, blank lines at the end of the file', 'a: >+\n  one\n  two\n\n', { a: 'one two\n\n' }],
    ['leading blank lines', 'a: >\n\n  one\nb: |\n\n\n  two\n', { a: '\none\n', b: '\n\ntwo\n' }],
    ['blank lines of spaces, up to the indentation', 'a: |\n  one\n  \n \n  two\n', { a: 'one\n\n\ntwo\n' }],
    ['literal lines indented further keep their spaces', 'a: |\n  one\n    two\n  three\n', { a: 'one\n  two\nthree\n' }],
    ['trailing spaces are text', 'a: >\n  one  \n  two \n', { a: 'one   two \n' }],
    ['comments after the header', 'a: >- # note: x\n  one\nb: |  #\n  two\n', { a: 'one', b: 'two\n' }],
    ['text that looks like YAML', 'a: |\n  key: value\n  - item\n  # not a comment\n  [x, "y\n  &a *b !t\n', { a: 'key: value\n- item\n# not a comment\n[x, "y\n&a *b !t\n' }],
    ['document markers and a directive, indented', 'a: |\n  ---\n  ...\n  %YAML 1.1\n', { a: '---\n...\n%YAML 1.1\n' }],
    ['unicode', 'a: >\n  ünïcode 🎯\n  x\u2028y\u00a0\n', { a: 'ünïcode 🎯 x\u2028y\u00a0\n' }],
    ['CRLF line ends', 'a: >\r\n  one\r\n  two\r\n\r\nb: 1\r\n', { a: 'one two\n', b: 1 }],
    ['a less indented comment ends it', 'a: |\n    one\n  # comment\nb: 1\n', { a: 'one\n', b: 1 }],
    ['a comment at the indentation is text', 'a: |+\n  one\n\n  # two\n\nb: 1\n', { a: 'one\n\n# two\n\n', b: 1 }],
    ['a keep scalar stops at a comment line', 'a: |+\n  one\n\n# comment\n\nb: 1\n', { a: 'one\n\n', b: 1 }],
    ['sequence items', '- |\n  one\n- >-\n  two\n  three\n- four\n', ['one\n', 'two three', 'four']],
    ['a sequence item one column in', '- |\n one\n', ['one\n']],
    ['in a mapping in a sequence', 'list:\n  - id: a\n    note: >\n      one\n      two\n    done: true\n', { list: [{ id: 'a', note: 'one two\n', done: true }] }],
    ['no line break at the end of the file', 'a: >\n  one\n  two', { a: 'one two\n' }],
    ['spaces after the last line break', 'a: |+\n  one\n\n  ', { a: 'one\n\n' }],
    ['nested, then back out', 'a:\n  b: |\n    one\n\n  c: >\n    two\nd: 1\n', { a: { b: 'one\n', c: 'two\n' }, d: 1 }],
  ])('%s', (_name, text, want) => {
    expect(fastParse(text)).toStrictEqual(want);
    if (want !== BAIL) expect(reference(text)).toStrictEqual(want);
  });

  // [case, text]: the fast reader leaves them to `yaml`, which may read them or refuse them.
  it.each([
    ['an indentation indicator', 'a: |2\n   one\n'],
    ['an indentation indicator after chomping', 'a: >-1\n  one\n'],
    ['a tab in the text', 'a: |\n  one\ttwo\n'],
    ['a tab indent in the text', 'a: |\n  \tone\n'],
    ['a tab before the header comment', 'a: |\t# c\n  one\n'],
    ['a folded line indented further', 'a: >\n  one\n    two\n  three\n'],
    ['a folded scalar whose first line is indented further', 'a: >\n    one\n  two\n'],
    ['a literal scalar whose first line is indented further', 'a: |\n    one\n  two\n'],
    ['a leading blank line wider than the text', 'a: |\n    \n  one\n'],
    ['a blank line wider than the text', 'a: |\n  one\n     \n  two\n'],
    ['no text', 'a: |\nb: 1\n'],
    ['no text at the end of the file', 'a: >+\n'],
    ['a document marker before a key', 'a: 1\n--- b: 2\n'],
    ['a document end marker as a key', 'a: 1\n...: 2\n'],
    ['a document marker', 'a: |\n  one\n---\nb: 1\n'],
    ['a document end marker', 'a: |\n  one\n...\n'],
    ['a lone carriage return', 'a: |\n  one\rtwo\n'],
    ['a comment glued to the header', 'a: |#c\n  one\n'],
    ['text on the header line', 'a: | one\n  two\n'],
    ['two chomping indicators', 'a: |-+\n  one\n'],
    ['text not right of the key in "- key: |"', '- a: |\n  one\n'],
  ])('leaves %s to the full parser', (_name, text) => {
    expect(fastParse(text)).toBe(BAIL);
  });
});
