import type { CommandSpec } from '../registry.js';

/** align export, align status. */
export const EXPORT_COMMANDS: CommandSpec[] = [
  {
    usage: 'export',
    description: 'a Markdown summary to share: shared goals, the lead definition in plain words, open actions by owner, sessions, and the rubric changelog from git',
    options: [
      { flags: '--since <date>', description: 'only sessions and rubric versions on or after this date (YYYY-MM-DD)' },
      { flags: '--until <date>', description: 'only sessions and rubric versions on or before this date (YYYY-MM-DD)' },
      { flags: '--session <id>', description: 'only this session (repeat for several)', repeatable: true },
      { flags: '--template <id>', description: 'only sessions held with this template, e.g. sync' },
      { flags: '--leads <file.csv>', description: 'score these leads with the current rubric and add a chart of leads by stage' },
      { flags: '--format <format>', description: 'output format', choices: ['md', 'json'], default: 'md' },
      { flags: '--out <file>', description: 'write to this file (atomically) and print its path, instead of printing the summary' },
      { flags: '--force', description: 'with --out: replace the file if it exists' },
    ],
    examples: [
      'align export',
      'align export --since 2026-11-01 --out summary.md',
      'align export --template sync --since 2026-12-01',
      'align export --session 2026-11-27-lead-definition --leads leads.csv',
      'align export --format json > summary.json',
    ],
    load: () => import('../../commands/export/export.js'),
  },
  {
    usage: 'status',
    description: 'what to look at when a sync starts: goals at risk, overdue and due-soon actions, days since the last session, rubric sign-off and golden leads; always exits 0 (a view, not a check)',
    options: [
      { flags: '--days <n>', description: 'an open action is "due soon" when it is due within this many days', default: '7' },
      { flags: '--format <format>', description: 'output format', choices: ['table', 'json'], default: 'table' },
    ],
    examples: ['align status', 'align status --days 14', 'align status --format json'],
    load: () => import('../../commands/status/status.js'),
  },
];
