import { resolve } from 'node:path';
import type { Context } from '../../adapters/context.js';
import { outTarget, shownPath } from '../../adapters/files/out.js';
import { defineCommand, type OptionsOf } from '../../cli/define.js';
import { asOfFlag, columnsFlag, crmFlag, delimiterFlag, forceFlag, formatFlag, idColumnFlag, jobsFlag, keepFlag, localeFlag, maxLineBytesFlag, nameFlag, outFlag, rubricFlag, setting, strictValuesFlag, switchFlag } from '../../cli/flags.js';
import { rubricPlaces, runMapping } from '../../adapters/leads/columns.js';
import type { LeadColumns } from '../../core/leads/columns.js';
import { formatProblem, UserError, type Problem } from '../../core/errors.js';
import { findWorkspaceRoot, requireWorkspaceRoot } from '../../adapters/workspace/load.js';
import { readRubric } from '../../adapters/workspace/rubric-source.js';
import { parallelism, scoreLeads } from '../../adapters/leads/parallel/pool.js';
import { configuredLocale } from '../../adapters/workspace/locale.js';
import { DEFAULT_LOCALE, type Locale } from '../../core/values/locale.js';
import { assertAllRead, unreadableProblems } from '../../core/values/report.js';
import type { UnreadableSummary } from '../../core/values/unreadable.js';
import { fileSink, streamSink, type RowSink } from '../../adapters/leads/out.js';
import { progressBar } from '../../adapters/terminal/progress.js';
import { println } from '../../adapters/terminal/style.js';
import { compileRubric, type Score } from '../../core/rubric/engine/compile.js';
import { SummaryBuilder, type ScoreSummary } from '../../core/rubric/output/summary.js';
import { renderSummary } from '../../core/rubric/output/summary-render.js';
import { csvHeader, csvRow, leadJson, tableExplain, tableHeader, tableRow, type ExplainCriterion, type RowFormat } from '../../core/rubric/output/rows.js';
import { listDocument } from '../../core/output/json.js';
import { DOCUMENTS } from '../../core/output/documents.js';
import { terminalSafe } from '../../core/text/terminal.js';

const SHOWN_SKIPS = 10;
const KEPT_SKIPS = 100;

const flags = {
  rubric: rubricFlag(),
  asOf: asOfFlag(),
  idColumn: idColumnFlag(),
  crm: crmFlag(),
  columns: columnsFlag(),
  keep: keepFlag(),
  explain: switchFlag('--explain', 'show the criteria that fired for each lead, with their points and why'),
  outcome: nameFlag('--outcome <column>', 'a column that says whether the lead converted (true/yes/1): conversion per stage and lift per criterion', 'converted'),
  format: formatFlag(['text', 'csv', 'json', 'ndjson']),
  out: outFlag('write the scored leads to a file (atomically) instead of stdout'),
  force: forceFlag(),
  delimiter: delimiterFlag(),
  strict: switchFlag('--strict', 'fail (exit 2) on a row with the wrong number of cells instead of skipping it'),
  maxLineBytes: maxLineBytesFlag(),
  jobs: jobsFlag(),
  locale: localeFlag(),
  strictValues: strictValuesFlag(),
};

export const command = defineCommand({
  path: ['rubric', 'score'],
  args: '<file>',
  description: 'score every lead in a CSV with the rubric: per-lead scores and stages, and a summary by stage',
  flags,
  examples: [
    'align rubric score leads.csv',
    'align rubric score leads.csv --format csv --out scored.csv',
    'align rubric score leads.csv --outcome converted --as-of 2026-11-27',
    'align rubric score leads.csv --rubric HEAD~1 --explain --id-column email',
    'align rubric score export.tsv --delimiter tab --format ndjson',
    'align rubric score hubspot-contacts.csv --crm hubspot --format csv --keep "Email,Company Name"',
    'align rubric score leads.csv --columns columns.yaml --keep all --format csv --out scored.csv',
    'align rubric score crm-export.csv --locale de --strict-values',
  ],
  run: ({ args, opts, ctx }) => score(args[0]!, opts, ctx),
});

async function score(file: string, opts: OptionsOf<typeof flags>, ctx: Context): Promise<number> {
  const { format, explain, outcome, asOf } = opts;
  if (opts.keep !== undefined && format === 'text') throw new UserError('--keep carries columns into --format csv, json or ndjson; the text table has no room for them', 'add --format csv (or json, ndjson)');
  const root = opts.rubric === undefined ? requireWorkspaceRoot(ctx.cwd) : (findWorkspaceRoot(ctx.cwd) ?? ctx.cwd);
  const version = await readRubric(opts.rubric, { cwd: ctx.cwd, root, env: ctx.env });
  const mapping = runMapping(opts, [version.rubric], { cwd: ctx.cwd, root: findWorkspaceRoot(ctx.cwd) });
  const locale = setting(opts.locale, configuredLocale(root), DEFAULT_LOCALE);
  const rubric = compileRubric(version.rubric, { asOf, locale });
  const labels = Object.fromEntries(version.rubric.stages.map((s) => [s.id, s.label]));
  const byId = new Map(version.rubric.criteria.map((c) => [c.id, { id: c.id, dimension: c.dimension ?? 'fit', points: c.points ?? 0, gate: c.disqualify === true, ...(c.why ? { why: c.why } : {}) }]));
  const caps = { fit: version.rubric.dimensions?.fit?.max, engagement: version.rubric.dimensions?.engagement?.max };

  const csvPath = resolve(ctx.cwd, file);
  const label = shownPath(ctx, csvPath);
  const target = opts.out === undefined ? undefined : outTarget(ctx, opts.out, opts.force);
  if (target?.path === csvPath) throw new UserError('--out is the file being scored', 'write the scores to another file');
  const sink: RowSink = target ? fileSink(target) : streamSink(ctx.stdout);
  const layout = LAYOUTS[format]({ explain, byId, caps, rubric: version.label, asOf, locale, toFile: target !== undefined });
  // Rows go where the data goes; the summary goes to stdout only when stdout is not carrying rows in another format.
  const summaryTo = layout.holdsSummary ? null : format === 'text' || target ? ctx.stdout : ctx.stderr;

  const summary = new SummaryBuilder(rubric, labels, outcome);
  const skips: Problem[] = [];
  let skipped = 0;
  const progress = progressBar(ctx.stderr, `scoring ${label}`);
  let rows = 0;
  let first = true;
  let columns: LeadColumns | undefined;

  try {
    const result = await scoreLeads(
      csvPath,
      [{ source: { rubric: version.rubric, options: { asOf, locale } }, compiled: rubric }],
      {
        ...parallelism(opts.jobs, ctx.env),
        delimiter: opts.delimiter,
        ...(opts.idColumn !== undefined ? { idColumn: opts.idColumn } : {}),
        map: mapping.map,
        idNames: mapping.idNames,
        ...(opts.keep !== undefined ? { keep: opts.keep } : {}),
        places: rubricPlaces([version]),
        onHeader: (c) => {
          columns = c;
        },
        columns: outcome !== undefined ? [outcome] : [],
        strict: opts.strict,
        label,
        maxLineBytes: opts.maxLineBytes,
        onSkip(p) {
          skipped++;
          if (skips.length < KEPT_SKIPS) skips.push(p);
          if (!layout.holdsSummary && skipped <= SHOWN_SKIPS) {
            progress.clear();
            println(ctx.stderr, formatProblem(p));
          }
        },
        onProgress: (bytes, total) => progress.update(bytes, total, rows),
        afterChunk: async () => {
          await sink.drain();
          if (sink.closed) throw new ReaderGone();
        },
      },
      (id, scores, line, values, kept) => {
        const s = scores[0]!;
        rows++;
        summary.add(s, values[0]);
        if (first) {
          first = false;
          sink.write(layout.head(columns!));
        }
        sink.write(layout.row(id, line, s, kept));
      },
    );
    progress.done();
    // Said before anything is written to a file: with --strict-values the run stops here, --out untouched.
    if (opts.strictValues) assertAllRead(result.unreadable, label, locale);
    for (const p of unreadableProblems(result.unreadable, label, locale, false)) println(ctx.stderr, formatProblem(p));
    if (first && !layout.headOnlyWithRows) sink.write(layout.head(result.columns));
    const built = summary.build(result.skipped);
    sink.write(layout.foot({ idColumn: result.idColumn, summary: built, skippedRows: skips.map((p) => ({ line: p.line, message: p.message })), unreadable: result.unreadable }));
    await sink.finish();
    if (skipped > SHOWN_SKIPS && !layout.holdsSummary) println(ctx.stderr, `… and ${skipped - SHOWN_SKIPS} more rows skipped`);
    if (summaryTo) summaryTo.write(renderSummary(built, { rubric: version.label, asOf }));
    if (target) println(ctx.stderr, `wrote ${rows} scored lead${rows === 1 ? '' : 's'} to ${terminalSafe(target.shown)}`);
    return 0;
  } catch (e) {
    progress.done();
    sink.abort();
    if (e instanceof ReaderGone) return 0;
    throw e;
  }
}

class ReaderGone extends Error {}

/** The headers of the kept columns, in the file's order. */
function keptHeaders(c: LeadColumns): string[] {
  return c.keep.map((k) => c.header[k]!);
}

/** What a format is given to lay the leads out. */
interface LayoutInput {
  explain: boolean;
  byId: Map<string, ExplainCriterion>;
  caps: { fit?: number; engagement?: number };
  rubric: string;
  asOf: string;
  locale: Locale;
  toFile: boolean;
}

/** What is known once every lead is scored. */
interface RunEnd {
  idColumn: string | null;
  summary: ScoreSummary;
  skippedRows: { line: number | undefined; message: string }[];
  /** Per field and reading, the values that could not be read (zeros included). */
  unreadable: UnreadableSummary;
}

/** How a format frames the scored leads: what comes before the first, each lead, what comes after the last. */
interface Layout {
  /** Before the first lead (the CSV's columns resolved); also written when there is none, unless headOnlyWithRows. */
  head(columns: LeadColumns): string;
  headOnlyWithRows?: boolean;
  /** A lead; `kept` holds the cells of the columns kept (--keep), in the file's order. */
  row(id: string, line: number, s: Score, kept: string[]): string;
  foot(end: RunEnd): string;
  /** The summary and the skipped rows are part of the output itself, not printed beside it. */
  holdsSummary?: boolean;
}

const LAYOUTS: Record<RowFormat, (i: LayoutInput) => Layout> = {
  text: (i) => ({
    head: tableHeader,
    headOnlyWithRows: true,
    row: (id, _line, s) => (i.explain ? tableRow(id, s) + tableExplain(s, i.byId, i.caps) : tableRow(id, s)),
    foot: () => (i.toFile ? '' : '\n'),
  }),
  csv: (i) => {
    let keeps = false;
    return {
      head: (c) => {
        keeps = c.keep.length > 0;
        return csvHeader(i.explain, c.id?.name ?? null, keptHeaders(c));
      },
      row: (id, _line, s, kept) => csvRow(id, s, i.explain, keeps ? kept : undefined),
      foot: () => '',
    };
  },
  // No envelope: each line is one lead record, as in the leads of --format json.
  ndjson: (i) => {
    let lead = leadJson(i.explain);
    return {
      head: (c) => {
        lead = leadJson(i.explain, keptHeaders(c));
        return '';
      },
      row: (id, line, s, kept) => `${lead(id, line, s, kept)}\n`,
      foot: () => '',
    };
  },
  json: (i) => {
    const doc = listDocument(DOCUMENTS.rubricScore, { rubric: i.rubric, asOf: i.asOf, locale: i.locale }, 'leads');
    let lead = leadJson(i.explain);
    return {
      head: (c) => {
        lead = leadJson(i.explain, keptHeaders(c));
        return doc.open();
      },
      row: (id, line, s, kept) => doc.record(lead(id, line, s, kept)),
      foot: ({ unreadable, ...end }) => doc.close({ ...end, unreadableValues: unreadable }),
      holdsSummary: true,
    };
  },
};
