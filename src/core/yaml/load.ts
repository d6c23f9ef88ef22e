import jsyaml from 'js-yaml';
import type { z } from 'zod';
import type { Problem } from '../errors.js';
import { decodeYamlBytes } from './decode.js';
import { BAIL, fastParse as fastSubsetParse } from './fast-parse.js';
import { issuesToProblems, type PathProblem } from './issues.js';
import { locateProblems, MAX_ALIASES, parseWithPositions } from './locate.js';

export type Loaded<T> = { ok: true; data: T; text: string; warnings: Problem[] } | { ok: false; problems: Problem[] };

/** A semantic check of parsed data; problems carry data paths. */
export type DataCheck<T> = (data: T) => PathProblem[];

/**
 * Reads a workspace YAML file. Clean files take the fast path (js-yaml, no positions);
 * only when something is wrong is the file parsed again with positions to say where.
 */
export function loadYaml<T>(file: string, bytes: Uint8Array, schema: z.ZodType<T>, check?: DataCheck<T>): Loaded<T> {
  const decoded = decodeYamlBytes(file, bytes);
  if (!decoded.ok) return { ok: false, problems: [decoded.problem] };
  const { text } = decoded;
  const fast = fastParse(text);
  if (fast.ok && fast.value == null) return { ok: false, problems: [emptyFile(file)] };
  if (fast.ok) {
    const result = schema.safeParse(fast.value);
    if (result.success) {
      const found = check ? check(result.data) : [];
      if (found.length === 0) return { ok: true, data: result.data, text, warnings: [] };
    }
  }
  return slowPath(file, text, schema, check);
}

function fastParse(text: string): { ok: true; value: unknown } | { ok: false } {
  const quick = fastSubsetParse(text);
  if (quick !== BAIL) return { ok: true, value: quick };
  // Anchors and aliases go the slow way, where their expansion is counted.
  if (text.includes('&') || text.includes('*')) return { ok: false };
  try {
    return { ok: true, value: jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA, json: false }) };
  } catch {
    return { ok: false };
  }
}

function slowPath<T>(file: string, text: string, schema: z.ZodType<T>, check?: DataCheck<T>): Loaded<T> {
  const parsed = parseWithPositions(file, text);
  if (parsed.problems.length) return { ok: false, problems: parsed.problems };
  let value: unknown;
  try {
    value = parsed.doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (e) {
    return {
      ok: false,
      problems: [{ file, line: 1, col: 1, message: `YAML aliases expand too much: ${(e as Error).message}`, hint: `aliases may expand at most ${MAX_ALIASES} times; write the values out` }],
    };
  }
  if (value === null || value === undefined) return { ok: false, problems: [emptyFile(file)] };
  const result = schema.safeParse(value, { reportInput: true });
  const found = result.success ? (check ? check(result.data) : []) : issuesToProblems(result.error.issues);
  const problems = locateProblems(file, parsed, found);
  if (!result.success || problems.some((p) => p.severity !== 'warning')) return { ok: false, problems };
  return { ok: true, data: result.data, text, warnings: problems };
}

function emptyFile(file: string): Problem {
  return { file, line: 1, col: 1, message: 'file is empty', hint: 'restore it from git (`git checkout -- FILE`) or write its content' };
}

/** Places problems found across files (by data path) in one file's text. */
export function locateInText(file: string, text: string, found: PathProblem[]): Problem[] {
  return found.length ? locateProblems(file, parseWithPositions(file, text), found) : [];
}
