import type { z } from 'zod';
import type { Problem } from '../errors.js';
import { parseQuick } from '../schemas/quick/index.js';
import { issuesToProblems, type PathProblem } from './issues.js';
import { locateProblems, parseWithPositions } from './locate.js';
import { readYaml } from './read.js';

export type Loaded<T> = { ok: true; data: T; text: string; warnings: Problem[] } | { ok: false; problems: Problem[] };

/** A semantic check of parsed data; problems carry data paths. */
export type DataCheck<T> = (data: T) => PathProblem[];

/**
 * Reads a workspace YAML file through the one pipeline (`readYaml`), then its schema and checks.
 * A clean file read by the fast reader is never parsed with positions; only when something is
 * wrong is it parsed to say where.
 */
export function loadYaml<T>(file: string, bytes: Uint8Array, schema: z.ZodType<T>, check?: DataCheck<T>): Loaded<T> {
  const read = readYaml(file, bytes);
  if (!read.ok) return read;
  const { text, value } = read;
  const quick = parseQuick(schema, value);
  if (quick.success) {
    const found = check ? check(quick.data) : [];
    if (found.length === 0) return { ok: true, data: quick.data, text, warnings: [] };
  }
  // Again, reporting input: issue messages quote the offending value.
  const result = schema.safeParse(value, { reportInput: true });
  const found = result.success ? (check ? check(result.data) : []) : issuesToProblems(result.error.issues);
  const placed = read.locate(found);
  if (!placed.ok) return placed;
  const { problems } = placed;
  if (!result.success || problems.some((p) => p.severity !== 'warning')) return { ok: false, problems };
  return { ok: true, data: result.data, text, warnings: problems };
}

/** Places problems found across files (by data path) in one file's text. */
export function locateInText(file: string, text: string, found: PathProblem[]): Problem[] {
  if (!found.length) return [];
  const parsed = parseWithPositions(file, text);
  return parsed.problems.length ? parsed.problems : locateProblems(file, parsed, found);
}
