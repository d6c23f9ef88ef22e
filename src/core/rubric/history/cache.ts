import type { FileCommit, LogEntry } from './log.js';
import type { RubricChange } from '../diff/diff.js';

/**
 * What a version's log entry says, apart from its commit: the same for the same pair of blobs.
 * Its changes are kept as their JSON text: the JSON log writes that text as it is and only the
 * text log parses it, so a warm `--format json` neither builds nor re-serializes them.
 */
type CachedEntry = Omit<LogEntry, 'commit' | 'date' | 'author' | 'subject' | 'changes'> & { changes: string };

/** Entries keyed by "BASE>BLOB": the blob of the last readable version before it (empty for none), and its own. */
export interface LogCache {
  v: 3;
  entries: Record<string, CachedEntry>;
}

/** The JSON text of an entry's changes, by entry, for the entries replayed from the cache. */
const CHANGES_JSON = new WeakMap<LogEntry, string>();

/**
 * An entry's changes as JSON text: the cache's text for an entry it answered, else written now.
 * An entry copied with other changes (`{ ...e, changes: [] }`) is another object, so never gets stale text.
 */
export function changesJson(e: LogEntry): string {
  let json = CHANGES_JSON.get(e);
  if (json === undefined) {
    // Written once: a cold run writes it to the cache and to a JSON log. Entries are never changed once made.
    json = JSON.stringify(e.changes);
    CHANGES_JSON.set(e, json);
  }
  return json;
}

/** A replayed entry whose changes are parsed from the cache's text only when something reads them. */
function replayed(fields: Omit<LogEntry, 'changes'>, json: string): LogEntry {
  let changes: RubricChange[] | undefined;
  const entry = Object.defineProperty(fields, 'changes', { enumerable: true, get: () => (changes ??= JSON.parse(json) as RubricChange[]) }) as LogEntry;
  CHANGES_JSON.set(entry, json);
  return entry;
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
    const { changes, ...rest } = hit;
    const problem = hit.problem ? { ...hit.problem, file: `${v.commit.slice(0, 7)}:${path}` } : undefined;
    entries.push(replayed({ ...meta, ...rest, ...(problem ? { problem } : {}) }, changes));
    if (readable(hit.status)) base = i;
  }
  return { entries, next: versions.length, base };
}

/** The cache for exactly these versions: what this run showed, so it never grows past the history. */
export function cacheOf(versions: FileCommit[], entries: LogEntry[]): LogCache {
  const out: LogCache = { v: 3, entries: {} };
  let base = -1;
  for (const [i, v] of versions.entries()) {
    const e = entries[i]!;
    if (v.blob === null) {
      base = -1;
      continue;
    }
    if (v.blob !== undefined) {
      // Field by field: a rest copy would read `changes`, parsing a replayed entry's text for nothing.
      const { status, summary, signedOffBy, problem } = e;
      out.entries[key(versions, base, v.blob)] = { status, summary, signedOffBy, ...(problem ? { problem } : {}), changes: changesJson(e) };
    }
    if (readable(e.status)) base = i;
  }
  return out;
}

function key(versions: FileCommit[], base: number, blob: string): string {
  return `${base < 0 ? '' : (versions[base]!.blob ?? versions[base]!.commit)}>${blob}`;
}

/**
 * The cache as text, one entry a line: its key, its fields as JSON, and its changes' JSON text
 * as it is, apart by tabs (JSON text holds no tab and no line break), then a last line with the
 * count. Read back, the changes' text is a slice of the line: not a JSON string to unescape,
 * which is what a warm `--format json` spent most of its reading on.
 */
export function logCacheText(cache: LogCache): string {
  const lines = [`v${cache.v}`];
  for (const [k, { changes, ...fields }] of Object.entries(cache.entries)) lines.push(`${k}\t${JSON.stringify(fields)}\t${changes}`);
  lines.push(`end ${lines.length - 1}`);
  return `${lines.join('\n')}\n`;
}

/** The cache from its text, or null when it is not one this version wrote whole (torn, another format). */
export function parseLogCache(text: string): LogCache | null {
  const lines = text.split('\n');
  if (lines[0] !== 'v3' || lines.at(-1) !== '' || lines.at(-2) !== `end ${lines.length - 3}`) return null;
  const entries: Record<string, CachedEntry> = {};
  try {
    for (let i = 1; i < lines.length - 2; i++) {
      const line = lines[i]!;
      const a = line.indexOf('\t');
      const b = line.indexOf('\t', a + 1);
      if (a < 0 || b < 0) return null;
      const fields = JSON.parse(line.slice(a + 1, b)) as Omit<CachedEntry, 'changes'>;
      if (typeof fields !== 'object' || fields === null || typeof fields.status !== 'string') return null;
      entries[line.slice(0, a)] = { ...fields, changes: line.slice(b + 1) };
    }
  } catch {
    return null;
  }
  return { v: 3, entries };
}
