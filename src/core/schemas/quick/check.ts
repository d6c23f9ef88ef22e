/**
 * Checks for clean data, built to answer faster than zod for the files align reads by the
 * thousand. A check answers with the value zod would return (the same keys in the same order,
 * text trimmed where the schema trims it) or with UNSURE, and then zod decides: it alone says
 * what is wrong and where. So a check may be unsure of anything rare, but must never accept what
 * the schema refuses nor return other data (test/unit/quick-schemas.test.ts holds it to zod).
 */
import { isRealDate } from '../../calendar-date.js';

export const UNSURE: unique symbol = Symbol('unsure');
export type Quick<T> = (value: unknown) => T | typeof UNSURE;

interface TextRules {
  /** At least this many characters (after trimming, with `trim`). */
  min?: number;
  /** Spaces and other white space cut from both ends first, as zod's `.trim()`. */
  trim?: boolean;
  pattern?: RegExp;
  /** Holds for the text (a refinement of the schema). */
  test?: (text: string) => boolean;
}

export function text(rules: TextRules = {}): Quick<string> {
  const { min = 0, trim = false, pattern, test } = rules;
  return (v) => {
    if (typeof v !== 'string') return UNSURE;
    const s = trim ? v.trim() : v;
    if (s.length < min || (pattern && !pattern.test(s)) || (test && !test(s))) return UNSURE;
    return s;
  };
}

/** A date written YYYY-MM-DD that exists, as `IsoDate` in common.ts. */
export const isoDate = text({ pattern: /^\d{4}-\d{2}-\d{2}$/, test: isRealDate });

interface NumberRules {
  /** At least this (`min`) or more than this (`above`). */
  min?: number;
  above?: number;
  int?: boolean;
}

export function num(rules: NumberRules = {}): Quick<number> {
  const { min = Number.NEGATIVE_INFINITY, above = Number.NEGATIVE_INFINITY, int = false } = rules;
  return (v) => {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min || !(v > above) || (int && !Number.isSafeInteger(v))) return UNSURE;
    return v;
  };
}

export const bool: Quick<boolean> = (v) => (typeof v === 'boolean' ? v : UNSURE);

export function oneOf<const T extends readonly string[]>(values: T): Quick<T[number]> {
  const set = new Set<unknown>(values);
  return (v) => (set.has(v) ? (v as T[number]) : UNSURE);
}

export function list<T>(item: Quick<T>, min = 0): Quick<T[]> {
  return (v) => {
    if (!Array.isArray(v) || v.length < min) return UNSURE;
    const out: T[] = new Array(v.length);
    for (let i = 0; i < v.length; i++) {
      const r = item(v[i]);
      if (r === UNSURE) return UNSURE;
      out[i] = r;
    }
    return out;
  };
}

/** A key's check, and whether the key may be left out. */
type Field = readonly [Quick<unknown>, 'optional'?];

/**
 * A strict object: no key but the listed ones, every required one there. The answer has the
 * keys in the order listed, as zod builds it. A key there with no value (undefined) is unsure.
 */
export function strict<T>(shape: Record<string, Field>): Quick<T> {
  const keys = Object.keys(shape);
  const fields = keys.map((k) => shape[k]!);
  return (v) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v) || Object.getPrototypeOf(v) !== Object.prototype) return UNSURE;
    const input = v as Record<string, unknown>;
    let seen = 0;
    const out: Record<string, unknown> = {};
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k]!;
      const [check, optional] = fields[k]!;
      if (!Object.hasOwn(input, key)) {
        if (optional) continue;
        return UNSURE;
      }
      seen++;
      const r = check(input[key]);
      if (r === UNSURE || r === undefined) return UNSURE;
      out[key] = r;
    }
    // A key not in the shape: zod refuses it and says which.
    if (seen !== Object.keys(input).length) return UNSURE;
    return out as T;
  };
}

/**
 * A record: any keys that pass `key`, in the order they come (as zod keeps them), each value
 * checked. `__proto__` is left to zod.
 */
export function record<T>(key: Quick<string>, value: Quick<T>): Quick<Record<string, T>> {
  return (v) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v) || Object.getPrototypeOf(v) !== Object.prototype) return UNSURE;
    const out: Record<string, T> = {};
    for (const k of Object.keys(v)) {
      if (k === '__proto__' || key(k) === UNSURE) return UNSURE;
      const r = value((v as Record<string, unknown>)[k]);
      if (r === UNSURE || r === undefined) return UNSURE;
      out[k] = r;
    }
    return out;
  };
}

/** The first of the checks that is sure, for a union whose options never accept the same value (strict objects of other keys, scalars of other types). */
export function either<T>(...options: Quick<T>[]): Quick<T> {
  return (v) => {
    for (const option of options) {
      const r = option(v);
      if (r !== UNSURE) return r;
    }
    return UNSURE;
  };
}

/** A check, then a rule on what it gives (a refinement of the schema). */
export function where<T>(check: Quick<T>, rule: (value: T) => boolean): Quick<T> {
  return (v) => {
    const r = check(v);
    return r !== UNSURE && rule(r) ? r : UNSURE;
  };
}

/** Always unsure: a part of a schema left to zod (rare, or not worth a quick check). */
export const toZod: Quick<never> = () => UNSURE;
