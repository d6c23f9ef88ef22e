import type { Context } from '../../adapters/context.js';
import { emit, outTarget } from '../../adapters/files/out.js';
import { defineCommand, type OptionsOf } from '../../cli/define.js';
import { asOfFlag, choiceFlag, forceFlag, idColumnFlag, localeFlag, nameFlag, outFlag, rubricFlag, setting } from '../../cli/flags.js';
import { configuredLocale } from '../../adapters/workspace/locale.js';
import { DEFAULT_LOCALE } from '../../core/values/locale.js';
import { compileRubricSql } from '../../core/sql/compile.js';
import { DIALECTS } from '../../core/sql/quote.js';
import { readRubric } from '../../adapters/workspace/rubric-source.js';
import { findWorkspaceRoot, requireWorkspaceRoot } from '../../adapters/workspace/load.js';

const flags = {
  dialect: choiceFlag('--dialect <dialect>', 'the SQL engine', DIALECTS, 'postgres'),
  table: nameFlag('--table <name>', 'the table (or view) that holds the leads, one column per rubric field; may be schema-qualified (default: leads)', 'crm.leads'),
  idColumn: idColumnFlag('id'),
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
  ],
  run: ({ opts, ctx }) => sql(opts, ctx),
});

/** Compiles the rubric to SQL: on stdout, or into a file with --out (its path printed). */
async function sql(opts: OptionsOf<typeof flags>, ctx: Context): Promise<number> {
  const target = opts.out === undefined ? undefined : outTarget(ctx, opts.out, opts.force);
  const root = opts.rubric === undefined ? requireWorkspaceRoot(ctx.cwd) : (findWorkspaceRoot(ctx.cwd) ?? ctx.cwd);
  const { rubric, label } = await readRubric(opts.rubric, { cwd: ctx.cwd, root, env: ctx.env });
  const text = compileRubricSql(rubric, {
    dialect: opts.dialect,
    table: opts.table ?? 'leads',
    idColumn: opts.idColumn ?? 'id',
    asOf: opts.asOf,
    view: opts.view,
    source: label,
    locale: setting(opts.locale, configuredLocale(root), DEFAULT_LOCALE),
  });
  emit(ctx, target, text);
  return 0;
}
