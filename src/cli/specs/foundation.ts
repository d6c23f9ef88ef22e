import type { CommandSpec, OptionSpec } from '../registry.js';

export const FORMAT_TEXT_JSON: OptionSpec = { flags: '--format <format>', description: 'output format', choices: ['text', 'json'], default: 'text' };

/** The foundation's commands. */
export const FOUNDATION_COMMANDS: CommandSpec[] = [
  {
    usage: 'init [dir]',
    description: 'create a workspace: align.yaml, goals.yaml, rubric.yaml, sessions/ (and a git repository if there is none)',
    options: [
      { flags: '--rubric <starter>', description: 'starter lead rubric', choices: ['blank', 'bant', 'champ', 'meddic', 'gpctba', 'anum'], default: 'bant' },
      { flags: '--org <name>', description: 'organization name' },
      { flags: '--sales <members>', description: 'sales team members, comma-separated' },
      { flags: '--marketing <members>', description: 'marketing team members, comma-separated' },
      { flags: '-y, --yes', description: 'ask nothing: use the flags given and defaults for the rest' },
      { flags: '--no-commit', description: 'write the files but do not commit them' },
    ],
    examples: [
      'align init',
      'align init acme --org "Acme Corp" --sales "Dana Kim,Lee Park" --marketing "Sam Ortiz,Ana Ruiz" --yes',
      'align init --rubric meddic --no-commit',
    ],
    load: () => import('../../commands/workspace/init.js'),
  },
  {
    usage: 'validate',
    description: 'check every workspace file against its schema and the references between them',
    options: [FORMAT_TEXT_JSON],
    examples: ['align validate', 'align validate --format json', 'align -C path/to/workspace validate'],
    load: () => import('../../commands/workspace/validate.js'),
  },
];
