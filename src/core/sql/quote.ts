import { UserError } from '../errors.js';

export const DIALECTS = ['postgres', 'duckdb', 'snowflake', 'bigquery'] as const;
export type DialectName = (typeof DIALECTS)[number];

/**
 * A quoted identifier. Every name is quoted, never bare, so that reserved words, spaces,
 * mixed case and quote characters all stay one identifier. BigQuery quotes with backticks
 * and reads backslash escapes inside them; the others double the quote character, and have
 * no escape for a control character: a name holding one is refused rather than written raw
 * into SQL that is printed on a terminal or opened in an editor.
 */
export function quoteIdent(dialect: DialectName, name: string): string {
  if (name.length === 0) throw new UserError('an empty name cannot be a SQL identifier', 'give a column or table name');
  if (name.includes('\0')) throw new UserError(`the name ${JSON.stringify(name)} holds a NUL character, which no SQL engine accepts`);
  if (dialect === 'bigquery') return `\`${escapeBackslashed(name, '`')}\``;
  if (UNQUOTABLE.test(name)) throw new UserError(`the name ${JSON.stringify(name)} holds a control character, which ${dialect} SQL cannot write in a quoted name`, 'rename the column in the data and in the rubric, or use --dialect bigquery');
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * What a terminal would obey in a "..." identifier: controls (C0, DEL, C1) and bidirectional
 * controls. A line break or a tab is text there (a spreadsheet header typed on two lines).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses
const UNQUOTABLE = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

/**
 * Characters written as escapes rather than raw, so that the SQL stays plain printable text:
 * controls, and the invisible spaces and separators (a raw U+2028 or BOM in a .sql file is
 * easily lost or mangled by editors and terminals).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses
const INVISIBLE = /[\x00-\x1f\x7f-\x9f\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff]/;

/**
 * A quoted string literal. Postgres: E'...' whenever a backslash or invisible character is in
 * the text, so the meaning does not depend on standard_conforming_strings. DuckDB has no
 * escapes in '...': quotes are doubled, backslashes are plain characters, and invisible
 * characters are joined in with chr(). Snowflake and BigQuery read backslash escapes inside
 * '...', so backslashes are doubled and the rest escaped (BigQuery does not even allow a raw
 * newline in a quoted string).
 */
export function quoteString(dialect: DialectName, text: string): string {
  if (text.includes('\0')) throw new UserError(`the value ${JSON.stringify(text)} holds a NUL character, which SQL text cannot hold`);
  switch (dialect) {
    case 'duckdb':
      return duckString(text);
    case 'postgres':
      if (!/\\/.test(text) && !INVISIBLE.test(text)) return `'${text.replaceAll("'", "''")}'`;
      return `E'${escapeBackslashed(text, "'")}'`;
    case 'snowflake':
    case 'bigquery':
      return `'${escapeBackslashed(text, "'")}'`;
  }
}

function duckString(text: string): string {
  const parts: string[] = [];
  let run = '';
  for (const ch of text) {
    if (!INVISIBLE.test(ch)) {
      run += ch;
      continue;
    }
    if (run) parts.push(`'${run.replaceAll("'", "''")}'`);
    run = '';
    parts.push(`chr(${ch.codePointAt(0)})`);
  }
  if (run || !parts.length) parts.push(`'${run.replaceAll("'", "''")}'`);
  return parts.length === 1 ? parts[0]! : `(${parts.join(' || ')})`;
}

const NAMED_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };

/** Backslash, the quote character and invisible characters escaped the C way (\\, \', \n, \u2028). */
function escapeBackslashed(text: string, quote: string): string {
  let out = '';
  for (const ch of text) {
    if (ch === '\\') out += '\\\\';
    else if (ch === quote) out += `\\${quote}`;
    else if (NAMED_ESCAPES[ch]) out += NAMED_ESCAPES[ch];
    else if (INVISIBLE.test(ch)) out += `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return out;
}

/**
 * A table name as given on the command line: `leads`, `crm.leads`, `"My Schema"."Leads"`
 * (or backticks for BigQuery). Dots separate parts outside quotes; each part is re-quoted.
 */
export function quoteTableName(dialect: DialectName, name: string): string {
  return splitQualifiedName(name).map((part) => quoteIdent(dialect, part)).join('.');
}

export function splitQualifiedName(name: string): string[] {
  const parts: string[] = [];
  let i = 0;
  const fail = (why: string) => new UserError(`cannot read the table name ${JSON.stringify(name)}: ${why}`, 'write it as table, schema.table or "Quoted Schema"."Quoted Table"');
  while (i <= name.length) {
    const q = name[i];
    let part = '';
    if (q === '"' || q === '`') {
      i++;
      for (;;) {
        if (i >= name.length) throw fail('a quote is not closed');
        if (name[i] === q) {
          if (name[i + 1] === q) {
            part += q;
            i += 2;
            continue;
          }
          i++;
          break;
        }
        part += name[i++];
      }
    } else {
      while (i < name.length && name[i] !== '.') part += name[i++];
      part = part.trim();
    }
    if (!part) throw fail('a part of it is empty');
    parts.push(part);
    if (i >= name.length) break;
    if (name[i] !== '.') throw fail(`unexpected ${JSON.stringify(name[i])} after a quoted part`);
    i++;
  }
  if (parts.length > 3) throw fail('at most three parts (database.schema.table)');
  return parts;
}

/** A number literal that every engine reads as exactly this double. */
export function numberLiteral(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`not a finite number: ${n}`);
  return Object.is(n, -0) ? '0' : String(n);
}
