import { requireWorkspaceRoot } from '../../adapters/workspace/root.js';
import type { Context } from '../../adapters/context.js';
import { UserError } from '../../core/errors.js';
import { commitsOf, readLogCache, versionsAt, writeLogCache } from '../../adapters/git/history.js';
import type { FileCommit, LogEntry } from '../../core/rubric/history/log.js';
import { cacheOf, replayCache, type LogCache } from '../../core/rubric/history/cache.js';
import { renderLogJson, renderLogText } from '../../core/rubric/history/render.js';

// This command imports no YAML parser, schema library or chalk until it needs them: a log the
// cache already answers should print about as fast as node starts.

/** Histories longer than this show progress on a terminal. */
const LONG_HISTORY = 200;

export async function run(_args: string[], opts: Record<string, unknown>, ctx: Context): Promise<number> {
  const limit = parseLimit(opts.limit);
  const root = requireWorkspaceRoot(ctx.cwd);
  const path = 'rubric.yaml';
  const commits = await commitsOf(root, path);
  const cache = readLogCache(root);
  const known = new Set(commits.map((c) => c.blob ?? c.commit));
  // One version more than shown: the oldest shown is compared with the one before it.
  let count = limit === undefined ? commits.length : Math.min(commits.length, limit + 1);
  let versions = commits.slice(0, count).reverse();
  let entries = await logOf(versions, known, cache, root, path, ctx);
  // A broken or deleted version cannot be the base of a comparison: reach further back for a readable one.
  while (limit !== undefined && count < commits.length && entries.length > limit && !readable(entries[0]!)) {
    count = Math.min(commits.length, count + limit + 1);
    versions = commits.slice(0, count).reverse();
    entries = await logOf(versions, known, cache, root, path, ctx);
  }
  const shown = (limit !== undefined && entries.length > limit ? entries.slice(entries.length - limit) : entries).reverse();
  if (opts.format === 'json') {
    ctx.stdout.write(renderLogJson(shown, path));
    return 0;
  }
  if (!ctx.color) ctx.stdout.write(renderLogText(shown));
  else {
    const { styles } = await import('../../adapters/terminal/style.js');
    const { out } = styles(ctx);
    ctx.stdout.write(renderLogText(shown, { commit: out.yellow, bad: out.red, dim: out.dim }));
  }
  return 0;
}

/**
 * Entries for these versions (oldest first): what the cache knows, then the rest read with one
 * `git cat-file --batch` and compared; the cache is written when anything was new.
 */
async function logOf(versions: FileCommit[], known: Set<string>, cache: LogCache, root: string, path: string, ctx: Context): Promise<LogEntry[]> {
  const replay = replayCache(versions, cache, path);
  if (replay.next === versions.length) return replay.entries;
  const { buildLog, readVersion } = await import('../../core/rubric/history/log.js');
  const rest = versions.slice(replay.next);
  const fetched = await versionsAt(root, path, replay.base < 0 ? rest : [versions[replay.base]!, ...rest]);
  const base = replay.base < 0 ? undefined : readVersion(fetched.shift()!, path);
  const progress = ctx.stderr.isTTY && rest.length > LONG_HISTORY;
  const computed = buildLog(fetched, path, progress ? (n) => ctx.stderr.write(`\rreading rubric versions: ${n}/${rest.length}`) : undefined, base);
  if (progress) ctx.stderr.write('\r\x1b[K');
  const entries = [...replay.entries, ...computed];
  Object.assign(cache.entries, cacheOf(versions, entries).entries);
  writeLogCache(root, { v: 1, entries: pruned(cache, known) });
  return entries;
}

/** Entries about blobs still in the history: a rewritten history does not grow the cache forever. */
function pruned(cache: LogCache, known: Set<string>): LogCache['entries'] {
  return Object.fromEntries(Object.entries(cache.entries).filter(([k]) => known.has(k.slice(k.indexOf('>') + 1))));
}

function readable(e: LogEntry): boolean {
  return e.status !== 'broken' && e.status !== 'removed';
}

function parseLimit(v: unknown): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new UserError(`--limit must be a whole number of at least 1, not ${String(v)}`, 'for example: align rubric log --limit 10');
  return n;
}
