/** Scalars of the fast YAML reader: quoted text and plain values by the YAML 1.2 core schema. */
export class Bail extends Error {}
export const bail = (): never => {
  throw new Bail();
};

const ESCAPES: Record<string, string> = { '\\': '\\', '"': '"', '/': '/', n: '\n', t: '\t', r: '\r', '0': '\0', ' ': ' ' };

export function readQuoted(text: string, start: number): { value: string; end: number } {
  const q = text[start];
  // Most quoted text has no escapes: take it in one slice.
  const close = text.indexOf(q!, start + 1);
  if (close > 0) {
    if (q === '"' && text.indexOf('\\', start + 1) === -1) return { value: text.slice(start + 1, close), end: close + 1 };
    if (q === "'" && text.charCodeAt(close + 1) !== 39) return { value: text.slice(start + 1, close), end: close + 1 };
  }
  let out = '';
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i]!;
    if (q === "'" && ch === "'") {
      if (text[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      return { value: out, end: i + 1 };
    }
    if (q === '"' && ch === '"') return { value: out, end: i + 1 };
    if (q === '"' && ch === '\\') {
      const e = text[i + 1]!;
      if (e in ESCAPES) {
        out += ESCAPES[e];
        i += 2;
        continue;
      }
      if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
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

const INT = /^[-+]?[0-9]+$/;
const FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;

/** YAML 1.2 core schema resolution of a plain scalar. */
export function resolvePlain(s: string): unknown {
  switch (s) {
    case '':
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
  const c = s.charCodeAt(0);
  const numeric = (c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46;
  if (!numeric) return s;
  if (INT.test(s)) {
    const n = Number(s);
    return Number.isSafeInteger(n) ? n : bail();
  }
  if (FLOAT.test(s)) return Number(s);
  if (/^0x|^0o|^[-+]?\.(inf|Inf|INF|nan|NaN|NAN)$/.test(s)) bail();
  return s;
}
