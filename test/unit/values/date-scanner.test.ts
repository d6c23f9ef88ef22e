import { expect, it } from 'vitest';
import { localDateForm } from '../../../src/core/values/forms.js';
import { LOCALES, RULES } from '../../../src/core/values/locale.js';
import { scanLocalDate } from '../../../src/core/values/day.js';

/** The evaluator scans the locale's date form; the SQL engines test its regular expression. They must accept the same texts. */
const TOKENS = ['1', '2', '0', '12', '31', '/', '.', ' ', '  ', '2026', '20266', '202', ':', '32', '05', 'PM', 'am', 'P', 'x', 'T', '\t', '-', '\u00a0', '\u2003'];

function rng(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
}

it.each(LOCALES)('the %s date scanner accepts exactly the texts of the form', (locale) => {
  const next = rng(locale.length * 7919);
  const pick = <T>(xs: T[]) => xs[Math.floor(next() * xs.length)]!;
  const mark = RULES[locale].dateMark;
  const seeds = [`11${mark}20${mark}2026`, `1${mark}2${mark}2026 2:32 PM`, `20${mark}11${mark}2026 14:32:05`, ` 1${mark}1${mark}2026\t`, `01${mark}01${mark}2026 9:05am`];
  const texts: string[] = [];
  for (let k = 0; k < 20_000; k++) {
    if (k % 2) texts.push(Array.from({ length: 1 + Math.floor(next() * 9) }, () => pick(TOKENS)).join(''));
    else {
      // a real date with one token put in, taken out or replaced
      const s = pick(seeds);
      const at = Math.floor(next() * (s.length + 1));
      const cut = Math.floor(next() * 3);
      texts.push(s.slice(0, at) + (next() < 0.7 ? pick(TOKENS) : '') + s.slice(at + cut));
    }
  }
  const form = new RegExp(localDateForm(locale));
  const lstrip = (s: string) => s.replace(/^[ \t\n\r\u00a0\f\v]+/, '');
  const disagree = texts.filter((s) => (scanLocalDate(s, mark.charCodeAt(0), true) >= 0) !== form.test(lstrip(s)));
  expect(disagree).toEqual([]);
  expect(texts.filter((s) => form.test(lstrip(s))).length).toBeGreaterThan(500);
});
