import { LINE_END, PERL_SETS, WORD } from '../regex/classes.js';
import { parseJsRegex, RegexUnsupported, type ClassItem, type RegexNode } from '../regex/parse.js';

/**
 * The regex engines behind the dialects: PostgreSQL's ARE (lookaround, back-references),
 * RE2 (DuckDB, BigQuery: neither), and Snowflake's POSIX ERE with Perl escapes (no
 * lookaround, no `(?:`). JavaScript's meaning is kept where the engines differ: `\d \w \s`
 * and `.` are spelled out as JavaScript defines them, and `\b` uses JavaScript's ASCII words.
 */
export type RegexFlavor = 'are' | 're2' | 'posix';

const LIMIT: Record<RegexFlavor, number> = { are: 255, re2: 1000, posix: 255 };
const ENGINE: Record<RegexFlavor, string> = { are: 'PostgreSQL', re2: 'RE2 (DuckDB, BigQuery)', posix: 'Snowflake' };

export class RegexTranslationError extends Error {}

/** The pattern for `flavor`, matching (case-insensitively) the same texts as JavaScript's `new RegExp(source, 'i')`. */
export function translateRegex(source: string, flavor: RegexFlavor): string {
  try {
    const tree = parseJsRegex(source);
    return new Emitter(flavor).node(tree);
  } catch (e) {
    if (e instanceof RegexUnsupported) throw new RegexTranslationError(`${ENGINE[flavor]} has no equivalent of ${e.message} in /${source}/`);
    throw e;
  }
}

class Emitter {
  private hasBackref = false;
  private hasLook = false;
  constructor(private readonly flavor: RegexFlavor) {}

  node(n: RegexNode): string {
    switch (n.kind) {
      case 'alt':
        return n.branches.map((b) => b.map((x) => this.node(x)).join('')).join('|');
      case 'group':
        return this.group(n);
      case 'repeat':
        return this.node(n.node) + this.quant(n.min, n.max);
      case 'char':
        return this.char(n.code);
      case 'dot':
        return `[^${this.setBody(LINE_END)}]`;
      case 'perl':
        return this.klass(false, [{ kind: 'perl', name: n.name }]);
      case 'class':
        return this.klass(n.negate, n.items);
      case 'assert':
        return this.assert(n.what);
      case 'backref':
        if (this.flavor !== 'are') throw new RegexUnsupported('a back-reference');
        if (this.hasLook) throw new RegexUnsupported('a back-reference next to a lookaround');
        this.hasBackref = true;
        return `\\${n.n}`;
    }
  }

  private group(n: Extract<RegexNode, { kind: 'group' }>): string {
    if (n.look) {
      if (this.flavor !== 'are') throw new RegexUnsupported(n.look.endsWith('behind') ? 'a lookbehind' : 'a lookahead');
      if (this.hasBackref) throw new RegexUnsupported('a lookaround next to a back-reference');
      this.hasLook = true;
      const open = { ahead: '(?=', nahead: '(?!', behind: '(?<=', nbehind: '(?<!' }[n.look];
      return `${open}${this.node(n.body)})`;
    }
    return `(${this.node(n.body)})`;
  }

  private quant(min: number, max: number | null): string {
    if (min > LIMIT[this.flavor] || (max ?? 0) > LIMIT[this.flavor]) throw new RegexUnsupported(`a repeat count above ${LIMIT[this.flavor]}`);
    if (min === 0 && max === null) return '*';
    if (min === 1 && max === null) return '+';
    if (min === 0 && max === 1) return '?';
    if (max === min) return `{${min}}`;
    return `{${min},${max ?? ''}}`;
  }

  private assert(what: 'start' | 'end' | 'word' | 'nonword'): string {
    if (what === 'start') return '^';
    if (what === 'end') return '$';
    if (this.flavor !== 'are') return what === 'word' ? '\\b' : '\\B';
    // ARE's \y counts every letter of the locale as a word character; JavaScript's \b counts [A-Za-z0-9_] only.
    const w = `[${this.setBody(WORD)}]`;
    return what === 'word' ? `(?:(?<=${w})(?!${w})|(?<!${w})(?=${w}))` : `(?:(?<=${w})(?=${w})|(?<!${w})(?!${w}))`;
  }

  /** A class as JavaScript reads it; negated Perl classes inside it become an alternation. */
  private klass(negate: boolean, items: ClassItem[]): string {
    const ranges: [number, number][] = [];
    const complements: [number, number][][] = [];
    for (const it of items) {
      if (it.kind === 'range') ranges.push([it.lo, it.hi]);
      else if (it.name === 'd' || it.name === 'w' || it.name === 's') ranges.push(...PERL_SETS[it.name]);
      else complements.push(PERL_SETS[it.name.toLowerCase() as 'd' | 'w' | 's']);
    }
    if (!complements.length) {
      if (!ranges.length) {
        if (!negate) throw new RegexUnsupported('an empty class [] (it never matches)');
        return this.flavor === 're2' ? '(?s:.)' : this.flavor === 'are' ? '.' : '(.|\\n)';
      }
      return `[${negate ? '^' : ''}${this.setBody(ranges)}]`;
    }
    const parts = [...(ranges.length ? [`[${this.setBody(ranges)}]`] : []), ...complements.map((c) => `[^${this.setBody(c)}]`)];
    if (!negate) return parts.length === 1 ? parts[0]! : `(${parts.join('|')})`;
    if (!ranges.length && complements.length === 1) return `[${this.setBody(complements[0]!)}]`;
    if (this.flavor !== 'are') throw new RegexUnsupported('a negated class holding \\D, \\W or \\S');
    this.hasLook = true;
    const ahead = complements.map((c) => `(?=[${this.setBody(c)}])`).join('');
    return ranges.length ? `(?:(?![${this.setBody(ranges)}])${ahead}.)` : `(?:${ahead}.)`;
  }

  private setBody(ranges: [number, number][]): string {
    if (this.flavor === 'posix') return this.posixSetBody(ranges);
    return ranges.map(([lo, hi]) => (lo === hi ? this.classChar(lo) : `${this.classChar(lo)}-${this.classChar(hi)}`)).join('');
  }

  /**
   * POSIX brackets have no escapes: `]` goes first, `-` last, `^` anywhere but first; a backslash
   * is written twice, which is one backslash whether the engine reads it POSIX- or Perl-style.
   */
  private posixSetBody(ranges: [number, number][]): string {
    const special = (c: number) => c === 0x5d || c === 0x2d || c === 0x5e || c === 0x5b;
    let close = false;
    let dash = false;
    let caret = false;
    const body: string[] = [];
    for (const [lo, hi] of ranges) {
      if (lo === hi && special(lo)) {
        if (lo === 0x5d) close = true;
        else if (lo === 0x2d) dash = true;
        else if (lo === 0x5e) caret = true;
        else body.push('[');
        continue;
      }
      if (special(lo) || special(hi)) throw new RegexUnsupported('a class range that starts or ends with ], -, ^ or [');
      const one = (c: number) => (c === 0x5c ? '\\\\' : String.fromCharCode(c));
      body.push(lo === hi ? one(lo) : `${one(lo)}-${one(hi)}`);
    }
    // `[^]` or `[^-]` would read as a negation: a class of only ^ (and -) has no POSIX spelling
    if (caret && !close && !body.length) throw new RegexUnsupported('a class of only ^');
    if (caret) body.push('^');
    return `${close ? ']' : ''}${body.join('')}${dash ? '-' : ''}`;
  }

  private char(code: number): string {
    const ch = String.fromCharCode(code);
    if (/[A-Za-z0-9 ]/.test(ch)) return ch;
    if (code >= 0xd800 && code <= 0xdfff) throw new RegexUnsupported('a character outside the Basic Multilingual Plane');
    if (code > 0x20 && code < 0x7f) {
      // Only metacharacters are escaped: POSIX leaves `\,` undefined, and the rest reads easier.
      return /[.[\]()*+?{}|^$\\]/.test(ch) ? `\\${ch}` : ch;
    }
    return this.codePoint(code);
  }

  private classChar(code: number): string {
    const ch = String.fromCharCode(code);
    if (/[A-Za-z0-9 ]/.test(ch)) return ch;
    if (code >= 0xd800 && code <= 0xdfff) throw new RegexUnsupported('a character outside the Basic Multilingual Plane');
    if (code > 0x20 && code < 0x7f) return /[\]\\^\-[]/.test(ch) ? `\\${ch}` : ch;
    return this.codePoint(code);
  }

  private codePoint(code: number): string {
    const hex = code.toString(16).toUpperCase();
    if (this.flavor === 're2') return `\\x{${hex}}`;
    if (this.flavor === 'are') return `\\u${hex.padStart(4, '0')}`;
    return String.fromCharCode(code); // the string literal escapes what SQL cannot hold raw
  }
}
