import { isAbsolute, relative, resolve } from 'node:path';
import type { Context } from '../../adapters/context.js';
import { today } from '../../adapters/context.js';
import { formatProblem, UserError, type Problem } from '../../core/errors.js';
import { findWorkspaceRoot, requireWorkspaceRoot } from '../../adapters/workspace/load.js';
import { readRubric } from '../../adapters/workspace/rubric-source.js';
import { scoreCsv } from '../../adapters/leads/csv.js';
import { fileSink, streamSink, type RowSink } from '../../adapters/leads/out.js';
import { progressBar } from '../../adapters/terminal/progress.js';
import { println } from '../../adapters/terminal/style.js';
import { isRealDate } from '../../core/schemas/common.js';
import { compileRubric, type Score } from '../../core/rubric/engine/compile.js';
import { SummaryBuilder } from '../../core/rubric/output/summary.js';
import { renderSummary } from '../../core/rubric/output/summary-render.js';
import { csvHeader, csvRow, jsonRow, tableExplain, tableHeader, tableRow, type RowFormat } from '../../core/rubric/output/rows.js';

const SHOWN_SKIPS = 10;
const KEPT_SKIPS = 100;

export async function run(args: string[], opts: Record<string, unknown>, ctx: Context): Promise<number> {
  const file = args[0]!;
  const format = (opts.format as RowFormat | undefined) ?? 'table';
  const explain = Boolean(opts.explain);
  const outcome = opts.outcome as string | undefined;
  const asOf = (opts.asOf as string | undefined) ?? today(ctx);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || !isRealDate(asOf)) throw new UserError(`--as-of must be a date written YYYY-MM-DD, not "${asOf}"`, 'for example --as-of 2026-11-27');

  const spec = opts.rubric as string | undefined;
  const root = spec === undefined ? requireWorkspaceRoot(ctx.cwd) : (findWorkspaceRoot(ctx.cwd) ?? ctx.cwd);
  const version = await readRubric(spec, ctx.cwd, root);
  const rubric = compileRubric(version.rubric, { asOf });
  const labels = Object.fromEntries(version.rubric.stages.map((s) => [s.id, s.label]));
  const byId = new Map(version.rubric.criteria.map((c) => [c.id, { id: c.id, dimension: c.dimension ?? 'fit', points: c.points ?? 0, gate: c.disqualify === true, ...(c.why ? { why: c.why } : {}) }]));
  const caps = { fit: version.rubric.dimensions?.fit?.max, engagement: version.rubric.dimensions?.engagement?.max };

  const csvPath = resolve(ctx.cwd, file);
  const label = displayPath(csvPath, ctx.cwd);
  const outPath = opts.out === undefined ? undefined : resolve(ctx.cwd, opts.out as string);
  if (outPath === csvPath) throw new UserError('--out is the file being scored', 'write the scores to another file');
  const sink: RowSink = outPath ? fileSink(outPath, Boolean(opts.force)) : streamSink(ctx.stdout);
  // Rows go where the data goes; the summary goes to stdout only when stdout is not carrying rows in another format.
  const summaryTo = format === 'json' ? null : format === 'table' || outPath ? ctx.stdout : ctx.stderr;

  const summary = new SummaryBuilder(rubric, labels, outcome);
  const skips: Problem[] = [];
  let skipped = 0;
  const progress = progressBar(ctx.stderr, `scoring ${label}`);
  let rows = 0;
  let first = true;
  const writeRow = rowWriter(format, explain, sink, byId, caps);
  if (format === 'json') sink.write(`{"rubric":${JSON.stringify(version.label)},"as_of":"${asOf}","leads":[`);

  try {
    const result = await scoreCsv(
      csvPath,
      [rubric],
      {
        delimiter: opts.delimiter as string | undefined,
        ...(opts.idColumn !== undefined ? { idColumn: opts.idColumn as string } : {}),
        columns: outcome !== undefined ? [outcome] : [],
        strict: Boolean(opts.strict),
        label,
        onSkip(p) {
          skipped++;
          if (skips.length < KEPT_SKIPS) skips.push(p);
          if (format !== 'json' && skipped <= SHOWN_SKIPS) println(ctx.stderr, formatProblem(p));
        },
        onProgress: (bytes, total) => progress.update(bytes, total, rows),
        afterChunk: async () => {
          await sink.drain();
          if (sink.closed) throw new ReaderGone();
        },
      },
      (id, scores, line, values) => {
        const s = scores[0]!;
        rows++;
        summary.add(s, values[0]);
        if (first) {
          first = false;
          if (format === 'csv') sink.write(csvHeader(explain));
          else if (format === 'table') sink.write(tableHeader());
        }
        writeRow(id, line, s);
      },
    );
    progress.done();
    if (first && format === 'csv') sink.write(csvHeader(explain));
    const built = summary.build(result.skipped);
    if (format === 'json') {
      const extra = { id_column: result.idColumn, summary: built, skipped_rows: skips.map((p) => ({ line: p.line, message: p.message })) };
      sink.write(`],${JSON.stringify(extra).slice(1)}\n`);
    } else if (format === 'table' && !outPath) sink.write('\n');
    await sink.finish();
    if (skipped > SHOWN_SKIPS && format !== 'json') println(ctx.stderr, `… and ${skipped - SHOWN_SKIPS} more rows skipped`);
    if (summaryTo) summaryTo.write(renderSummary(built, { rubric: version.label, asOf }));
    if (outPath) println(ctx.stderr, `wrote ${rows} scored lead${rows === 1 ? '' : 's'} to ${displayPath(outPath, ctx.cwd)}`);
    return 0;
  } catch (e) {
    progress.done();
    sink.abort();
    if (e instanceof ReaderGone) return 0;
    throw e;
  }
}

class ReaderGone extends Error {}

function rowWriter(format: RowFormat, explain: boolean, sink: RowSink, byId: Parameters<typeof tableExplain>[1], caps: Parameters<typeof tableExplain>[2]) {
  switch (format) {
    case 'csv':
      return (id: string, _line: number, s: Score) => sink.write(csvRow(id, s, explain));
    case 'ndjson':
      return (id: string, line: number, s: Score) => sink.write(`${jsonRow(id, line, s, explain)}\n`);
    case 'json': {
      let sep = '\n';
      return (id: string, line: number, s: Score) => {
        sink.write(sep + jsonRow(id, line, s, explain));
        sep = ',\n';
      };
    }
    case 'table':
      return (id: string, _line: number, s: Score) => sink.write(explain ? tableRow(id, s) + tableExplain(s, byId, caps) : tableRow(id, s));
  }
}

function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}
