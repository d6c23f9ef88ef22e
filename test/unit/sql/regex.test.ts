import { describe, expect, test } from 'vitest';
import { RegexTranslationError, translateRegex } from '../../../src/core/sql/regex-emit.js';

describe('JavaScript expressions in each engine\'s syntax', () => {
  test.each([
    ['vp|director', 're2', 'vp|director'],
    ['^a.c$', 're2', '^a[^\\x{A}\\x{D}\\x{2028}-\\x{2029}]c$'],
    ['\\d+', 'are', '[0-9]+'],
    ['\\d+', 'posix', '[0-9]+'],
    ['(?:a|b)c', 'posix', '(a|b)c'],
    ['a+?', 're2', 'a+'],
    ['\\bvp\\b', 're2', '\\bvp\\b'],
    ['\\bvp\\b', 'posix', '\\bvp\\b'],
    ['a\\.b', 'are', 'a\\.b'],
    ['[^a-z]', 're2', '[^a-z]'],
    ['[\\]\\-]', 're2', '[\\]\\-]'],
    ['é', 're2', '\\x{E9}'],
    ['é', 'are', '\\u00E9'],
    ['é', 'posix', 'é'],
    ['a{2,}', 'are', 'a{2,}'],
    ['a{', 're2', 'a\\{'],
  ] as const)('/%s/ for %s is %s', (source, flavor, want) => {
    expect(translateRegex(source, flavor)).toBe(want);
  });

  test('\\b in PostgreSQL uses JavaScript\'s ASCII word characters, not the locale\'s', () => {
    expect(translateRegex('\\b', 'are')).toContain('(?<=[0-9A-Za-z_])');
  });

  test.each([
    ['(?<=a)b', 're2', /lookbehind/],
    ['a(?=b)', 're2', /lookahead/],
    ['(a)\\1', 'posix', /back-reference/],
    ['[]', 'are', /empty class/],
    ['a{2000}', 're2', /repeat count/],
    ['a{300}', 'are', /repeat count/],
    ['\\12', 're2', /octal/],
    ['[^a\\D]', 're2', /negated class/],
  ] as const)('/%s/ cannot be written for %s', (source, flavor, why) => {
    expect(() => translateRegex(source, flavor)).toThrow(RegexTranslationError);
    expect(() => translateRegex(source, flavor)).toThrow(why);
  });
});

describe('POSIX brackets for Snowflake', () => {
  test.each([
    ['[\\]a-]', '[]a-]'],
    ['[\\^a]', '[a^]'],
    ['[^\\]x]', '[^]x]'],
    ['[\\\\]', '[\\\\]'],
    ['[+\\-]', '[+-]'],
  ])('/%s/ is %s', (source, want) => {
    expect(translateRegex(source, 'posix')).toBe(want);
  });
  test('a class of only ^ has no POSIX spelling', () => {
    expect(() => translateRegex('[\\^]', 'posix')).toThrow(RegexTranslationError);
  });
});
