import { describe, expect, test } from 'vitest';
import { quoteIdent, quoteString, quoteTableName, splitQualifiedName } from '../../../src/core/sql/quote.js';
import { UserError } from '../../../src/core/errors.js';

describe('identifiers', () => {
  test.each([
    ['postgres', 'Job Title', '"Job Title"'],
    ['postgres', 'coun"try', '"coun""try"'],
    ['duckdb', 'select', '"select"'],
    ['snowflake', 'Mixed Case', '"Mixed Case"'],
    ['bigquery', 'a`b', '`a\\`b`'],
    ['bigquery', 'back\\slash', '`back\\\\slash`'],
  ] as const)('%s %j → %s', (dialect, name, want) => {
    expect(quoteIdent(dialect, name)).toBe(want);
  });
  test('an empty name or a NUL is refused', () => {
    expect(() => quoteIdent('postgres', '')).toThrow(UserError);
    expect(() => quoteIdent('duckdb', 'a\0b')).toThrow(UserError);
  });
  test('a name holding a control character is refused where "..." cannot escape it, BigQuery escapes it; a line break or a tab is part of the name', () => {
    for (const name of ['a\x1b]0;PWNED\x07', 'back\bspace', 'a\u009b2J', 'del\x7f', 'rtl\u202e']) {
      for (const dialect of ['postgres', 'duckdb', 'snowflake'] as const) expect(() => quoteIdent(dialect, name), `${dialect} ${JSON.stringify(name)}`).toThrow(/holds a control character/);
      expect(quoteIdent('bigquery', name)).not.toMatch(/[\x00-\x1f\x7f-\x9f\u202e]/);
    }
    // A spreadsheet header typed on two lines.
    expect(quoteIdent('postgres', 'Job\r\nTitle\t')).toBe('"Job\r\nTitle\t"');
  });
});

describe('string literals', () => {
  test.each([
    ['postgres', "O'Brien", "'O''Brien'"],
    ['postgres', 'a\\b', "E'a\\\\b'"],
    ['postgres', "it's\n", "E'it\\'s\\n'"],
    ['duckdb', 'a\\b', "'a\\b'"],
    ['duckdb', "x'\u2028y", "('x''' || chr(8232) || 'y')"],
    ['duckdb', '', "''"],
    ['snowflake', "a\\b'c", "'a\\\\b\\'c'"],
    ['bigquery', 'line\nbreak', "'line\\nbreak'"],
    ['bigquery', '\u00a0', "'\\u00a0'"],
    ['snowflake', 'x; DROP TABLE leads; --', "'x; DROP TABLE leads; --'"],
  ] as const)('%s %j → %s', (dialect, text, want) => {
    expect(quoteString(dialect, text)).toBe(want);
  });
});

describe('table names', () => {
  test.each([
    ['leads', ['leads']],
    ['crm.leads', ['crm', 'leads']],
    ['"My Schema"."Le.ads"', ['My Schema', 'Le.ads']],
    ['"a""b".c', ['a"b', 'c']],
    ['my-project.crm.leads', ['my-project', 'crm', 'leads']],
    ['`my-project`.crm.`leads`', ['my-project', 'crm', 'leads']],
  ])('%s', (name, parts) => {
    expect(splitQualifiedName(name)).toEqual(parts);
  });
  test('each part is quoted by the dialect', () => {
    expect(quoteTableName('postgres', 'crm.leads')).toBe('"crm"."leads"');
    expect(quoteTableName('bigquery', 'my-project.crm.leads')).toBe('`my-project`.`crm`.`leads`');
  });
  test.each(['', 'a..b', '"open', '"a"b', 'a.b.c.d'])('%j is refused', (name) => {
    expect(() => splitQualifiedName(name)).toThrow(UserError);
  });
});
