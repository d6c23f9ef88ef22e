import { describe, expect, it } from 'vitest';
import { regexHazard } from '../../../src/core/regex/hazard.js';
import { ORDINARY } from '../../fixtures/regex/ordinary.js';

const refused = (source: string) => regexHazard(source)?.message;

describe('the exponential-time check of a matches pattern', () => {
  it.each([
    ['^(a+)+$', '`(a+)+` (from character 2)'],
    ['^(a|a)*$', '`(a|a)*` (from character 2)'],
    ['^(a*)*$', '`(a*)*` (from character 2)'],
    ['^(a+)+\\1$', '`(a+)+` (from character 2)'],
    ['^(?=(a+)+$)', '`(a+)+` (from character 5)'],
    ['(?<!(\\w|\\d)+)x', '`(\\w|\\d)+` (from character 5)'],
    ['^(\\w+\\s?)*$', '`(\\w+\\s?)*` (from character 2)'],
    ['^(.*,)*x', '`(.*,)*` (from character 2)'],
    ['(x+x+)+y', '`(x+x+)+` (from character 1)'],
    ['^(a{2,}){2,}$', '`(a{2,}){2,}` (from character 2)'],
    ['^(\\d{1,3})+$', '`(\\d{1,3})+` (from character 2)'],
  ])('refuses /%s/, naming %s', (source, part) => {
    expect(refused(source)).toMatch('can take exponential time');
    expect(refused(source)).toContain(part);
    expect(regexHazard(source)?.hint).toContain('`(a+)+` → `a+`');
  });

  it.each([
    ['two ways into the same character', '^(?:(?:x?|y?)b)*$'],
    ['an optional part and an optional part', '^(a?b?)*$'],
    ['letters the i flag makes equal', '^(a|A)+$'],
    ['non-ASCII letters the i flag makes equal', '^(é|É)+$'],
    ['a required empty round between two', '^(a?){30}$'],
    ['twenty rounds of a part with two ways', '^(a|a){20}$'],
    ['counted repeats nested beyond three copies', '^((a|a){1,2}){1,2}$'],
    ['four rounds of a part that can split a word', '^(\\w+\\s?){1,4}$'],
    ['a back-reference repeated, taken as a copy of its group', '^(a+)(?:x|\\1)*$'],
  ])('refuses %s', (_name, source) => {
    expect(refused(source)).toMatch('can take exponential time');
  });

  it('refuses ambiguity written out, without a loop, when it makes a million ways', () => {
    expect(refused(`^${'(?:a|a)'.repeat(20)}$`)).toMatch(/can take too long: .* \(2\^10 or more\)/);
    expect(refused(`^${'(?:a|a)'.repeat(8)}$`)).toBeUndefined();
  });

  it.each([
    ['four loops in a row that can share a text', '.*a.*b.*c.*d'],
    ['four runs of one letter', '^a*a*a*a*b'],
    ['words and spaces that can all be empty', '\\s*\\w*\\s*\\w*\\s*\\w*\\s*$'],
    ['three rounds of loops with choices inside', '^(?:a{0,5}(?:1|a)+){1,3}$'],
  ])('refuses %s: polynomial, but of a high power', (_name, source) => {
    expect(refused(source)).toMatch(/can take too long: \d of its repeats, one after another, can share out the same text between them/);
  });

  it.each([
    ...ORDINARY,
    '^(a|ab)*c$',
    '^(\\d{3})+$',
    '^(\\d{1,3}\\.){3}\\d{1,3}$',
    '^[a-z0-9._%+-]{1,64}@[a-z0-9.-]{1,253}\\.[a-z]{2,63}$',
    '^(\\S+\\s+)*x',
    '^(é|è)+$',
    '^(k|\\u212a)+$',
    '^(\\w+\\s)*\\w*$',
    '^(\\w+\\s?){1,3}$',
    '^((a|a){1,3})$',
    '.{0,255}vp.{0,255}',
    '.*vp.*sales.*',
    '.*a.*b.*c',
    '^\\s*(mr|mrs|ms|dr)?\\.?\\s*\\w+\\s+\\w+\\s*$',
    '(?=.*vp)(?=.*sales)',
    '^(?!.*test).*$',
    '(\\w)\\1',
  ])('accepts /%s/', (source) => {
    expect(refused(source)).toBeUndefined();
  });

  it('says when it cannot read a pattern JavaScript accepts, rather than letting it through', () => {
    expect(refused('a\\12')).toBe('align cannot check the regular expression /a\\12/ for exponential time: it uses the octal escape \\12');
    expect(refused(`${'('.repeat(101)}a${')'.repeat(101)}`)).toMatch(/groups nested more than 100 deep/);
  });

  it('refuses what is too large to check, stopped by its budget of states and steps', () => {
    for (const source of ['^(?:a|b)\\d{2500}$', `^${'[ab]?'.repeat(400)}$`, `^${'(?:a|b|c)'.repeat(1500)}$`]) {
      expect(refused(source)).toMatch(/too large for align to check/);
    }
  });

  it('clips a long pattern in its message', () => {
    const source = `^(a+)+${'x'.repeat(200)}$`;
    expect(refused(source)).toContain(`/${source.slice(0, 59)}…/`);
  });
});
