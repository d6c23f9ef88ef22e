import { describe, expect, it } from 'vitest';
import type { Context } from '../../../src/adapters/context.js';
import { asOfFlag, choiceFlag, countFlag, dateFlag, delimiterFlag, formatFlag, maxLineBytesFlag, nameFlag, repeatableFlag, setting } from '../../../src/cli/flags.js';
import { UserError } from '../../../src/core/errors.js';

/** The clock at 23:30 UTC on 27 November: already the 28th in Berlin. */
const ctx = (tz?: string) => ({ now: () => new Date('2026-11-27T23:30:00Z'), env: tz ? { TZ: tz } : {} }) as unknown as Context;

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return `${(e as UserError).message} | ${(e as UserError).hint}`;
  }
  throw new Error('expected a refusal');
};

describe('date flags', () => {
  it.each(['2026-02-30', '2026-13-01', '2026-11-7', '3.12.2026', 'tomorrow', '', '2026-11-27T10:00'])('refuse %j with one message', (v) => {
    expect(refusal(() => dateFlag('--since <date>', 'x').parse(v, ctx()))).toBe(`invalid --since ${JSON.stringify(v)}: expected a real calendar date written YYYY-MM-DD | for example --since 2026-11-27`);
  });
  it('take a real day, 29 February of a leap year included', () => {
    expect(dateFlag('--until <date>', 'x').parse('2028-02-29', ctx())).toBe('2028-02-29');
    expect(dateFlag('--until <date>', 'x').parse(undefined, ctx())).toBeUndefined();
  });
  it('default to today on the context clock, in the zone TZ names', () => {
    expect(asOfFlag().parse(undefined, ctx('UTC'))).toBe('2026-11-27');
    expect(asOfFlag().parse(undefined, ctx('Europe/Berlin'))).toBe('2026-11-28');
  });
});

describe('--format', () => {
  const score = formatFlag(['text', 'csv', 'json', 'ndjson']);
  const diff = formatFlag(['text', 'md', 'json']);
  it('names the human format text, the default, and keeps its old names as aliases', () => {
    expect(score.parse(undefined, ctx())).toBe('text');
    expect(score.parse('table', ctx())).toBe('text');
    expect(score.parse('md', ctx())).toBe('text');
    expect(score.parse('ndjson', ctx())).toBe('ndjson');
  });
  it('keeps md for a command whose md is a format of its own', () => {
    expect(diff.parse('md', ctx())).toBe('md');
    expect(diff.parse('table', ctx())).toBe('text');
  });
  it('refuses another word, listing the formats', () => {
    expect(refusal(() => score.parse('xml', ctx()))).toBe('invalid --format "xml": expected one of text, csv, json, ndjson | for example --format json');
  });
});

describe('other shared flags', () => {
  it('--delimiter: one character, or tab', () => {
    expect(delimiterFlag().parse(undefined, ctx())).toBe(',');
    expect(delimiterFlag().parse('tab', ctx())).toBe('\t');
    expect(delimiterFlag().parse(';', ctx())).toBe(';');
    for (const bad of [';;', '"', '', '\n']) expect(() => delimiterFlag().parse(bad, ctx())).toThrow(/invalid --delimiter/);
  });
  it('a name flag refuses an empty value', () => {
    expect(refusal(() => nameFlag('--out <file>', 'x', 'summary.md').parse('', ctx()))).toBe('invalid --out "": expected a value | for example --out summary.md');
    expect(nameFlag('--out <file>', 'x', 'summary.md').parse('a b.md', ctx())).toBe('a b.md');
  });
  it('a count is a whole number within bounds', () => {
    const days = countFlag('--days <n>', 'x', { min: 0, default: 7 });
    expect(days.parse(undefined, ctx())).toBe(7);
    expect(days.parse('14', ctx())).toBe(14);
    for (const bad of ['-1', '1.5', 'ten', '']) expect(() => days.parse(bad, ctx())).toThrow(/invalid --days .*: expected a whole number 0 or more/);
    expect(() => countFlag('-n, --limit <n>', 'x', { min: 1 }).parse('0', ctx())).toThrow(/invalid --limit "0"/);
  });
  it('a choice is one of its words', () => {
    const dialect = choiceFlag('--dialect <d>', 'x', ['postgres', 'duckdb'], 'postgres');
    expect(dialect.parse(undefined, ctx())).toBe('postgres');
    expect(refusal(() => dialect.parse('oracle', ctx()))).toBe('invalid --dialect "oracle": expected one of postgres, duckdb | for example --dialect postgres');
  });
  it('a repeatable flag keeps every value in order', () => {
    expect(repeatableFlag('--session <id>', 'x').parse(['b', 'a'], ctx())).toEqual(['b', 'a']);
    expect(repeatableFlag('--session <id>', 'x').parse(undefined, ctx())).toEqual([]);
  });
  it('--max-line-bytes is bytes, or KiB and MiB with K or M, from 1 byte to 64 MiB; 8 MiB unless given', () => {
    const flag = maxLineBytesFlag();
    const cases: [string | undefined, number][] = [[undefined, 8 << 20], ['1', 1], ['65536', 65536], ['64K', 65536], ['64k', 65536], ['64KiB', 65536], ['16M', 16 << 20], [' 16 MB ', 16 << 20], ['64M', 64 << 20], ['100b', 100]];
    for (const [given, bytes] of cases) expect(flag.parse(given, ctx())).toBe(bytes);
    for (const bad of ['0', '65M', '67108865', '1G', '1.5M', '-1', 'M', '', '8 MiB please']) {
      expect(refusal(() => flag.parse(bad, ctx()))).toBe(`invalid --max-line-bytes ${JSON.stringify(bad)}: expected a size from 1 byte to 64 MiB, in bytes or with K or M | for example --max-line-bytes 64M`);
    }
  });
  it('a setting comes from the flag, then align.yaml, then the built-in default', () => {
    expect(setting('09:00', '10:30', '10:00')).toBe('09:00');
    expect(setting(undefined, '10:30', '10:00')).toBe('10:30');
    expect(setting(undefined, undefined, '10:00')).toBe('10:00');
  });
});
