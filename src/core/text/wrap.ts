/**
 * The one rule for fitting text to a terminal's width: words are kept whole and moved to the
 * next line; a word longer than a line (a URL, a regular expression) is cut, never dropped;
 * line breaks already in the text are kept. Widths count characters, as the rest of align's
 * terminal output does. Text is made safe (terminalSafe) before it is wrapped, and coloured after.
 */
export function wrapLines(text: string, width: number): string[] {
  const w = Math.max(1, Math.floor(width));
  return text.split('\n').flatMap((line) => wrapLine(line, w));
}

/**
 * Wrapped text as one string, each line led by `first` (the first line) or `rest` (the others,
 * by default as many spaces): `wrapText(prompt, 60, '  - ')` hangs a bullet's lines under its text.
 */
export function wrapText(text: string, width: number, first = '', rest = ' '.repeat(first.length)): string {
  // Most lines fit: one that has no line break, no leading space and no more UTF-16 units than
  // columns (so no more characters either) wraps to itself.
  if (text.length <= width - Math.max(first.length, rest.length) && text.charCodeAt(0) !== 32 && !text.includes('\n')) return first + text;
  return wrapLines(text, width - Math.max(first.length, rest.length)).map((l, i) => (i === 0 ? first : rest) + l).join('\n');
}

/** Columns a line takes: one per character (code point). */
export function textColumns(text: string): number {
  return [...text].length;
}

const SURROGATE = /[\uD800-\uDFFF]/;
const slice = (chars: string | string[], from: number, to: number): string => (typeof chars === 'string' ? chars.slice(from, to) : chars.slice(from, to).join(''));

/** Greedy, in one pass: each word's characters are counted once, and a long word is cut in slices. */
function wrapLine(text: string, width: number): string[] {
  // No width (not a terminal): nothing moves; as below, only the spaces before the first word go.
  if (width === Number.POSITIVE_INFINITY) {
    let a = 0;
    while (text.charCodeAt(a) === 32) a++;
    return [a === 0 ? text : text.slice(a)];
  }
  const lines: string[] = [];
  let line = '';
  let used = 0; // columns of `line`
  // most lines have no character outside the BMP: then each word's length is its count of characters
  const wide = SURROGATE.test(text);
  for (const word of text.split(' ')) {
    const chars = wide && SURROGATE.test(word) ? [...word] : word;
    if (chars.length > width) {
      if (used) lines.push(line);
      let k = 0;
      for (; chars.length - k > width; k += width) lines.push(slice(chars, k, k + width));
      line = slice(chars, k, chars.length);
      used = chars.length - k;
    } else if (!used && !line) {
      line = word;
      used = chars.length;
    } else if (used + 1 + chars.length <= width) {
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
}
