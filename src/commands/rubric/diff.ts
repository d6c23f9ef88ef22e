import { resolve } from 'node:path';
import type { Context } from '../../adapters/context.js';
import { defineCommand, type OptionsOf } from '../../cli/define.js';
import { asOfFlag, columnsFlag, crmFlag, delimiterFlag, formatFlag, idColumnFlag, jobsFlag, localeFlag, maxLineBytesFlag, nameFlag, setting, strictValuesFlag, switchFlag } from '../../cli/flags.js';
import { rubricPlaces, runMapping } from '../../adapters/leads/columns.js';
import { configuredLocale } from '../../adapters/workspace/locale.js';
import { DEFAULT_LOCALE, type Locale } from '../../core/values/locale.js';
import { assertAllRead, unreadableProblems } from '../../core/values/report.js';
import type { UnreadableSummary } from '../../core/values/unreadable.js';
import { formatProblem } from '../../core/errors.js';
import { parallelism, scoreLeads } from '../../adapters/leads/parallel/pool.js';
import { progressBar } from '../../adapters/terminal/progress.js';
import { println } from '../../adapters/terminal/style.js';
import { compileRubric } from '../../core/rubric/engine/compile.js';
import { movementTally, type LeadMovement } from '../../core/rubric/diff/leads.js';
import { readRubric, type RubricVersion } from '../../adapters/workspace/rubric-source.js';
import { findWorkspaceRoot } from '../../adapters/workspace/load.js';
import { styles } from '../../adapters/terminal/style.js';
import { diffRubrics } from '../../core/rubric/diff/diff.js';
import type { DiffReport, Paint } from '../../core/rubric/diff/report.js';
import { renderDiffJson } from '../../core/rubric/diff/render-json.js';
import { renderDiffMarkdown } from '../../core/rubric/diff/render-md.js';
import { renderDiffTable } from '../../core/rubric/diff/render-text.js';

const flags = {
  leads: nameFlag('--leads <file.csv>', 'score these leads under both versions and show how many move between stages', 'leads.csv'),
  format: formatFlag(['text', 'md', 'json']),
  exitCode: switchFlag('--exit-code', 'exit 1 when the versions differ, 0 when they do not'),
  asOf: asOfFlag('the scoring date for --leads'),
  idColumn: idColumnFlag(),
  crm: crmFlag(),
  columns: columnsFlag(),
  delimiter: delimiterFlag(),
  maxLineBytes: maxLineBytesFlag(),
  jobs: jobsFlag(),
  locale: localeFlag(),
  strictValues: strictValuesFlag(),
};

type DiffOptions = OptionsOf<typeof flags>;

export const command = defineCommand({
  path: ['rubric', 'diff'],
  args: '[a] [b]',
  description: 'semantic diff of two rubric versions: a git revision (rubric.yaml there), REV:PATH, or a file; default HEAD against the working tree',
  flags,
  examples: [
    'align rubric diff',
    'align rubric diff HEAD~1',
    'align rubric diff v1.0 HEAD --format md',
    'align rubric diff main:rubric.yaml proposals/rubric.yaml --leads leads.csv',
    'align rubric diff --exit-code > /dev/null || echo "the rubric has uncommitted changes"',
  ],
  run: ({ args, opts, ctx }) => diff(args[0], args[1], opts, ctx),
});

async function diff(a: string | undefined, b: string | undefined, opts: DiffOptions, ctx: Context): Promise<number> {
  const root = findWorkspaceRoot(ctx.cwd) ?? ctx.cwd;
  // Default: what is committed against what is on disk, as `git diff` does.
  const place = { cwd: ctx.cwd, root, env: ctx.env };
  const from = await readRubric(a ?? 'HEAD', place);
  const to = await readRubric(b, place);
  const report: DiffReport = { from: from.label, to: b === undefined ? `${to.label} (working tree)` : to.label, changes: diffRubrics(from.rubric, to.rubric) };
  if (opts.leads !== undefined) {
    const locale = setting(opts.locale, configuredLocale(findWorkspaceRoot(ctx.cwd)), DEFAULT_LOCALE);
    const { movement, unreadable } = await leadMovement(opts.leads, from, to, locale, opts, { ...ctx, root });
    report.leads = movement;
    report.unreadable = unreadable;
  }
  ctx.stdout.write(RENDERERS[opts.format](report, ctx));
  return opts.exitCode && report.changes.length > 0 ? 1 : 0;
}

const RENDERERS: Record<DiffOptions['format'], (report: DiffReport, ctx: Context) => string> = {
  json: (report) => renderDiffJson(report),
  md: (report) => renderDiffMarkdown(report),
  text(report, ctx) {
    const { out } = styles(ctx);
    const paint: Paint = { added: out.green, removed: out.red, changed: out.yellow, dim: out.dim, bold: out.bold };
    return renderDiffTable(report, paint, ctx.stdout.isTTY ? ctx.stdout.columns : undefined);
  },
};

const SHOWN_SKIPS = 10;

/** Scores every lead under both versions in one pass over the CSV and tallies the stage transitions. */
async function leadMovement(file: string, from: RubricVersion, to: RubricVersion, locale: Locale, opts: DiffOptions, ctx: Context & { root: string }): Promise<{ movement: LeadMovement; unreadable: UnreadableSummary }> {
  const { asOf } = opts;
  const a = from.rubric;
  const b = to.rubric;
  const tally = movementTally(a, b);
  // Both versions read the one header: the newer one's column names first.
  const mapping = runMapping(opts, [a, b], { cwd: ctx.cwd, root: ctx.root });
  const path = resolve(ctx.cwd, file);
  const progress = progressBar(ctx.stderr, `scoring ${file}`);
  let rows = 0;
  let skipped = 0;
  let unreadable: UnreadableSummary;
  try {
    ({ unreadable } = await scoreLeads(
      path,
      [a, b].map((rubric) => ({ source: { rubric, options: { asOf, locale } }, compiled: compileRubric(rubric, { asOf, locale }) })),
      {
        ...parallelism(opts.jobs, ctx.env),
        delimiter: opts.delimiter,
        ...(opts.idColumn !== undefined ? { idColumn: opts.idColumn } : {}),
        map: mapping.map,
        idNames: mapping.idNames,
        places: rubricPlaces([from, to]),
        label: file,
        maxLineBytes: opts.maxLineBytes,
        onSkip(p) {
          if (++skipped <= SHOWN_SKIPS) {
            progress.clear();
            println(ctx.stderr, formatProblem(p));
          }
        },
        onProgress: (bytes, total) => progress.update(bytes, total, rows),
      },
      (id, scores) => {
        rows++;
        tally.add(id, scores[0]!, scores[1]!);
      },
    ));
  } finally {
    progress.done();
  }
  if (skipped > SHOWN_SKIPS) println(ctx.stderr, `… and ${skipped - SHOWN_SKIPS} more rows skipped`);
  if (opts.strictValues) assertAllRead(unreadable, file, locale);
  for (const p of unreadableProblems(unreadable, file, locale, false)) println(ctx.stderr, formatProblem(p));
  return { movement: tally.result(), unreadable };
}
