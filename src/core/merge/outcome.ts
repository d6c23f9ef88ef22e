import { deepEqual } from '../yaml/splice.js';
import { validateOutcome, type Outcome } from '../workshop/outcome.js';
import type { WorkshopInput } from '../workshop/types.js';
import { merge3, pathText, type Conflict, type Side } from './three-way.js';

/** The workspace files a workshop changes besides its new session file, and where the outcome holds each. */
export const MERGED_FILES = { 'goals.yaml': 'goals', 'rubric.yaml': 'rubric', 'align.yaml': 'config' } as const;
export type MergedFile = keyof typeof MERGED_FILES;

/** A file's data as the session started from it and as it is now; undefined where there was no file. */
export type Versions = Record<MergedFile, { base: unknown; theirs: unknown }>;

/** A conflict in one file; with `problems`, the file as merged is invalid and is chosen as a whole. */
export interface FileConflict extends Conflict {
  file: MergedFile;
  problems?: string[];
}

export function conflictKey(c: FileConflict): string {
  return `${c.file}:${c.problems ? '(invalid)' : pathText(c.path)}`;
}

export interface OutcomeMerge {
  outcome: Outcome;
  /** Conflicts with no side chosen yet. */
  open: FileConflict[];
  /** Their changes taken where the session had not changed the value. */
  kept: FileConflict[];
}

/**
 * The session's outcome (ours: the files as it started from them, with its changes) merged
 * onto the files as they are now (theirs), value by value. A conflict takes the side `chosen`
 * names; one not chosen yet is listed in `open`. A file that the merge leaves invalid is a
 * conflict of the whole file: theirs drops the session's changes to it, ours writes the session's.
 */
export function mergeOutcome(o: Outcome, input: WorkshopInput, versions: Versions, chosen: Record<string, Side>): OutcomeMerge {
  const open: FileConflict[] = [];
  const kept: FileConflict[] = [];
  const merged: Outcome = { ...o };
  const wholes: FileConflict[] = [];
  for (const [file, key] of Object.entries(MERGED_FILES) as [MergedFile, (typeof MERGED_FILES)[MergedFile]][]) {
    const ours = o[key];
    const { base, theirs } = versions[file];
    if (ours === undefined || deepEqual(base, theirs)) continue;
    const r = merge3(base, ours, theirs, (c) => chosen[conflictKey({ ...c, file })]);
    kept.push(...r.kept.map((c) => ({ ...c, file })));
    open.push(...r.conflicts.map((c) => ({ ...c, file })).filter((c) => !(conflictKey(c) in chosen)));
    setFile(merged, key, r.value);
    wholes.push({ file, path: [], base, theirs, ours });
  }
  if (open.length) return { outcome: merged, open, kept };
  // Checked as `align validate` checks them, against the members as they are now.
  const now = { ...input, config: (merged.config ?? versions['align.yaml'].theirs ?? input.config) as WorkshopInput['config'] };
  const problems = validateOutcome(merged, now);
  for (const whole of wholes) {
    const mine = problems.filter((p) => p.file === whole.file).map((p) => `${p.path.join('.')}: ${p.message}`);
    if (!mine.length) continue;
    const c = { ...whole, problems: mine };
    const side = chosen[conflictKey(c)];
    if (side === undefined) open.push(c);
    else setFile(merged, MERGED_FILES[whole.file], side === 'ours' ? whole.ours : whole.theirs);
  }
  return { outcome: merged, open, kept };
}

function setFile(o: Outcome, key: (typeof MERGED_FILES)[MergedFile], value: unknown): void {
  if (value === undefined) delete o[key];
  else (o as unknown as Record<string, unknown>)[key] = value;
}
