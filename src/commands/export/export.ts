import { mkdirSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { today, type Context } from '../../adapters/context.js';
import { InputError, UserError } from '../../core/errors.js';
import { readSnapshot, writeAtomic } from '../../adapters/files/atomic.js';
import { commitsOf, readLogCache, versionsAt, writeLogCache } from '../../adapters/git/history.js';
import { loadWorkspace, requireWorkspaceRoot, RUBRIC_FILE } from '../../adapters/workspace/load.js';
import { loadCleanWorkspace, type CleanWorkspace } from '../../adapters/workspace/clean.js';
import { buildExport } from '../../core/export/build.js';
import { exportJson } from '../../core/export/json.js';
import { exportMarkdown } from '../../core/export/markdown.js';
import type { ExportOptions } from '../../core/export/model.js';
import { closest } from '../../core/text/closest.js';
import { buildLog, readVersion, type FileCommit, type LogEntry } from '../../core/rubric/history/log.js';
import { cacheOf, replayCache } from '../../core/rubric/history/cache.js';
import type { Rubric } from '../../core/schemas/rubric.js';
import { DISQUALIFIED, UNQUALIFIED } from '../../core/schemas/rubric.js';
import { isRealDate } from '../../core/schemas/common.js';

export async function run(_args: string[], opts: Record<string, unknown>, ctx: Context): Promise<number> {
  const filters = exportOptions(opts);
  const format = (opts.format as string | undefined) ?? 'md';
  const root = requireWorkspaceRoot(ctx.cwd);
  // git reads the history on the other core while this one parses the workspace.
  const history = rubricHistory(root);
  history.catch(() => {}); // awaited below; not an unhandled rejection if the workspace is bad first
  const ws = readValidWorkspace(root, 'export');
  checkSessionIds(ws, filters.sessions);
  if (filters.template !== undefined && !ws.sessions.some((s) => s.template === filters.template)) {
    ctx.stderr.write(`warning: no session was held with template "${filters.template}"\n`);
  }
  const now = today(ctx);
  const rubric = ws.rubric;
  if (opts.leads !== undefined && rubric === null) throw new UserError('--leads needs a rubric.yaml to score the leads with', 'run `align workshop lead-definition` first');
  const [changelog, stageCounts] = await Promise.all([
    history,
    opts.leads === undefined || rubric === null ? undefined : countStages(resolve(ctx.cwd, String(opts.leads)), String(opts.leads), rubric, now),
  ]);
  const doc = buildExport(
    { config: ws.config, goals: ws.goals?.goals ?? [], rubric, sessions: ws.sessions, history: changelog, ...(stageCounts ? { stageCounts } : {}), today: now },
    filters,
  );
  const text = format === 'json' ? exportJson(doc) : exportMarkdown(doc);
  if (opts.out === undefined) {
    ctx.stdout.write(text);
    return 0;
  }
  const path = resolve(ctx.cwd, String(opts.out));
  const { bytes, snapshot } = readSnapshot(path);
  if (bytes && !opts.force) throw new UserError(`${path} already exists; align will not overwrite it`, 'pass --force to replace it, or choose another --out');
  mkdirSync(dirname(path), { recursive: true });
  writeAtomic(path, text, opts.force ? snapshot : undefined);
  const shown = relative(ctx.cwd, path);
  ctx.stdout.write(`${shown.startsWith('..') || isAbsolute(shown) ? path : shown}\n`);
  return 0;
}

/**
 * The workspace's data, or an InputError listing every problem: a summary of broken files would
 * mislead. The cached path answers a clean workspace; the full loader locates what is wrong.
 */
export function readValidWorkspace(root: string, command: string): CleanWorkspace {
  const clean = loadCleanWorkspace(root);
  if (clean) return clean;
  const ws = loadWorkspace(root);
  if (ws.problems.length || !ws.config) throw new InputError(ws.problems, `fix these (\`align validate\` lists them), then run \`align ${command}\` again`);
  return { config: ws.config.data, goals: ws.goals?.data ?? null, rubric: ws.rubric?.data ?? null, sessions: ws.sessions.map((s) => s.data) };
}

function exportOptions(opts: Record<string, unknown>): ExportOptions {
  const out: ExportOptions = {};
  if (opts.since !== undefined) out.since = checkDate('--since', opts.since);
  if (opts.until !== undefined) out.until = checkDate('--until', opts.until);
  if (out.since && out.until && out.since > out.until) throw new UserError(`--since ${out.since} is after --until ${out.until}`, 'swap the dates');
  if (opts.session !== undefined) out.sessions = ([] as string[]).concat(opts.session as string | string[]);
  if (opts.template !== undefined) out.template = String(opts.template);
  return out;
}

function checkDate(flag: string, v: unknown): string {
  const s = String(v);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s) || !isRealDate(s)) throw new UserError(`${flag} must be a date written YYYY-MM-DD, not "${s}"`, `for example ${flag} 2026-11-01`);
  return s;
}

function checkSessionIds(ws: CleanWorkspace, ids: string[] | undefined): void {
  const known = ws.sessions.map((s) => s.id);
  for (const id of ids ?? []) {
    if (known.includes(id)) continue;
    const near = closest(id, known);
    throw new UserError(`no session "${id}" in sessions/${near !== undefined ? `; did you mean "${near}"?` : ''}`, 'a session id is the `id:` in its file, e.g. 2026-11-27-kickoff');
  }
}

/**
 * The rubric's versions from git, oldest first; null when the workspace is not in a repository.
 * One `git log`; versions `align rubric log` already compared come from its cache in the git
 * folder, the rest from one `git cat-file --batch`, and the cache is brought up to date.
 */
export async function rubricHistory(root: string): Promise<LogEntry[] | null> {
  let commits: FileCommit[];
  try {
    commits = await commitsOf(root, RUBRIC_FILE);
  } catch (e) {
    if (e instanceof UserError && /not in a git repository/.test(e.message)) return null;
    throw e;
  }
  const versions = commits.reverse();
  const cache = readLogCache(root);
  const replay = replayCache(versions, cache, RUBRIC_FILE);
  if (replay.next === versions.length) return replay.entries;
  const rest = versions.slice(replay.next);
  const fetched = await versionsAt(root, RUBRIC_FILE, replay.base < 0 ? rest : [versions[replay.base]!, ...rest]);
  const base = replay.base < 0 ? undefined : readVersion(fetched.shift()!, RUBRIC_FILE);
  const entries = [...replay.entries, ...buildLog(fetched, RUBRIC_FILE, undefined, base)];
  // Only this history's entries are written back, so the cache never outgrows the history.
  writeLogCache(root, cacheOf(versions, entries));
  return entries;
}

async function countStages(path: string, label: string, rubric: Rubric, asOf: string) {
  // Loaded only with --leads: the CSV reader and the evaluator are not needed otherwise.
  const [{ scoreCsv }, { compileRubric }] = await Promise.all([import('../../adapters/leads/csv.js'), import('../../core/rubric/engine/compile.js')]);
  const counts = new Map<string, number>();
  await scoreCsv(path, [compileRubric(rubric, { asOf })], { label }, (_id, scores) => {
    const stage = scores[0]!.stage;
    counts.set(stage, (counts.get(stage) ?? 0) + 1);
  });
  return [
    ...rubric.stages.map((s) => ({ stage: s.id, label: s.label ?? null })),
    { stage: UNQUALIFIED, label: null },
    { stage: DISQUALIFIED, label: null },
  ].map((s) => ({ ...s, count: counts.get(s.stage) ?? 0 }));
}
