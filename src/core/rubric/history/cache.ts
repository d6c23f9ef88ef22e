import type { FileCommit, LogEntry } from './log.js';

/** What a version's log entry says, apart from its commit: the same for the same pair of blobs. */
type CachedEntry = Omit<LogEntry, 'commit' | 'date' | 'author' | 'subject'>;

/** Entries keyed by "BASE>BLOB": the blob of the last readable version before it (empty for none), and its own. */
export interface LogCache {
  v: 1;
  entries: Record<string, CachedEntry>;
}

export interface Replay {
  /** Entries the cache answered, oldest first: versions[0 .. next-1]. */
  entries: LogEntry[];
  next: number;
  /** Index of the last readable version before `next` (the base of the next comparison), or -1. */
  base: number;
}

const readable = (status: LogEntry['status']) => status !== 'broken' && status !== 'removed';

/** Answers versions from the cache, oldest first, up to the first one it cannot answer. */
export function replayCache(versions: FileCommit[], cache: LogCache, path: string): Replay {
  const entries: LogEntry[] = [];
  let base = -1;
  for (const [i, v] of versions.entries()) {
    const meta = { commit: v.commit, date: v.date, author: v.author, subject: v.subject };
    if (v.blob === null) {
      entries.push({ ...meta, status: 'removed', changes: [], summary: `${path} deleted`, signedOffBy: null });
      base = -1;
      continue;
    }
    const hit = v.blob === undefined ? undefined : cache.entries[key(versions, base, v.blob)];
    if (!hit) return { entries, next: i, base };
    // The problem's file names the commit it was found in, which another commit with the same blob does not share.
    const problem = hit.problem ? { ...hit.problem, file: `${v.commit.slice(0, 7)}:${path}` } : undefined;
    entries.push({ ...meta, ...hit, ...(problem ? { problem } : {}) });
    if (readable(hit.status)) base = i;
  }
  return { entries, next: versions.length, base };
}

/** The cache for exactly these versions: what this run showed, so it never grows past the history. */
export function cacheOf(versions: FileCommit[], entries: LogEntry[]): LogCache {
  const out: LogCache = { v: 1, entries: {} };
  let base = -1;
  for (const [i, v] of versions.entries()) {
    const e = entries[i]!;
    if (v.blob === null) {
      base = -1;
      continue;
    }
    if (v.blob !== undefined) {
      const { commit: _c, date: _d, author: _a, subject: _s, ...rest } = e;
      out.entries[key(versions, base, v.blob)] = rest;
    }
    if (readable(e.status)) base = i;
  }
  return out;
}

function key(versions: FileCommit[], base: number, blob: string): string {
  return `${base < 0 ? '' : (versions[base]!.blob ?? versions[base]!.commit)}>${blob}`;
}
