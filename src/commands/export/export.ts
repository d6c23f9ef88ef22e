import { resolve } from 'node:path';
import { today, type Context } from '../../adapters/context.js';
import { formatProblem, UserError } from '../../core/errors.js';
import { emit, outTarget } from '../../adapters/files/out.js';
import { requireWorkspaceRoot } from '../../adapters/workspace/root.js';
import { readValidWorkspace, type CleanWorkspace } from '../../adapters/workspace/clean.js';
import { rubricHistory } from '../../adapters/workspace/rubric-history.js';
import { NotARepository, type Repo } from '../../adapters/git/run.js';
import { buildExport } from '../../core/export/build.js';
import { exportJson } from '../../core/export/json.js';
import { exportMarkdown } from '../../core/export/markdown.js';
import type { ExportDoc, ExportOptions } from '../../core/export/model.js';
import { closest } from '../../core/text/closest.js';
import type { LogEntry } from '../../core/rubric/history/log.js';
import { missingHistoryWarning } from '../../core/rubric/history/shallow.js';
import type { Rubric } from '../../core/schemas/rubric.js';
import { DISQUALIFIED, UNQUALIFIED } from '../../core/schemas/rubric.js';
import { defineCommand, type OptionsOf } from '../../cli/define.js';
import { columnsFlag, crmFlag, dateFlag, forceFlag, formatFlag, localeFlag, maxLineBytesFlag, nameFlag, outFlag, repeatableFlag, setting, strictValuesFlag } from '../../cli/flags.js';
import { println } from '../../adapters/terminal/style.js';
import { DEFAULT_LOCALE, type Locale } from '../../core/values/locale.js';
import { assertAllRead, unreadableProblems } from '../../core/values/report.js';
import { terminalSafe } from '../../core/text/terminal.js';

const flags = {
  since: dateFlag('--since <date>', 'only sessions and rubric versions on or after this date'),
  until: dateFlag('--until <date>', 'only sessions and rubric versions on or before this date'),
  session: repeatableFlag('--session <id>', 'only this session (repeat for several)'),
  template: { ...nameFlag('--template <id>', 'only sessions held with this template, e.g. sync', 'sync'), takesTemplate: true },
  leads: nameFlag('--leads <file.csv>', 'score these leads with the current rubric and add a chart of leads by stage', 'leads.csv'),
  crm: crmFlag(),
  columns: columnsFlag(),
  maxLineBytes: maxLineBytesFlag(),
  locale: localeFlag(),
  strictValues: strictValuesFlag(),
  format: formatFlag(['text', 'json']),
  out: outFlag('write the summary to this file (atomically) and print its path, instead of printing it'),
  force: forceFlag(),
};

type Options = OptionsOf<typeof flags>;

export const command = defineCommand({
  path: ['export'],
  description: 'a Markdown summary to share: shared goals, the lead definition in plain words, open actions by owner, sessions, and the rubric changelog from git',
  flags,
  examples: [
    'align export',
    'align export --since 2026-11-01 --out summary.md',
    'align export --template sync --since 2026-12-01',
    'align export --session 2026-11-27-lead-definition --leads leads.csv',
    'align export --format json > summary.json',
  ],
  run: ({ opts, ctx }) => exportSummary(opts, ctx),
});

async function exportSummary(opts: Options, ctx: Context): Promise<number> {
  const filters = exportOptions(opts);
  const target = opts.out === undefined ? undefined : outTarget(ctx, opts.out, opts.force);
  const root = requireWorkspaceRoot(ctx.cwd);
  // git reads the history on the other core while this one parses the workspace.
  const history = historyIfRepository({ dir: root, env: ctx.env });
  history.catch(() => {}); // awaited below; not an unhandled rejection if the workspace is bad first
  const ws = readValidWorkspace(root, 'export');
  checkSessionIds(ws, filters.sessions);
  if (filters.template !== undefined && !ws.sessions.some((s) => s.template === filters.template)) {
    ctx.stderr.write(`warning: no session was held with template "${terminalSafe(filters.template)}"\n`);
  }
  const now = today(ctx);
  const rubric = ws.rubric;
  if (opts.leads !== undefined && rubric === null) throw new UserError('--leads needs a rubric.yaml to score the leads with', 'run `align workshop lead-definition` first');
  const locale = setting(opts.locale, ws.config.defaults?.locale, DEFAULT_LOCALE);
  const [changelog, counted] = await Promise.all([
    history,
    opts.leads === undefined || rubric === null ? undefined : countStages(resolve(ctx.cwd, opts.leads), opts.leads, rubric, now, locale, opts, { cwd: ctx.cwd, root }),
  ]);
  const missing = changelog && missingHistoryWarning(changelog, 'rubric.yaml');
  if (missing) ctx.stderr.write(`${missing}\n`);
  if (counted && opts.leads !== undefined) {
    if (opts.strictValues) assertAllRead(counted.unreadable, opts.leads, locale);
    for (const p of unreadableProblems(counted.unreadable, opts.leads, locale, false)) println(ctx.stderr, formatProblem(p));
  }
  const doc = buildExport(
    { config: ws.config, goals: ws.goals?.goals ?? [], rubric, sessions: ws.sessions, history: changelog, ...(counted ? { stageCounts: counted.stages, unreadable: counted.unreadable } : {}), today: now },
    filters,
  );
  emit(ctx, target, RENDERERS[opts.format](doc));
  return 0;
}

const RENDERERS: Record<Options['format'], (doc: ExportDoc) => string> = { text: exportMarkdown, json: exportJson };

function exportOptions(opts: Options): ExportOptions {
  const out: ExportOptions = {};
  if (opts.since !== undefined) out.since = opts.since;
  if (opts.until !== undefined) out.until = opts.until;
  if (out.since && out.until && out.since > out.until) throw new UserError(`--since ${out.since} is after --until ${out.until}`, 'swap the dates');
  if (opts.session.length) out.sessions = opts.session;
  if (opts.template !== undefined) out.template = opts.template;
  return out;
}

function checkSessionIds(ws: CleanWorkspace, ids: string[] | undefined): void {
  const known = ws.sessions.map((s) => s.id);
  for (const id of ids ?? []) {
    if (known.includes(id)) continue;
    const near = closest(id, known);
    throw new UserError(`no session "${id}" in sessions/${near !== undefined ? `; did you mean "${near}"?` : ''}`, 'a session id is the `id:` in its file, e.g. 2026-11-27-kickoff');
  }
}

/** The rubric's versions from git, oldest first; null when the workspace is not in a repository. */
async function historyIfRepository(repo: Repo): Promise<LogEntry[] | null> {
  try {
    return await rubricHistory(repo);
  } catch (e) {
    if (e instanceof NotARepository) return null;
    throw e;
  }
}

async function countStages(path: string, label: string, rubric: Rubric, asOf: string, locale: Locale, opts: Options, place: { cwd: string; root: string }) {
  // Loaded only with --leads: the CSV reader and the evaluator are not needed otherwise.
  const [{ scoreCsv }, { compileRubric }, { runMapping, workspaceRubricPlaces }] = await Promise.all([
    import('../../adapters/leads/csv.js'),
    import('../../core/rubric/engine/compile.js'),
    import('../../adapters/leads/columns.js'),
  ]);
  const mapping = runMapping(opts, [rubric], place);
  const counts = new Map<string, number>();
  const { unreadable } = await scoreCsv(path, [compileRubric(rubric, { asOf, locale })], { label, maxLineBytes: opts.maxLineBytes, map: mapping.map, idNames: mapping.idNames, places: workspaceRubricPlaces(place.root, rubric) }, (_id, scores) => {
    const stage = scores[0]!.stage;
    counts.set(stage, (counts.get(stage) ?? 0) + 1);
  });
  const stages = [
    ...rubric.stages.map((s) => ({ stage: s.id, label: s.label ?? null })),
    { stage: UNQUALIFIED, label: null },
    { stage: DISQUALIFIED, label: null },
  ].map((s) => ({ ...s, count: counts.get(s.stage) ?? 0 }));
  return { stages, unreadable };
}
