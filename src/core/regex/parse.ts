/**
 * A JavaScript regular expression (no `u` flag, as the evaluator compiles it with `i` only),
 * read into a small tree: the SQL dialects write it out for another engine, and the safety
 * check (`hazard.ts`) reads how it can match. Only what decides *whether* a text matches is
 * kept (laziness does not change that), plus where each repeat is in the source, for messages.
 */
/** Lookaround openers after `(`, longest first where one starts another. */
const LOOKAROUNDS: readonly (readonly [string, 'ahead' | 'nahead' | 'behind' | 'nbehind'])[] = [
  ['?=', 'ahead'],
  ['?!', 'nahead'],
  ['?<=', 'behind'],
  ['?<!', 'nbehind'],
];

export type ClassItem = { kind: 'range'; lo: number; hi: number } | { kind: 'perl'; name: PerlClass };
type PerlClass = 'd' | 'D' | 'w' | 'W' | 's' | 'S';

export type RegexNode =
  | { kind: 'alt'; branches: RegexNode[][] }
  | { kind: 'group'; look?: 'ahead' | 'nahead' | 'behind' | 'nbehind'; body: RegexNode; capture?: number }
  | RepeatNode
  | { kind: 'char'; code: number }
  | { kind: 'dot' }
  | { kind: 'perl'; name: PerlClass }
  | { kind: 'class'; negate: boolean; items: ClassItem[] }
  | { kind: 'assert'; what: 'start' | 'end' | 'word' | 'nonword' }
  | { kind: 'backref'; n: number };

/** `node` repeated; `at` and `end` are its place in the source, the quantifier included. */
export interface RepeatNode {
  kind: 'repeat';
  node: RegexNode;
  min: number;
  max: number | null;
  at: number;
  end: number;
}

export class RegexUnsupported extends Error {}

/** Groups nested deeper than this are refused rather than read by recursion that could exhaust the stack. */
const MAX_DEPTH = 100;

export function parseJsRegex(source: string): RegexNode {
  // Pre-count groups: `\N` is a back-reference only when group N exists (otherwise an octal escape).
  const groupCount = countGroups(source);
  let i = 0;
  let captures = 0;
  let depth = 0;
  const peek = () => source[i];

  function alternation(): RegexNode {
    const branches: RegexNode[][] = [sequence()];
    while (peek() === '|') {
      i++;
      branches.push(sequence());
    }
    return { kind: 'alt', branches };
  }

  function sequence(): RegexNode[] {
    const out: RegexNode[] = [];
    while (i < source.length && peek() !== '|' && peek() !== ')') {
      const at = i;
      const atom = term();
      const q = quantifier();
      if (q) {
        if (atom.kind === 'assert') throw new RegexUnsupported('a quantifier on an anchor');
        out.push({ kind: 'repeat', node: atom, ...q, at, end: i });
      } else out.push(atom);
    }
    return out;
  }

  function quantifier(): { min: number; max: number | null } | null {
    let q: { min: number; max: number | null } | null = null;
    const c = peek();
    if (c === '*') q = { min: 0, max: null };
    else if (c === '+') q = { min: 1, max: null };
    else if (c === '?') q = { min: 0, max: 1 };
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
      if (!m) return null; // a lone `{` is a literal in JavaScript
      q = { min: Number(m[1]), max: m[2] === undefined ? Number(m[1]) : m[3] === '' ? null : Number(m[3]) };
      i += m[0].length - 1;
    }
    if (!q) return null;
    i++;
    if (peek() === '?') i++; // lazy or greedy: the same texts match
    return q;
  }

  function term(): RegexNode {
    const c = peek()!;
    i++;
    switch (c) {
      case '^':
        return { kind: 'assert', what: 'start' };
      case '$':
        return { kind: 'assert', what: 'end' };
      case '.':
        return { kind: 'dot' };
      case '(':
        return group();
      case '[':
        return charClass();
      case '\\':
        return escapeSequence(false) as RegexNode;
      default:
        return { kind: 'char', code: c.charCodeAt(0) };
    }
  }

  function group(): RegexNode {
    if (++depth > MAX_DEPTH) throw new RegexUnsupported(`groups nested more than ${MAX_DEPTH} deep`);
    let look: 'ahead' | 'nahead' | 'behind' | 'nbehind' | undefined;
    let capture: number | undefined;
    const opener = LOOKAROUNDS.find(([prefix]) => source.startsWith(prefix, i));
    if (source.startsWith('?:', i)) i += 2;
    else if (opener) {
      look = opener[1];
      i += opener[0].length;
    } else if (source.startsWith('?<', i)) {
      const end = source.indexOf('>', i);
      i = end + 1;
      capture = ++captures;
    } else if (peek() === '?') throw new RegexUnsupported(`the group syntax (${source.slice(i, i + 3)}`);
    else capture = ++captures;
    const body = alternation();
    if (peek() !== ')') throw new RegexUnsupported('an unclosed group');
    i++;
    depth--;
    return capture === undefined ? { kind: 'group', look, body } : { kind: 'group', look, body, capture };
  }

  function charClass(): RegexNode {
    let negate = false;
    if (peek() === '^') {
      negate = true;
      i++;
    }
    const items: ClassItem[] = [];
    while (i < source.length && peek() !== ']') {
      const lo = classAtom();
      if (peek() === '-' && source[i + 1] !== ']' && i + 1 < source.length && lo.kind === 'range') {
        const save = i;
        i++;
        const hi = classAtom();
        if (hi.kind === 'range') {
          items.push({ kind: 'range', lo: lo.lo, hi: hi.lo });
          continue;
        }
        // `[a-\d]` reads the dash as a literal in JavaScript
        i = save;
      }
      items.push(lo);
    }
    if (peek() !== ']') throw new RegexUnsupported('an unclosed character class');
    i++;
    return { kind: 'class', negate, items };
  }

  function classAtom(): ClassItem {
    const c = peek()!;
    i++;
    if (c !== '\\') return { kind: 'range', lo: c.charCodeAt(0), hi: c.charCodeAt(0) };
    const e = escapeSequence(true);
    if (e.kind === 'perl') return e;
    if (e.kind === 'char') return { kind: 'range', lo: e.code, hi: e.code };
    throw new RegexUnsupported(`the escape \\${source[i - 1]} inside a character class`);
  }

  function escapeSequence(inClass: boolean): RegexNode {
    const c = peek();
    if (c === undefined) throw new RegexUnsupported('a trailing backslash');
    i++;
    if ('dDwWsS'.includes(c)) return { kind: 'perl', name: c as PerlClass };
    if (c === 'b') return inClass ? { kind: 'char', code: 8 } : { kind: 'assert', what: 'word' };
    if (c === 'B' && !inClass) return { kind: 'assert', what: 'nonword' };
    const simple: Record<string, number> = { t: 9, n: 10, v: 11, f: 12, r: 13 };
    if (simple[c] !== undefined) return { kind: 'char', code: simple[c] };
    if (c === 'c' && /[A-Za-z]/.test(source[i] ?? '')) return { kind: 'char', code: source.charCodeAt(i++) % 32 };
    if (c === 'x' && /^[0-9a-fA-F]{2}/.test(source.slice(i))) return hex(2);
    if (c === 'u' && /^[0-9a-fA-F]{4}/.test(source.slice(i))) return hex(4);
    if (/[0-9]/.test(c)) {
      const digits = /^\d*/.exec(source.slice(i))![0];
      const n = Number(c + digits);
      if (!inClass && c !== '0' && n <= groupCount) {
        i += digits.length;
        return { kind: 'backref', n };
      }
      if (c === '0' && !/[0-9]/.test(source[i] ?? '')) return { kind: 'char', code: 0 };
      throw new RegexUnsupported(`the octal escape \\${c}${digits}`);
    }
    if (c === 'k' && groupCount > 0 && source[i] === '<') throw new RegexUnsupported('a named back-reference \\k<...>');
    // Any other escaped character stands for itself (`\.`, `\-`, and in JavaScript also `\a` or `\p`).
    return { kind: 'char', code: c.charCodeAt(0) };
  }

  function hex(n: number): RegexNode {
    const v = parseInt(source.slice(i, i + n), 16);
    i += n;
    return { kind: 'char', code: v };
  }

  const tree = alternation();
  if (i < source.length) {
    // An unmatched `)` cannot compile in JavaScript; anything else left over is a bug here.
    throw new RegexUnsupported(`unexpected ${JSON.stringify(source[i])}`);
  }
  return tree;
}

/** Capturing groups, counted the way JavaScript numbers them. */
function countGroups(source: string): number {
  let n = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(' && (source[i + 1] !== '?' || (source[i + 2] === '<' && source[i + 3] !== '=' && source[i + 3] !== '!'))) n++;
  }
  return n;
}

