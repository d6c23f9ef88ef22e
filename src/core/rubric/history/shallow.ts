import type { LogEntry } from './log.js';

// Apart from log.ts so that a log the cache answers still loads no YAML reader.

/** What to do about history a shallow clone does not have. */
export const FETCH_HISTORY_HINT = 'this is a shallow clone, so older commits are missing: fetch them with `git fetch --unshallow` (in GitHub Actions: actions/checkout with fetch-depth: 0)';

/**
 * The versions at commits where a shallow clone's history stops: what came before is not in
 * the clone, so such a version is not "created" there, and its changes are not known.
 */
export function markMissingHistory(entries: LogEntry[], boundary: ReadonlySet<string>): LogEntry[] {
  if (boundary.size === 0) return entries;
  return entries.map((e) =>
    boundary.has(e.commit) && e.status !== 'broken'
      ? { ...e, status: 'history-missing', changes: [], summary: `history before this commit is missing (shallow clone)${e.status === 'created' ? e.summary.replace(/^created:/, '; here:') : ''}` }
      : e,
  );
}

/** What to tell the user when the history shown stops at a shallow clone's edge, or undefined. */
export function missingHistoryWarning(entries: readonly LogEntry[], path: string): string | undefined {
  const cut = entries.filter((e) => e.status === 'history-missing');
  if (cut.length === 0) return undefined;
  const at = cut.map((e) => e.commit.slice(0, 7)).join(', ');
  return `warning: ${path}'s history before ${at} is missing, so what changed there and earlier is not shown; ${FETCH_HISTORY_HINT}`;
}
