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
  ])('agrees with the full parser: %s', (_name, text) => {
    expect(agrees(text)).toBe('same');
  });

  it.each([
    ['anchors', 'a: &x 1\nb: *x\n'],
    ['block scalars', 'a: |\n  text\n'],
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
  ])('leaves %s to the full parser', (_name, text) => {
    expect(fastParse(text)).toBe(BAIL);
  });
});
