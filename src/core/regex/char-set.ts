import { LINE_END, PERL_SETS, type Ranges } from './classes.js';
import type { ClassItem, RegexNode } from './parse.js';

/**
 * The UTF-16 code units one character of a pattern can match, as matched with the `i` flag
 * (which `matches` always sets): sorted, disjoint ranges, flattened `[lo, hi, lo, hi, …]`.
 */
export type CharSet = readonly number[];

const TOP = 0xffff;

function normalize(ranges: Ranges): number[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [lo, hi] of sorted) {
    if (out.length && lo <= out[out.length - 1]! + 1) out[out.length - 1] = Math.max(out[out.length - 1]!, hi);
    else out.push(lo, hi);
  }
  return out;
}

function pairs(set: CharSet): Ranges {
  const out: Ranges = [];
  for (let k = 0; k < set.length; k += 2) out.push([set[k]!, set[k + 1]!]);
  return out;
}

function complement(set: CharSet): number[] {
  const out: number[] = [];
  let next = 0;
  for (let k = 0; k < set.length; k += 2) {
    if (set[k]! > next) out.push(next, set[k]! - 1);
    next = set[k + 1]! + 1;
  }
  if (next <= TOP) out.push(next, TOP);
  return out;
}

/**
 * With `i`, an ASCII letter also matches its other case. ASCII and non-ASCII never match each
 * other without the `u` flag (JavaScript's Canonicalize keeps `ſ` and the Kelvin sign apart
 * from `s` and `k`), so ASCII is folded here and non-ASCII in `foldsTogether`.
 */
function foldAscii(set: CharSet): number[] {
  const extra: Ranges = [];
  for (const [lo, hi] of pairs(set)) {
    for (const [from, to, shift] of [[0x41, 0x5a, 32], [0x61, 0x7a, -32]] as const) {
      const a = Math.max(lo, from);
      const b = Math.min(hi, to);
      if (a <= b) extra.push([a + shift, b + shift]);
    }
  }
  return extra.length ? normalize([...pairs(set), ...extra]) : [...set];
}

function itemRanges(items: readonly ClassItem[]): Ranges {
  return items.flatMap((it): Ranges => {
    if (it.kind === 'range') return [[it.lo, it.hi]];
    const base = PERL_SETS[it.name.toLowerCase() as 'd' | 'w' | 's'];
    return it.name === it.name.toLowerCase() ? base : pairs(complement(normalize(base)));
  });
}

/**
 * What a character node matches, `i` applied. A negated class excludes the ASCII case partners of
 * what it lists but keeps the non-ASCII ones (`[^é]` is taken to match `É`): a set too large only
 * makes the check more careful.
 */
export function charSetOf(node: Extract<RegexNode, { kind: 'char' | 'dot' | 'perl' | 'class' }>): CharSet {
  switch (node.kind) {
    case 'char':
      return foldAscii([node.code, node.code]);
    case 'dot':
      return complement(normalize(LINE_END));
    case 'perl':
      return foldAscii(normalize(itemRanges([node])));
    case 'class': {
      const listed = foldAscii(normalize(itemRanges(node.items)));
      return node.negate ? complement(listed) : listed;
    }
  }
}

function intersects(a: CharSet, b: CharSet): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i + 1]! < b[j]!) i += 2;
    else if (b[j + 1]! < a[i]!) j += 2;
    else return true;
  }
  return false;
}

const hasNonAscii = (set: CharSet): boolean => set.length > 0 && set[set.length - 1]! >= 0x80;

/** Whether one character can match both sets. */
export function overlaps(a: CharSet, b: CharSet): boolean {
  return intersects(a, b) || (hasNonAscii(a) && hasNonAscii(b) && foldsTogether(nonAscii(a), nonAscii(b)));
}

function nonAscii(set: CharSet): number[] {
  const out: number[] = [];
  for (let k = 0; k < set.length; k += 2) if (set[k + 1]! >= 0x80) out.push(Math.max(set[k]!, 0x80), set[k + 1]!);
  return out;
}

const size = (set: CharSet): number => pairs(set).reduce((n, [lo, hi]) => n + hi - lo + 1, 0);
const hex = (c: number): string => `\\u${c.toString(16).padStart(4, '0')}`;

/**
 * Whether `i` makes a character of one set match one of the other: asked of JavaScript's own
 * matcher, which applies its case folding (whatever Unicode version it has), by running the
 * larger set as a class over the smaller set written out.
 */
function foldsTogether(a: CharSet, b: CharSet): boolean {
  const [small, large] = size(a) <= size(b) ? [a, b] : [b, a];
  const klass = new RegExp(`[${pairs(large).map(([lo, hi]) => `${hex(lo)}-${hex(hi)}`).join('')}]`, 'i');
  const chars: string[] = [];
  for (const [lo, hi] of pairs(small)) for (let c = lo; c <= hi; c++) chars.push(String.fromCharCode(c));
  return klass.test(chars.join(''));
}
