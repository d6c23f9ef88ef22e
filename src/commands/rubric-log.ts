import { join, relative } from 'node:path';
import type { Context } from '../cli/context.js';
import { UserError } from '../errors.js';
import { fileHistory } from '../adapters/git-history.js';
import { requireWorkspaceRoot, RUBRIC_FILE } from '../adapters/workspace.js';
import { styles } from '../adapters/terminal.js';
import { buildLog } from '../core/rubric/log.js';
import { renderLogJson, renderLogText } from '../core/rubric/log-render.js';

/** Histories longer than this show progress on a terminal. */
const LONG_HISTORY = 200;

export async function run(_args: string[], opts: Record<string, unknown>, ctx: Context): Promise<number> {
  const limit = parseLimit(opts.limit);
  const root = requireWorkspaceRoot(ctx.cwd);
  const path = relative(root, join(root, RUBRIC_FILE));
  // One version more than shown: the oldest shown is compared with the one before it.
  const versions = (await fileHistory(root, path, limit === undefined ? undefined : limit + 1)).reverse();
  const progress = ctx.stderr.isTTY && versions.length > LONG_HISTORY;
  const entries = buildLog(versions, path, progress ? (n) => ctx.stderr.write(`\rreading rubric versions: ${n}/${versions.length}`) : undefined);
  if (progress) ctx.stderr.write('\r\x1b[K');
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
