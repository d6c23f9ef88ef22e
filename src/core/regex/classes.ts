/**
 * What JavaScript's class escapes and `.` match (without the `u` flag, as `matches` compiles
 * them), as code-unit ranges: the one definition the SQL translation and the safety check read.
 */
export type Ranges = [number, number][];

export const WORD: Ranges = [[0x30, 0x39], [0x41, 0x5a], [0x61, 0x7a], [0x5f, 0x5f]];
const DIGIT: Ranges = [[0x30, 0x39]];
/** JavaScript's \s: ECMAScript WhiteSpace and LineTerminator. */
const JS_SPACE: Ranges = [
  [0x09, 0x0d], [0x20, 0x20], [0xa0, 0xa0], [0x1680, 0x1680], [0x2000, 0x200a],
  [0x2028, 0x2029], [0x202f, 0x202f], [0x205f, 0x205f], [0x3000, 0x3000], [0xfeff, 0xfeff],
];
/** What `.` does not match. */
export const LINE_END: Ranges = [[0x0a, 0x0a], [0x0d, 0x0d], [0x2028, 0x2029]];
export const PERL_SETS: Record<'d' | 'w' | 's', Ranges> = { d: DIGIT, w: WORD, s: JS_SPACE };
