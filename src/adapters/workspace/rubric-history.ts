import { commitsOf, readLogCache, shallowBoundary, versionsAt, writeLogCache } from '../git/history.js';
import type { Repo } from '../git/run.js';
import type { FileCommit, LogEntry } from '../../core/rubric/history/log.js';
import { cacheOf, replayCache, type LogCache } from '../../core/rubric/history/cache.js';
import { markMissingHistory } from '../../core/rubric/history/shallow.js';
import { RUBRIC_FILE } from './root.js';

export interface HistoryOptions {
  /** Only the newest N versions are wanted (the history reads one more: their base). */
  limit?: number;
  /** Called as versions the cache did not know are compared. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * The rubric's versions from git, oldest first, each compared with the readable version
 * before it: the one history routine of `rubric log`, `export` and `status`. One `git log`;
 * versions compared before come from the cache in the git folder, the rest from one
 * `git cat-file --batch`, and the cache is brought up to date for the versions there now.
 * In a shallow clone, the version where the clone's history stops is `history-missing`, never
 * `created`: the clone does not know what came before it.
 */
export async function rubricHistory(repo: Repo, opts: HistoryOptions = {}): Promise<LogEntry[]> {
  const { limit } = opts;
  const root = repo.dir;
  const commitsAsked = commitsOf(repo, RUBRIC_FILE);
  // The cache is read while git lists the commits.
  const cache = { data: readLogCache(root), dirty: false };
  const commits = await commitsAsked;
  // Asked now, answered while the versions are read and compared: one git process less to wait for.
  const boundaryAsked = commits.some((c) => c.root) ? shallowBoundary(repo) : Promise.resolve(new Set<string>());
  boundaryAsked.catch(() => {}); // its failure is met where it is awaited, not as an unhandled rejection meanwhile
  const known = new Set(commits.map((c) => c.blob ?? c.commit));
  // One version more than shown: the oldest shown is compared with the one before it.
  let count = limit === undefined ? commits.length : Math.min(commits.length, limit + 1);
  let entries = await entriesOf(commits.slice(0, count).reverse(), cache, repo, opts);
  // A broken or deleted version cannot be the base of a comparison: reach further back for a readable one.
  while (limit !== undefined && count < commits.length && entries.length > limit && !readable(entries[0]!)) {
    count = Math.min(commits.length, count + limit + 1);
    entries = await entriesOf(commits.slice(0, count).reverse(), cache, repo, opts);
  }
  if (cache.dirty) writeLogCache(root, { v: 3, entries: pruned(cache.data.entries, known) });
  // Marked after the cache is written: the cache says what a pair of blobs is, true in any clone.
  const boundary = await boundaryAsked;
  const marked = markMissingHistory(entries, boundary);
  return limit !== undefined && marked.length > limit ? marked.slice(marked.length - limit) : marked;
}

/** Entries for these versions (oldest first): what the cache knows, then the rest read and compared. */
async function entriesOf(versions: FileCommit[], cache: { data: LogCache; dirty: boolean }, repo: Repo, opts: HistoryOptions): Promise<LogEntry[]> {
  const replay = replayCache(versions, cache.data, RUBRIC_FILE);
  if (replay.next === versions.length) return replay.entries;
  // The YAML reader and the comparison are loaded only when the cache did not answer.
  const { buildLog, readVersion } = await import('../../core/rubric/history/log.js');
  const rest = versions.slice(replay.next);
  const fetched = await versionsAt(repo, RUBRIC_FILE, replay.base < 0 ? rest : [versions[replay.base]!, ...rest]);
  const base = replay.base < 0 ? undefined : readVersion(fetched.shift()!, RUBRIC_FILE);
  const progress = opts.onProgress;
  const computed = buildLog(fetched, RUBRIC_FILE, progress ? (n) => progress(n, rest.length) : undefined, base);
  const entries = [...replay.entries, ...computed];
  Object.assign(cache.data.entries, cacheOf(versions, entries).entries);
  cache.dirty = true;
  return entries;
}

/** Entries about blobs still in the history: a rewritten history does not grow the cache forever. */
function pruned(entries: LogCache['entries'], known: Set<string>): LogCache['entries'] {
  return Object.fromEntries(Object.entries(entries).filter(([k]) => known.has(k.slice(k.indexOf('>') + 1))));
}

function readable(e: LogEntry): boolean {
  return e.status !== 'broken' && e.status !== 'removed';
}
