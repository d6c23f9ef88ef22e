/**
 * The rubric as one SQL statement: id, fit, engagement, score, stage and the fired criteria
 * for every row of a table, with the evaluator's arithmetic (src/core/rubric/compile.ts):
 * points summed in rubric order as doubles, decimal sums rounded to 6 places the way
 * Math.round does, caps, then the highest stage whose min and `require` the lead meets,
 * unless a gate fired.
 */
import { UserError } from '../errors.js';
import { terminalSafe } from '../text/terminal.js';
import { DISQUALIFIED, UNQUALIFIED, type Rubric } from '../schemas/rubric.js';
import { conditionSql } from './conditions.js';
import { DIALECT, type Dialect } from './dialect.js';
import type { DialectName } from './quote.js';
import { blankSql, booleanSql, cellPartSql, daySql, numberSql, partsOf, textSql, type Cell, type CellPart, type Reading } from './reads.js';
import { DEFAULT_LOCALE, type Locale } from '../values/locale.js';
import { RegexTranslationError } from './regex-emit.js';

export interface SqlOptions {
  dialect: DialectName;
  table: string;
  idColumn: string;
  /** Field → the column of the table it is read from (its header in the source); a field not here is read from the column of its own name. */
  columns?: Readonly<Record<string, string>>;
  asOf: string;
  /** Wraps the query in CREATE OR REPLACE VIEW. */
  view?: string;
  /** Shown in the header comment, e.g. the rubric file. */
  source?: string;
  /** How the table's dates and numbers are written, as `score --locale` reads them; default en. */
  locale?: Locale;
}

type Need = Reading | 'blank';
const READERS: Record<Need, (d: Dialect, c: Cell, locale: Locale) => string> = { blank: blankSql, text: textSql, number: numberSql, boolean: booleanSql, date: daySql };
const SUFFIX: Record<Need, string> = { blank: 'blank', text: 'text', number: 'num', boolean: 'bool', date: 'day' };

export function compileRubricSql(rubric: Rubric, opts: SqlOptions): string {
  const d = DIALECT[opts.dialect];
  const locale = opts.locale ?? DEFAULT_LOCALE;
  const fields: string[] = [];
  const needs = new Map<string, Set<Need>>();
  const col = (field: string, need: Need) => {
    if (!needs.has(field)) {
      fields.push(field);
      needs.set(field, new Set());
    }
    needs.get(field)!.add(need);
    return `f${fields.indexOf(field)}_${SUFFIX[need]}`;
  };

  const criteria = rubric.criteria.map((c, i) => {
    try {
      return { id: c.id, name: `c${i}`, sql: conditionSql(c.when, d, col, opts.asOf), dimension: c.dimension ?? 'fit', points: c.points ?? 0, gate: c.disqualify === true };
    } catch (e) {
      if (e instanceof RegexTranslationError) {
        throw new UserError(`criterion "${c.id}": ${e.message}`, `rewrite the expression without it, or use --dialect postgres (lookaround and back-references work there)`);
      }
      throw e;
    }
  });

  const source = (f: string) => (opts.columns && Object.hasOwn(opts.columns, f) ? opts.columns[f]! : f);
  const raw = fields.map((f, i) => `    ${d.asText(d.ident(source(f)))} AS f${i}_raw`);
  const cellOf = (i: number): Cell => ({ raw: `f${i}_raw`, trim: `f${i}_trim`, strip: `f${i}_strip`, canon: `f${i}_canon`, lstrip: `f${i}_lstrip` });
  const parts = fields.flatMap((f, i) => {
    const used = new Set<CellPart>([...needs.get(f)!].flatMap((n) => partsOf(n, locale)));
    return [`    f${i}_raw`, ...(['trim', 'strip', 'canon', 'lstrip'] as const).filter((p) => used.has(p)).map((p) => `    ${cellPartSql(d, `f${i}_raw`, p, locale)} AS f${i}_${p}`)];
  });
  const reads = fields.flatMap((f, i) => [...needs.get(f)!].sort().map((need) => `    ${READERS[need](d, cellOf(i), locale)} AS f${i}_${SUFFIX[need]}`));
  const hits = criteria.map((c) => `    ${c.sql} AS ${c.name}`);

  const decimal = criteria.some((c) => !Number.isInteger(c.points));
  const round = (e: string) => (decimal ? roundSql(d, e) : e);
  const sum = (dim: 'fit' | 'engagement') => {
    const terms = criteria.filter((c) => c.dimension === dim && c.points !== 0).map((c) => `CASE WHEN ${c.name} THEN ${d.double(c.points)} ELSE 0 END`);
    return [d.double(0), ...terms].join(' + ');
  };
  const cap = (dim: 'fit' | 'engagement', e: string) => {
    const max = rubric.dimensions?.[dim]?.max;
    return max === undefined ? e : `CASE WHEN ${e} > ${d.double(max)} THEN ${d.double(max)} ELSE ${e} END`;
  };
  const gates = criteria.filter((c) => c.gate).map((c) => c.name);
  const stageCases = rubric.stages
    .map((s) => {
      const tests = [`score >= ${d.double(s.min)}`];
      if (s.require?.fit !== undefined) tests.push(`fit >= ${d.double(s.require.fit)}`);
      if (s.require?.engagement !== undefined) tests.push(`engagement >= ${d.double(s.require.engagement)}`);
      return `WHEN ${tests.join(' AND ')} THEN ${d.str(s.id)}`;
    })
    .reverse();
  if (gates.length) stageCases.unshift(`WHEN ${gates.join(' OR ')} THEN ${d.str(DISQUALIFIED)}`);
  const names = criteria.map((c) => c.name);
  const pass = names.length ? `, ${names.join(', ')}` : '';

  const numbers = [...needs.values()].some((n) => n.has('number'));
  const consts = Object.entries(numbers ? (d.constants ?? {}) : {}).map(([name, value]) => `${value} AS ${name}`);
  const query = [
    ...(consts.length ? ['WITH align_constants AS (', `  SELECT ${consts.join(', ')}`, '), align_leads AS ('] : ['WITH align_leads AS (']),
    `  SELECT ${d.ident(opts.idColumn)} AS lead_id${raw.length ? `,\n${raw.join(',\n')}` : ''}`,
    `  FROM ${d.table(opts.table)}`,
    '), align_cells AS (',
    `  SELECT lead_id${parts.length ? `,\n${parts.join(',\n')}` : ''}`,
    '  FROM align_leads',
    '), align_readings AS (',
    `  SELECT lead_id${reads.length ? `,\n${reads.join(',\n')}` : ''}`,
    `  FROM align_cells${consts.length ? ' CROSS JOIN align_constants' : ''}`,
    '), align_hits AS (',
    `  SELECT lead_id${hits.length ? `,\n${hits.join(',\n')}` : ''}`,
    '  FROM align_readings',
    '), align_sums AS (',
    `  SELECT lead_id${pass},\n    ${sum('fit')} AS fit_sum,\n    ${sum('engagement')} AS engagement_sum`,
    '  FROM align_hits',
    '), align_rounded AS (',
    `  SELECT lead_id${pass}, ${round('fit_sum')} AS fit_points, ${round('engagement_sum')} AS engagement_points`,
    '  FROM align_sums',
    '), align_capped AS (',
    `  SELECT lead_id${pass},\n    ${cap('fit', 'fit_points')} AS fit,\n    ${cap('engagement', 'engagement_points')} AS engagement`,
    '  FROM align_rounded',
    '), align_totals AS (',
    `  SELECT lead_id${pass}, fit, engagement, ${round('fit + engagement')} AS score`,
    '  FROM align_capped',
    ')',
    'SELECT',
    '  lead_id AS id, fit, engagement, score,',
    `  CASE ${stageCases.join(' ')} ELSE ${d.str(UNQUALIFIED)} END AS stage,`,
    `  ${d.firedArray(criteria.map((c) => ({ cond: c.name, id: c.id })))} AS fired`,
    'FROM align_totals',
  ].join('\n');

  // The rubric's name and file are the user's: on the comment's one line (a line break would end the comment), with nothing a terminal obeys.
  const header = [
    `-- ${rubric.name ?? 'Lead rubric'}${opts.source ? ` (${opts.source})` : ''}, compiled by align for ${opts.dialect}`,
    `-- scoring date (--as-of): ${opts.asOf}; locale: ${locale}; columns are read as text, as align rubric score reads a CSV`,
  ]
    .map((l) => terminalSafe(l))
    .join('\n');
  const body = opts.view ? `CREATE OR REPLACE VIEW ${d.table(opts.view)} AS\n${query}` : query;
  return `${header}\n${body};\n`;
}

/** Math.round(x * 1e6) / 1e6 exactly: Math.round is ceil(y), minus one when that is more than a half above y. */
function roundSql(d: Dialect, e: string): string {
  const y = `((${e}) * ${d.double(1e6)})`;
  return `((CASE WHEN ceil(${y}) - ${d.double(0.5)} > ${y} THEN ceil(${y}) - ${d.double(1)} ELSE ceil(${y}) END) / ${d.double(1e6)})`;
}
