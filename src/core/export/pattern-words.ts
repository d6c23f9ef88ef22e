import { parseJsRegex, type RegexNode } from '../regex/parse.js';

/** How a described pattern meets the text: as a whole word, anywhere, at either end, or as the whole value. */
export type PatternHow = 'mentions' | 'contains' | 'starts with' | 'ends with' | 'is';

export interface PatternWords {
  how: PatternHow;
  /** The words it looks for, as written (matching ignores case). */
  texts: string[];
}

/** More alternatives than this read worse as a list than as the pattern itself. */
const MAX_TEXTS = 12;

/** The anchors at a branch's ends (`\b`, `^`, `$`, or none) and what they make of its words. */
const HOW: Record<string, PatternHow> = {
  'word/word': 'mentions',
  '/': 'contains',
  'start/': 'starts with',
  '/end': 'ends with',
  'start/end': 'is',
};

/**
 * A `matches` pattern as the words it looks for, when it is only that: `\b(vp|director)\b`
 * mentions "vp" or "director", `^info@` starts with "info@", `c[eit]o` contains "ceo", "cio"
 * or "cto". Null for anything that does not read as a short list of words (repeats, wildcards,
 * lookarounds, mixed anchors); the export then quotes the pattern instead.
 */
export function patternInWords(source: string): PatternWords | null {
  let root: RegexNode;
  try {
    root = parseJsRegex(source);
  } catch {
    return null;
  }
  return root.kind === 'alt' ? branchesInWords(root.branches) : branchesInWords([[root]]);
}

function branchesInWords(branches: RegexNode[][]): PatternWords | null {
  let how: PatternHow | undefined;
  const texts: string[] = [];
  for (const branch of branches) {
    const one = branchInWords(branch);
    if (!one || (how !== undefined && one.how !== how)) return null;
    how = one.how;
    for (const t of one.texts) if (!texts.some((x) => x.toLowerCase() === t.toLowerCase())) texts.push(t);
    if (texts.length > MAX_TEXTS) return null;
  }
  return how === undefined ? null : { how, texts };
}

function branchInWords(seq: RegexNode[]): PatternWords | null {
  const only = seq.length === 1 ? seq[0]! : null;
  // `(\bvp\b|\bdirector\b)`: a group that is the whole branch is read as its own branches.
  if (only?.kind === 'group' && only.look === undefined && only.body.kind === 'alt') return branchesInWords(only.body.branches);
  const first = seq[0];
  const last = seq[seq.length - 1];
  const lead = first?.kind === 'assert' ? first.what : '';
  const trail = seq.length > (lead ? 1 : 0) && last?.kind === 'assert' ? last.what : '';
  const how = HOW[`${lead}/${trail}`];
  if (!how) return null;
  const texts = literals(seq.slice(lead ? 1 : 0, trail ? -1 : seq.length));
  if (!texts || texts.some((t) => t.trim() === '')) return null;
  return { how, texts: texts.map((t) => t.trim()) };
}

/** Every text a sequence matches, when it is a short list of plain texts; null otherwise. */
function literals(seq: RegexNode[]): string[] | null {
  let out: string[] = [''];
  for (const node of seq) {
    const options = nodeTexts(node);
    if (!options) return null;
    out = out.flatMap((head) => options.map((tail) => head + tail));
    if (out.length > MAX_TEXTS) return null;
  }
  return out;
}

function nodeTexts(node: RegexNode): string[] | null {
  switch (node.kind) {
    case 'char':
      return node.code >= 0x20 && node.code !== 0x7f ? [String.fromCharCode(node.code)] : null;
    case 'perl':
      return node.name === 's' ? [' '] : null;
    case 'group':
      if (node.look !== undefined || node.body.kind !== 'alt') return null;
      return union(node.body.branches.map(literals));
    case 'class':
      return classTexts(node);
    case 'repeat':
      // `\s+` between words reads as a space; `s?` as the word with and without it.
      if (node.node.kind === 'perl' && node.node.name === 's' && node.min >= 1) return [' '];
      if (node.min === 0 && node.max === 1) return union([[''], nodeTexts(node.node)]);
      return null;
    default:
      return null;
  }
}

function union(lists: (string[] | null)[]): string[] | null {
  if (lists.some((l) => l === null)) return null;
  const out = (lists as string[][]).flat();
  return out.length > MAX_TEXTS ? null : out;
}

/** `[eit]` as e, i, t: a few letters or digits, case folded (matching ignores case). */
function classTexts(node: Extract<RegexNode, { kind: 'class' }>): string[] | null {
  if (node.negate) return null;
  const chars = new Set<string>();
  for (const item of node.items) {
    if (item.kind !== 'range' || item.hi - item.lo > MAX_TEXTS) return null;
    for (let c = item.lo; c <= item.hi; c++) {
      const ch = String.fromCharCode(c);
      if (!/[a-z0-9]/i.test(ch)) return null;
      chars.add(ch.toLowerCase());
    }
  }
  return chars.size && chars.size <= MAX_TEXTS ? [...chars] : null;
}
