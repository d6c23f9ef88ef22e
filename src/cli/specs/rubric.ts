import type { CommandSpec } from '../registry.js';

/** align rubric score. */
export const RUBRIC_COMMANDS: CommandSpec[] = [
  {
    group: 'rubric',
    groupDescription: 'score leads with the lead rubric, compare its versions, check it',
    usage: 'score <file>',
    description: 'score every lead in a CSV with the rubric: per-lead scores and stages, and a summary by stage',
    options: [
      { flags: '--rubric <rubric>', description: 'the rubric: a file, REV:PATH, or a git revision (default: the workspace rubric.yaml)' },
      { flags: '--as-of <date>', description: 'the scoring date for within_last, YYYY-MM-DD (default: today)' },
      { flags: '--id-column <column>', description: 'the column that names each lead (default: id, lead_id or email if present, else the line number)' },
      { flags: '--explain', description: 'show the criteria that fired for each lead, with their points and why' },
      { flags: '--outcome <column>', description: 'a column that says whether the lead converted (true/yes/1): conversion per stage and lift per criterion' },
      { flags: '--format <format>', description: 'output format', choices: ['table', 'csv', 'json', 'ndjson'], default: 'table' },
      { flags: '--out <file>', description: 'write the scored leads to a file (atomically) instead of stdout' },
      { flags: '--force', description: 'let --out replace an existing file' },
      { flags: '--delimiter <char>', description: 'the CSV delimiter: one character, or "tab"', default: ',' },
      { flags: '--strict', description: 'fail (exit 2) on a row with the wrong number of cells instead of skipping it' },
    ],
    examples: [
      'align rubric score leads.csv',
      'align rubric score leads.csv --format csv --out scored.csv',
      'align rubric score leads.csv --outcome converted --as-of 2026-11-27',
      'align rubric score leads.csv --rubric HEAD~1 --explain --id-column email',
      'align rubric score export.tsv --delimiter tab --format ndjson',
    ],
    load: () => import('../../commands/rubric/score.js'),
  },
];
