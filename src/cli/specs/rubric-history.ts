import type { CommandSpec } from '../registry.js';

/** align rubric diff, log, test. */
export const RUBRIC_HISTORY_COMMANDS: CommandSpec[] = [
  {
    group: 'rubric',
    groupDescription: 'score leads with the lead rubric, compare its versions, and check it',
    usage: 'diff [a] [b]',
    description: 'semantic diff of two rubric versions: a git revision (rubric.yaml there), REV:PATH, or a file; default HEAD against the working tree',
    options: [
      { flags: '--leads <file.csv>', description: 'score these leads under both versions and show how many move between stages' },
      { flags: '--format <format>', description: 'output format', choices: ['table', 'md', 'json'], default: 'table' },
      { flags: '--exit-code', description: 'exit 1 when the versions differ, 0 when they do not' },
      { flags: '--as-of <date>', description: 'scoring date for --leads (YYYY-MM-DD; default today)' },
      { flags: '--id-column <col>', description: 'the CSV column that names a lead (default: id, lead_id or email, else the line number)' },
      { flags: '--delimiter <char>', description: 'CSV field delimiter for --leads (default ,; "tab" for tabs)' },
    ],
    examples: [
      'align rubric diff',
      'align rubric diff HEAD~1',
      'align rubric diff v1.0 HEAD --format md',
      'align rubric diff main:rubric.yaml proposals/rubric.yaml --leads leads.csv',
      'align rubric diff --exit-code > /dev/null || echo "the rubric has uncommitted changes"',
    ],
    load: () => import('../../commands/rubric/diff.js'),
  },
  {
    group: 'rubric',
    usage: 'log',
    description: 'every version of rubric.yaml in git history, what each changed and who signed it off',
    options: [
      { flags: '-n, --limit <n>', description: 'show only the newest N versions' },
      { flags: '--format <format>', description: 'output format', choices: ['table', 'json'], default: 'table' },
    ],
    examples: ['align rubric log', 'align rubric log --limit 5', 'align rubric log --format json'],
    load: () => import('../../commands/rubric/log.js'),
  },
  {
    group: 'rubric',
    usage: 'test [rubric]',
    description: "run the rubric's golden leads (tests:) and lint it: unreachable stages, criteria that never fire, duplicate conditions, bad regular expressions",
    options: [
      { flags: '--as-of <date>', description: 'scoring date for tests without their own as_of (YYYY-MM-DD; default today)' },
      { flags: '--format <format>', description: 'output format', choices: ['table', 'json'], default: 'table' },
    ],
    examples: ['align rubric test', 'align rubric test --as-of 2026-12-01', 'align rubric test proposals/rubric.yaml --format json'],
    load: () => import('../../commands/rubric/test.js'),
  },
];
