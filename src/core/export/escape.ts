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
const NEEDS_WORK = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\\`*_[\]<>|~&!@]| {2}|^[\s#>+=-]|^\d+[.)]|\s$|:\/\/|www\./i;

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

/**
 * User text on one line, with nothing a reader does not see: every run of line breaks and
 * control characters (C0, DEL, C1) becomes one space; bidirectional embeddings, overrides and
 * isolates, which make a line read differently from what it holds, are dropped. For Markdown,
 * plain text and calendar invites alike (RFC 5545 text allows no control character but tab).
 */
export function oneLine(text: string): string {
  return (
    text
      .replace(/[\u202a-\u202e\u2066-\u2069]/g, '')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this removes
      .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
      .replace(/ {2,}/g, ' ')
      .trim()
  );
}

/**
 * User text as an inline code span, for ids and revisions: the fence is one backtick longer
 * than the longest run of backticks inside, with a space inside it when the text starts or
 * ends with one, as CommonMark reads it. Not for table cells, where GFM splits at a pipe even
 * inside code.
 */
export function code(text: string): string {
  const one = oneLine(text);
  if (!one) return '—';
  const fence = '`'.repeat(Math.max(0, ...(one.match(/`+/g) ?? []).map((run) => run.length)) + 1);
  const pad = one.startsWith('`') || one.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${one}${pad}${fence}`;
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

