/**
 * Checks for clean data, built to answer faster than zod for the files align reads by the
 * thousand. A check answers with the value zod would return (the same keys in the same order,
 * text trimmed where the schema trims it) or with UNSURE, and then zod decides: it alone says
 * what is wrong and where. So a check may be unsure of anything rare, but must never accept what
 * the schema refuses nor return other data (test/unit/quick-schemas.test.ts holds it to zod).
 *
 * A list or an object that comes out exactly as it went in (keys in the schema's order, every
 * value its own answer) is answered with itself rather than a copy: that is nearly every one,
 * and the copies were most of a check's work. Loops are plain index loops, which cost little
 * from the first file on, before the checks are compiled.
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
    let out: unknown[] | undefined; // made at the first item that comes out changed
    for (let i = 0; i < v.length; i++) {
      const x: unknown = v[i];
      const r = item(x);
      if (r === UNSURE) return UNSURE;
      if (out === undefined && r !== x) out = v.slice(0, i);
      if (out !== undefined) out[i] = r;
    }
    return (out ?? v) as T[];
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
  // Values are read as input[key]: no key may be one the input would find on Object.prototype.
  for (const key of keys) if (key in Object.prototype) throw new Error(`quick check: the key "${key}" is on Object.prototype`);
  const checks = keys.map((k) => shape[k]![0]);
  const optional = keys.map((k) => shape[k]![1] === 'optional');
  return (v) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v) || Object.getPrototypeOf(v) !== Object.prototype) return UNSURE;
    const input = v as Record<string, unknown>;
    let inputKeys: string[] | undefined; // read once a key is there: most misses of a union's option come before
    let seen = 0;
    let out: Record<string, unknown> | undefined; // made at the first key out of order or value changed
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k]!;
      const value = input[key];
      if (value === undefined) {
        // Left out, or there with no value (which zod refuses).
        if (optional[k] && !Object.hasOwn(input, key)) continue;
        return UNSURE;
      }
      const r = checks[k]!(value);
      if (r === UNSURE || r === undefined) return UNSURE;
      inputKeys ??= Object.keys(input);
      if (out === undefined && (r !== value || inputKeys[seen] !== key)) out = pick(input, keys, k);
      if (out !== undefined) out[key] = r;
      seen++;
    }
    // A key not in the shape: zod refuses it and says which.
    if (seen !== (inputKeys ?? Object.keys(input)).length) return UNSURE;
    return (out ?? input) as T;
  };
}

/** A new object of the input's values for the first `count` of `keys` that it has, in that order. */
function pick(input: Record<string, unknown>, keys: string[], count: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (let k = 0; k < count; k++) if (Object.hasOwn(input, keys[k]!)) out[keys[k]!] = input[keys[k]!];
  return out;
}

/**
 * A record: any keys that pass `key`, in the order they come (as zod keeps them), each value
 * checked. `__proto__` is left to zod.
 */
export function record<T>(key: Quick<string>, value: Quick<T>): Quick<Record<string, T>> {
  return (v) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v) || Object.getPrototypeOf(v) !== Object.prototype) return UNSURE;
    const input = v as Record<string, unknown>;
    const keys = Object.keys(input);
    let out: Record<string, unknown> | undefined; // made at the first value that comes out changed
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      if (k === '__proto__' || key(k) === UNSURE) return UNSURE;
      const x = input[k];
      const r = value(x);
      if (r === UNSURE || r === undefined) return UNSURE;
      if (out === undefined && r !== x) out = pick(input, keys, i);
      if (out !== undefined) out[k] = r;
    }
    return (out ?? input) as Record<string, T>;
  };
}

/** The first of the checks that is sure, for a union whose options never accept the same value (strict objects of other keys, scalars of other types). */
export function either<T>(...options: Quick<T>[]): Quick<T> {
  return (v) => {
    for (let i = 0; i < options.length; i++) {
      const r = options[i]!(v);
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
