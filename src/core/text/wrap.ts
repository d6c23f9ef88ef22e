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
  return wrapLines(text, width - Math.max(first.length, rest.length)).map((l, i) => (i === 0 ? first : rest) + l).join('\n');
}

/** Columns a line takes: one per character (code point). */
export function textColumns(text: string): number {
  return [...text].length;
}

function wrapLine(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (let word of text.split(' ')) {
    while (textColumns(word) > width) {
      if (line) lines.push(line);
      line = '';
      const chars = [...word];
      lines.push(chars.slice(0, width).join(''));
      word = chars.slice(width).join('');
    }
    if (!line) line = word;
    else if (textColumns(line) + 1 + textColumns(word) <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  lines.push(line);
  return lines;
}
