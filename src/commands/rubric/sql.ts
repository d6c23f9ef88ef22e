import type { Context } from '../../adapters/context.js';
import { UserError } from '../../core/errors.js';
import { emit, outTarget } from '../../adapters/files/out.js';
import { defineCommand, type OptionsOf } from '../../cli/define.js';
import { resolve } from 'node:path';
import { asOfFlag, choiceFlag, columnsFlag, crmFlag, delimiterFlag, forceFlag, idColumnFlag, localeFlag, maxLineBytesFlag, nameFlag, outFlag, rubricFlag, setting } from '../../cli/flags.js';
import { rubricPlaces, runMapping } from '../../adapters/leads/columns.js';
import { readHeader } from '../../adapters/leads/header.js';
import { ID_COLUMNS, resolveLeadColumns } from '../../core/leads/columns.js';
import { unmatchedColumns, type ColumnMapping } from '../../core/leads/mapping.js';
import { rubricFields } from '../../core/leads/places.js';
import type { RubricVersion } from '../../adapters/workspace/rubric-source.js';
import { configuredLocale } from '../../adapters/workspace/locale.js';
import { DEFAULT_LOCALE } from '../../core/values/locale.js';
import { compileRubricSql } from '../../core/sql/compile.js';
import { DIALECTS } from '../../core/sql/quote.js';
import { readRubric } from '../../adapters/workspace/rubric-source.js';
import { findWorkspaceRoot, requireWorkspaceRoot } from '../../adapters/workspace/load.js';

const flags = {
  dialect: choiceFlag('--dialect <dialect>', 'the SQL engine', DIALECTS, 'postgres'),
  table: nameFlag('--table <name>', 'the table (or view) that holds the leads, one column per rubric field; may be schema-qualified (default: leads)', 'crm.leads'),
  idColumn: idColumnFlag('with --leads, found as `rubric score` finds it; else the CRM\'s id header with --crm, or id'),
  crm: crmFlag(),
  columns: columnsFlag(),
  leads: nameFlag('--leads <file.csv>', 'a CSV whose header the table has: each field is read from the header `rubric score` would read it from', 'leads.csv'),
  delimiter: delimiterFlag(),
  maxLineBytes: maxLineBytesFlag(),
  asOf: asOfFlag('the scoring date for within_last; it is fixed in the SQL'),
  view: nameFlag('--view <name>', 'emit CREATE OR REPLACE VIEW <name> AS … instead of a bare query', 'lead_scores'),
  rubric: rubricFlag(),
  out: outFlag('write the SQL to a file (atomically) instead of stdout, and print its path'),
  force: forceFlag(),
  locale: localeFlag(),
};

export const command = defineCommand({
  path: ['rubric', 'sql'],
  description: 'compile the rubric to one SQL query (or view) that scores every lead of a table where the leads live, with the scores `align rubric score` gives',
  flags,
  examples: [
    'align rubric sql --dialect duckdb --table leads',
    'align rubric sql --dialect postgres --table crm.leads --id-column lead_id --view crm.lead_scores --out lead_scores.sql',
    'align rubric sql --dialect bigquery --table my-project.crm.leads --as-of 2026-11-27',
    'align rubric sql --dialect snowflake --rubric HEAD~1 --table \'"CRM"."LEADS"\'',
    'align rubric sql --dialect duckdb | duckdb leads.duckdb',
    'align rubric sql --dialect duckdb --crm hubspot --leads hubspot-contacts.csv --table contacts',
  ],
  run: ({ opts, ctx }) => sql(opts, ctx),
});

/** Compiles the rubric to SQL: on stdout, or into a file with --out (its path printed). */
async function sql(opts: OptionsOf<typeof flags>, ctx: Context): Promise<number> {
  const target = opts.out === undefined ? undefined : outTarget(ctx, opts.out, opts.force);
  const root = opts.rubric === undefined ? requireWorkspaceRoot(ctx.cwd) : (findWorkspaceRoot(ctx.cwd) ?? ctx.cwd);
  const version = await readRubric(opts.rubric, { cwd: ctx.cwd, root, env: ctx.env });
  const { rubric, label } = version;
  const mapping = runMapping(opts, [rubric], { cwd: ctx.cwd, root: findWorkspaceRoot(ctx.cwd) });
  const { columns, idColumn } = sourceColumns(version, mapping, opts, ctx);
  const text = compileRubricSql(rubric, {
    dialect: opts.dialect,
    table: opts.table ?? 'leads',
    idColumn,
    columns,
    asOf: opts.asOf,
    view: opts.view,
    source: label,
    locale: setting(opts.locale, configuredLocale(root), DEFAULT_LOCALE),
  });
  emit(ctx, target, text);
  return 0;
}

/**
 * The table's column for each field and for the id: with --leads, the headers `rubric score`
 * reads from that file; without it, the first header the column map names (else the field),
 * and --id-column, else the CRM's first id header, else `id`.
 */
function sourceColumns(version: RubricVersion, mapping: ColumnMapping, opts: OptionsOf<typeof flags>, ctx: Context): { columns: Record<string, string>; idColumn: string } {
  const fields = rubricFields(version.rubric);
  if (opts.leads === undefined) return { columns: unmatchedColumns(fields, mapping.map), idColumn: opts.idColumn ?? mapping.idNames[0] ?? 'id' };
  const header = readHeader(resolve(ctx.cwd, opts.leads), { label: opts.leads, delimiter: opts.delimiter, maxLineBytes: opts.maxLineBytes });
  const found = resolveLeadColumns(header, {
    label: opts.leads,
    fields,
    map: mapping.map,
    idNames: mapping.idNames,
    ...(opts.idColumn !== undefined ? { idColumn: opts.idColumn } : {}),
    places: rubricPlaces([version]),
  });
  if (!found.id) throw new UserError(`${opts.leads} has no id column (looked for ${[...mapping.idNames, ...ID_COLUMNS].join(', ')})`, 'name the column that identifies each lead with --id-column');
  const columns: Record<string, string> = {};
  for (const [field, col] of Object.entries(found.fields)) Object.defineProperty(columns, field, { value: header[col]!, enumerable: true });
  return { columns, idColumn: found.id.name };
}
