/**
 * User text made safe for GitHub-flavoured Markdown. Whatever people typed in a workshop
 * (pipes, backticks, `<script>`, line breaks, a leading `#`) must come out as the same
 * words on the page: never as HTML, a code span, a heading, or an extra table column.
 */

/** ASCII punctuation that opens inline syntax: emphasis, code, links, HTML, entities, tables. */
const INLINE = /[\\`*_[\]<>|~&!]/g;

/** Line starts that would turn a paragraph or list item into a heading, list, quote or rule. */
const BLOCK_START = /^(\s*)([#>+=-]|\d+[.)])/;

/** Anything md() would change; most workshop text has none of it and is returned as it is. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this removes
const NEEDS_WORK = /[\u0000-\u001f\u007f\u2028\u2029\\`*_[\]<>|~&!@]| {2}|^[\s#>+=-]|^\d+[.)]|\s$|:\/\/|www\./i;

/**
 * GFM turns bare URLs and e-mail addresses into links whose text keeps the backslashes of any
 * escapes inside them; an escaped `:`, `.` or `@` keeps them words, shown exactly as typed.
 */
function noAutolink(text: string): string {
  return text.replace(/:\/\//g, '\\://').replace(/(www)\./gi, '$1\\.').replace(/@/g, '\\@');
}

/** One line of user text as inline Markdown: line breaks become spaces, syntax is backslash-escaped. */
export function md(text: string): string {
  if (!NEEDS_WORK.test(text)) return text;
  const one = noAutolink(oneLine(text).replace(INLINE, '\\$&'));
  return one.replace(BLOCK_START, (_m, space: string, mark: string) => `${space}${escapeMark(mark)}`);
}

/** Text for a table cell: as `md`, and an empty value shows as a dash so the column stays readable. */
export function cell(text: string | null | undefined): string {
  if (text === null || text === undefined || text.trim() === '') return '—';
  return md(text);
}

/** Collapses every run of whitespace that holds a line break (or any control character) into one space. */
export function oneLine(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this removes
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').replace(/ {2,}/g, ' ').trim();
}

function escapeMark(mark: string): string {
  if (/^\d/.test(mark)) return mark.replace(/([.)])$/, '\\$1');
  return `\\${mark}`;
}

/** A label inside a Mermaid chart's quotes: no quote, backtick, angle bracket or line break survives. */
export function mermaidText(text: string): string {
  return oneLine(text)
    .replace(/#/g, '#35;')
    .replace(/"/g, '#quot;')
    .replace(/`/g, '#96;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;');
}

