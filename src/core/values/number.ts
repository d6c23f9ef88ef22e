/**
 * Reading a lead's number in a locale. A plain number (`1200`, and in `en` and `en-GB` also
 * `1,200.50` and `1e3`) is scanned without a regular expression, as it always was; anything
 * else is tested against the locale's form (forms.ts) and brought to the machine form
 * `[sign]digits.digits[eN]` that both JavaScript and the SQL engines read as the same double.
 */
import type { LeadValue } from '../rubric/engine/compile.js';
import { isSpace, readNumber } from '../rubric/engine/read.js';
import { numberForm, numberNoise, SUFFIXES, suffixAfterDigit } from './forms.js';
import { RULES, type Locale } from './locale.js';

/** The number a lead's value holds in `locale`; NaN when it holds none. */
export function numberReader(locale: Locale): (v: LeadValue) => number {
  const rules = RULES[locale];
  const fast = rules.exponent ? readNumber : readDigits;
  const form = new RegExp(numberForm(locale));
  const noise = new RegExp(numberNoise(locale), 'g');
  const comma = rules.decimal === ',';
  const suffixes = SUFFIXES.map((s) => ({ after: new RegExp(suffixAfterDigit(s.letters)), exponent: s.exponent }));
  return (v) => {
    const n = fast(v);
    if (!Number.isNaN(n) || typeof v !== 'string' || !hasDigit(v)) return n;
    if (!form.test(v)) return NaN;
    let text = v.replace(noise, '');
    if (comma) text = text.replace(',', '.');
    for (const s of suffixes) {
      if (s.after.test(v)) {
        text += s.exponent;
        break;
      }
    }
    const num = Number(text);
    return Number.isFinite(num) ? num : NaN;
  };
}

/** An optional sign and digits, white space around: the plain number of every locale. */
function readDigits(v: LeadValue): number {
  if (typeof v === 'number') return Number.isFinite(v) ? v : NaN;
  if (typeof v !== 'string') return NaN;
  const n = v.length;
  let i = 0;
  while (i < n && isSpace(v.charCodeAt(i))) i++;
  let end = n;
  while (end > i && isSpace(v.charCodeAt(end - 1))) end--;
  let j = i;
  if (j < end && (v.charCodeAt(j) === 43 || v.charCodeAt(j) === 45)) j++;
  if (j === end) return NaN;
  for (; j < end; j++) {
    const c = v.charCodeAt(j);
    if (c < 48 || c > 57) return NaN;
  }
  const num = Number(i === 0 && end === n ? v : v.slice(i, end));
  return Number.isFinite(num) ? num : NaN;
}

/** Every form has a digit; most text that is not a number (n/a, unknown, TBD) has none. */
function hasDigit(v: string): boolean {
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}
