import type { Problem } from '../errors.js';
import { grouped } from '../text/numbers.js';

/**
 * What align reads in one YAML file (a workspace file, a template, an answers file, a rubric named
 * on the command line). Every file is written by hand for people; past these it is a mistake or an
 * attack, and reading further would only cost time, memory or the stack. docs/limits.md says why.
 */
export const MAX_FILE_BYTES = 1024 * 1024;
/** Lists and mappings inside each other: the readers, the schema and the checks all recurse. */
export const MAX_DEPTH = 64;
/** Keys of one mapping. */
export const MAX_KEYS = 1000;
/** Items of one list. */
export const MAX_ITEMS = 10_000;
/**
 * Anchors (&a), aliases (*a) and tags (!t) of one file, together. Workspace files have next to none;
 * `yaml` looks every alias up among all of them, so their number squared is its time.
 */
export const MAX_MARKS = 1000;
/** Problems listed for one file; past them the rest are counted, and a syntax error past them stops the reading. */
export const MAX_PROBLEMS = 100;

export type LimitKind = 'depth' | 'keys' | 'items' | 'marks';

const n = grouped;

const WORDS: Record<LimitKind, { message: string; hint: string }> = {
  depth: {
    message: `lists and mappings nested more than ${MAX_DEPTH} levels deep`,
    hint: `align reads at most ${MAX_DEPTH} levels of lists and mappings inside each other (an alias counts as what it stands for); flatten the data, or look for a bracket that is never closed`,
  },
  keys: {
    message: `a mapping with more than ${n(MAX_KEYS)} keys`,
    hint: `align reads at most ${n(MAX_KEYS)} keys in one mapping; split the data, or check that this is the file you meant`,
  },
  marks: {
    message: `more than ${n(MAX_MARKS)} anchors, aliases and tags`,
    hint: `align reads at most ${n(MAX_MARKS)} anchors (&), aliases (*) and tags (!) in one file; write the values out`,
  },
  items: {
    message: `a list with more than ${n(MAX_ITEMS)} items`,
    hint: `align reads at most ${n(MAX_ITEMS)} items in one list; split the data, or check that this is the file you meant`,
  },
};

/** The problem for a file over a nesting or count limit, at the place the limit is passed. */
export function limitProblem(file: string, kind: LimitKind, at: { line: number; col: number }): Problem {
  return { file, line: at.line, col: at.col, ...WORDS[kind] };
}

/** The problem for a file over the size limit; `size` is null when it was not known before reading (a file still growing). */
export function sizeProblem(file: string, size: number | null, max = MAX_FILE_BYTES): Problem {
  const is = size === null ? 'file is' : `file is ${size} bytes,`;
  const limit = max === MAX_FILE_BYTES ? `the ${MAX_FILE_BYTES}-byte limit (1 MiB) for YAML files` : `the ${max}-byte limit for this file`;
  return { file, line: 1, col: 1, message: `${is} over ${limit}`, hint: 'split it, or check that it is the file you meant' };
}
