/**
 * Block scalars for the fast YAML reader: literal (`|`) and folded (`>`), with or without a
 * chomping indicator (`-` strip, `+` keep), content indentation taken from the first non-empty
 * line, and an optional comment after the header. Read exactly as the `yaml` package reads them;
 * anything rarer bails: an indentation indicator (`|2`), a tab or a lone carriage return in the
 * scalar, a folded line indented further than the first one, a blank line of more spaces than
 * the content's indentation, a scalar with no content line. A document marker at column 0
 * ends the scalar, like any line left of its text, and the reader bails on it there.
 */
import { bail } from './scalars.js';

/** The rest of the line after the key or the dash: `|` or `>`, a chomping indicator, a comment. */
const HEADER = /^([|>])([-+]?)(?: +#[^\t]*)?$/;

/** `c`, the first character of the value after a key or a dash, opens a block scalar (`|` or `>`). */
export const isBlockScalarHeader = (c: number): boolean => c === 124 || c === 62;

/**
 * Reads the block scalar whose header is `header` and whose lines start at offset `from` of
 * `source`. Its content must be indented further than `parentIndent`, the column of the key or
 * the dash. Returns the text and the offset of the first line that is not part of it.
 */
export function readBlockScalar(source: string, from: number, header: string, parentIndent: number): { value: string; end: number } {
  const m = HEADER.exec(header);
  if (m === null) return bail();
  const folded = m[1] === '>';
  const chomping = m[2];
  let indent = -1; // the content's indentation, once the first non-empty line sets it
  let widestBlank = 0;
  let blanks = 0; // blank lines since the last content line (or the header)
  let value = '';
  let pos = from;
  while (pos < source.length) {
    const brk = source.indexOf('\n', pos);
    const next = brk < 0 ? source.length : brk + 1;
    let stop = brk < 0 ? source.length : brk;
    if (stop > pos && source.charCodeAt(stop - 1) === 13) stop--;
    let at = pos;
    while (at < stop && source.charCodeAt(at) === 32) at++;
    const spaces = at - pos;
    const blank = at === stop;
    // A non-empty line left of the content ends the scalar: it is the next key, item or a comment.
    if (!blank && spaces < (indent < 0 ? parentIndent + 1 : indent)) break;
    if (blank) {
      if (indent >= 0 && spaces > indent) bail(); // a line of spaces only, but content to `yaml`
      // Spaces after the last line break are no line to `yaml` (a last line of text without one reads as with one).
      if (brk < 0) break;
      widestBlank = Math.max(widestBlank, spaces);
      blanks++;
    } else {
      const text = source.slice(at, stop);
      if (text.includes('\t') || text.includes('\r')) bail();
      if (indent < 0) {
        if (widestBlank > spaces) bail(); // `yaml` refuses this without an indentation indicator
        indent = spaces;
        value = '\n'.repeat(blanks);
      } else {
        if (spaces > indent && folded) bail(); // more-indented lines fold by rules of their own
        value += folded && blanks === 0 ? ' ' : '\n'.repeat(folded ? blanks : blanks + 1);
      }
      value += spaces > indent ? source.slice(pos + indent, stop) : text;
      blanks = 0;
    }
    pos = next;
  }
  if (indent < 0) bail(); // no content: rare, and chomping then has cases of its own
  if (chomping === '') value += '\n';
  else if (chomping === '+') value += '\n'.repeat(blanks + 1);
  return { value, end: pos };
}
