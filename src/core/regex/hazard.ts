import { ambiguity, type Ambiguity } from './ambiguity.js';
import { parseJsRegex, RegexUnsupported, type RegexNode, type RepeatNode } from './parse.js';
import { buildModel, TooLarge } from './positions.js';
import { grouped } from '../text/numbers.js';

/**
 * The one check that a `matches` pattern cannot hang align. JavaScript's backtracking matcher
 * takes exponential time exactly when a pattern can match one text in exponentially many
 * ways, which `ambiguity.ts` finds and this refuses; it also refuses what is polynomial of a
 * high power (four loops that can share a text) or branches a million ways without a loop.
 * Patterns of low power (`.*vp.*`, `\d+\.\d+`, `.*vp.*sales.*`) pass: they are common, and fast
 * on CRM values. The rule and its figures: docs/limits.md.
 */
export interface RegexHazard {
  message: string;
  hint: string;
}

/**
 * States (characters once counted repeats are written out), and steps of work, a pattern may
 * take to check: the rubric patterns we know take under 2,000 steps, a 53-title alternation
 * between two `.*` 58,000.
 */
const BUDGET = { states: 2_000, steps: 200_000 };

const FIX_HINT = 'let each piece of text match one way only: `(a+)+` → `a+`, `(\\w|\\d)+` → `\\w+`, `(\\w+\\s?)*` → `(\\w+\\s)*\\w*`';

export function regexHazard(source: string): RegexHazard | undefined {
  let tree: RegexNode;
  try {
    tree = parseJsRegex(source);
  } catch (e) {
    if (!(e instanceof RegexUnsupported)) throw e;
    return {
      message: `align cannot check the regular expression ${shown(source)} for exponential time: it uses ${e.message}`,
      hint: 'write that part another way: a character by its code as \\xHH or \\uHHHH, a back-reference by number (\\1), groups at most 100 deep',
    };
  }
  const budget = { ...BUDGET };
  try {
    // The pattern, then each lookaround's own pattern: a lookaround runs its own search.
    const queue = [tree];
    const seen = new Set<RegexNode>(queue);
    for (let k = 0; k < queue.length; k++) {
      const model = buildModel(queue[k]!, tree, budget);
      for (const look of model.lookarounds.filter((l) => !seen.has(l))) {
        queue.push(look);
        seen.add(look);
      }
      const found = ambiguity(model, budget);
      if (found) return describe(found, source);
    }
    return undefined;
  } catch (e) {
    if (!(e instanceof TooLarge)) throw e;
    return {
      message: `the regular expression ${shown(source)} is too large for align to check for exponential time (more than ${grouped(BUDGET.states)} characters once counted repeats are written out, or too many ways to compare)`,
      hint: 'use smaller counts (`.{0,100}` rather than `.{0,5000}`), or split it into several `matches` conditions under `all` or `any`',
    };
  }
}

function describe(found: Ambiguity, source: string): RegexHazard {
  if (found.kind === 'branching') {
    return {
      message: `the regular expression ${shown(source)} can take too long: its parts, one after another, can match the same text in so many combinations (2^${Math.floor(found.bits)} or more) that a value that does not match takes seconds`,
      hint: FIX_HINT,
    };
  }
  if (found.kind === 'power') {
    return {
      message: `the regular expression ${shown(source)} can take too long: ${found.degree + 1} of its repeats, one after another, can share out the same text between them, so the time grows as a power of the value's length (seconds for a few hundred characters)`,
      hint: 'let neighbouring repeats match different characters (`[^,]*,` rather than `.*,`, `\\w+\\s+\\w+` rather than `\\w+\\s*\\w+`), or split it into several `matches` conditions under `all`',
    };
  }
  const at = innermostCommon(found.chains);
  const part = at ? `\`${clip(source.slice(at.at, at.end))}\` (from character ${at.at + 1})` : 'it';
  return {
    message: `the regular expression ${shown(source)} can take exponential time: ${part} can match the same text in more than one way, and every way is tried before a value fails to match, so the time doubles with each character`,
    hint: FIX_HINT,
  };
}

/** The innermost repeat that holds every state and loop of the ways found: the part to rewrite. */
function innermostCommon(chains: RepeatNode[][]): RepeatNode | undefined {
  let common = chains[0] ?? [];
  for (const chain of chains) {
    let k = 0;
    while (k < common.length && k < chain.length && common[k] === chain[k]) k++;
    common = common.slice(0, k);
  }
  return common[common.length - 1];
}

const clip = (text: string): string => (text.length > 60 ? `${text.slice(0, 59)}…` : text);
const shown = (source: string): string => `/${clip(source)}/`;
