/** Scalars of the fast YAML reader: quoted text and plain values by the YAML 1.2 core schema. */
export class Bail extends Error {}
export const bail = (): never => {
  throw new Bail();
};

const ESCAPES: Record<string, string> = { '\\': '\\', '"': '"', '/': '/', n: '\n', t: '\t', r: '\r', '0': '\0', ' ': ' ' };

/**
 * The quoted scalar that starts at `start` and closes before `end` (the end of its line): its
 * text and the offset after its closing quote. Bails on a scalar not closed on its line.
 */
export function readQuoted(text: string, start: number, end = text.length): { value: string; end: number } {
  const q = text.charCodeAt(start);
  // Most quoted text has no escapes: take it in one slice.
  for (let i = start + 1; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === q) {
      if (q === 39 && i + 1 < end && text.charCodeAt(i + 1) === 39) break; // '' is one quote
      return { value: text.slice(start + 1, i), end: i + 1 };
    }
    if (c === 92 && q === 34) break; // an escape
  }
  return readEscaped(text, start, end);
}

function readEscaped(text: string, start: number, end: number): { value: string; end: number } {
  const q = text[start];
  let out = '';
  let i = start + 1;
  while (i < end) {
    const ch = text[i]!;
    if (q === "'" && ch === "'") {
      if (i + 1 < end && text[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      return { value: out, end: i + 1 };
    }
    if (q === '"' && ch === '"') return { value: out, end: i + 1 };
    if (q === '"' && ch === '\\') {
      if (i + 1 >= end) bail();
      const e = text[i + 1]!;
      if (e in ESCAPES) {
        out += ESCAPES[e];
        i += 2;
        continue;
      }
      if (e === 'u' && i + 6 <= end && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
        out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
        i += 6;
        continue;
      }
      bail();
    }
    out += ch;
    i++;
  }
  return bail();
}

// The YAML 1.2 core schema's patterns, as the `yaml` package tests them. A plain scalar
// that matches none of them is a string: `0b101`, `1_000`, `12:30`, `2026-11-27`, `yes`.
const INT = /^[-+]?[0-9]+$/;
const HEX = /^0x[0-9a-fA-F]+$/;
const OCT = /^0o[0-7]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const INF = /^[-+]?\.(?:inf|Inf|INF)$/;
const NAN = /^\.(?:nan|NaN|NAN)$/;

/**
 * YAML 1.2 core schema resolution of a plain scalar, number for number what the `yaml`
 * package gives (it reads integers with parseInt and floats with parseFloat, so we do too:
 * an integer past 2^53 comes out as the same rounded number either way).
 */
export function resolvePlain(s: string): unknown {
  const c = s.charCodeAt(0);
  if ((c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46) return resolveNumeric(s, c);
  // Most scalars are words: only these first letters, and one to five letters, can make a null or a boolean.
  if ((c === 110 || c === 78 || c === 116 || c === 84 || c === 102 || c === 70 || c === 126) && s.length <= 5) return resolveWord(s);
  return s === '' ? null : s;
}

function resolveWord(s: string): unknown {
  switch (s) {
    case '~':
    case 'null':
    case 'Null':
    case 'NULL':
      return null;
    case 'true':
    case 'True':
    case 'TRUE':
      return true;
    case 'false':
    case 'False':
    case 'FALSE':
      return false;
  }
  return s;
}

function resolveNumeric(s: string, c: number): unknown {
  if (INT.test(s)) return parseInt(s, 10);
  if (FLOAT.test(s)) return parseFloat(s);
  if (c === 48) {
    if (HEX.test(s)) return parseInt(s.slice(2), 16);
    if (OCT.test(s)) return parseInt(s.slice(2), 8);
  }
  if (INF.test(s)) return c === 45 ? -Infinity : Infinity;
  if (NAN.test(s)) return NaN;
  return s;
}

/**
 * A plain mapping key as it ends up in a JavaScript object: resolved by the core schema,
 * then turned into text the way `yaml` does (`1.0` is "1", `~` is "", `.inf` is "Infinity").
 */
export function plainKey(s: string): string {
  const v = resolvePlain(s);
  return v === null ? '' : typeof v === 'string' ? v : String(v);
}
