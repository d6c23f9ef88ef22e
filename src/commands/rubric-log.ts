import { join, relative } from 'node:path';
import type { Context } from '../cli/context.js';
import { UserError } from '../errors.js';
import { commitsOf, versionsAt } from '../adapters/git-history.js';
import { requireWorkspaceRoot, RUBRIC_FILE } from '../adapters/workspace.js';
import { styles } from '../adapters/terminal.js';
import { buildLog, type LogEntry } from '../core/rubric/log.js';
import { renderLogJson, renderLogText } from '../core/rubric/log-render.js';

/** Histories longer than this show progress on a terminal. */
const LONG_HISTORY = 200;

export async function run(_args: string[], opts: Record<string, unknown>, ctx: Context): Promise<number> {
  const limit = parseLimit(opts.limit);
  const root = requireWorkspaceRoot(ctx.cwd);
  const path = relative(root, join(root, RUBRIC_FILE));
  const commits = await commitsOf(root, path);
  // One version more than shown: the oldest shown is compared with the one before it.
  let count = limit === undefined ? commits.length : Math.min(commits.length, limit + 1);
  let versions = (await versionsAt(root, path, commits.slice(0, count))).reverse();
  const progress = ctx.stderr.isTTY && versions.length > LONG_HISTORY;
  let entries = buildLog(versions, path, progress ? (n) => ctx.stderr.write(`\rreading rubric versions: ${n}/${versions.length}`) : undefined);
  if (progress) ctx.stderr.write('\r\x1b[K');
  // A broken or deleted version cannot be the base of a comparison: reach further back for a readable one (rare, so a second batch is fine).
  while (limit !== undefined && count < commits.length && entries.length > limit && !readable(entries[0]!)) {
    const more = commits.slice(count, count + limit + 1);
    count += more.length;
    versions = [...(await versionsAt(root, path, more)).reverse(), ...versions];
    entries = buildLog(versions, path);
  }
  const shown = (limit !== undefined && entries.length > limit ? entries.slice(entries.length - limit) : entries).reverse();
  if (opts.format === 'json') {
    ctx.stdout.write(renderLogJson(shown, path));
    return 0;
  }
  const { out } = styles(ctx);
  ctx.stdout.write(renderLogText(shown, { commit: out.yellow, bad: out.red, dim: out.dim }));
  return 0;
}

function parseLimit(v: unknown): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new UserError(`--limit must be a whole number of at least 1, not ${String(v)}`, 'for example: align rubric log --limit 10');
  return n;
}

function readable(e: LogEntry): boolean {
  return e.status !== 'broken' && e.status !== 'removed';
}
