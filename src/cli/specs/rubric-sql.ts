import type { CommandSpec } from '../registry.js';

/** align rubric sql. */
export const RUBRIC_SQL_COMMANDS: CommandSpec[] = [
  {
    group: 'rubric',
    usage: 'sql',
    description: 'compile the rubric to one SQL query (or view) that scores every lead of a table where the leads live, with the scores `align rubric score` gives',
    options: [
      { flags: '--dialect <dialect>', description: 'the SQL engine', choices: ['postgres', 'duckdb', 'snowflake', 'bigquery'], default: 'postgres' },
      { flags: '--table <name>', description: 'the table (or view) that holds the leads, one column per rubric field; may be schema-qualified', default: 'leads' },
      { flags: '--id-column <column>', description: 'the column that names each lead', default: 'id' },
      { flags: '--as-of <date>', description: 'the scoring date for within_last, YYYY-MM-DD (default: today); it is fixed in the SQL' },
      { flags: '--view <name>', description: 'emit CREATE OR REPLACE VIEW <name> AS … instead of a bare query' },
      { flags: '--rubric <rubric>', description: 'the rubric: a file, REV:PATH, or a git revision (default: the workspace rubric.yaml)' },
      { flags: '--out <file>', description: 'write the SQL to a new file (atomically; an existing file is never replaced)' },
    ],
    examples: [
      'align rubric sql --dialect duckdb --table leads',
      'align rubric sql --dialect postgres --table crm.leads --id-column lead_id --view crm.lead_scores --out lead_scores.sql',
      'align rubric sql --dialect bigquery --table my-project.crm.leads --as-of 2026-11-27',
      'align rubric sql --dialect snowflake --rubric HEAD~1 --table \'"CRM"."LEADS"\'',
      'align rubric sql --dialect duckdb | duckdb leads.duckdb',
    ],
    load: () => import('../../commands/rubric/sql.js'),
  },
];
