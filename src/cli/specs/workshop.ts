import type { CommandSpec } from '../registry.js';

/** align workshop. */
export const WORKSHOP_COMMANDS: CommandSpec[] = [
  {
    usage: 'workshop [template]',
    description: 'run a facilitated session section by section, write what the room agreed to the workspace files, and commit them',
    options: [
      { flags: '--answers <file>', description: 'take every answer from a YAML file (keyed by section id) instead of asking; needs no terminal' },
      { flags: '--resume', description: 'continue a workshop that was interrupted, where it stopped' },
      { flags: '--leads <file>', description: 'a CSV of leads: suggests its columns as criteria fields and counts leads per stage live' },
      { flags: '--no-commit', description: 'write the files but do not commit them' },
      { flags: '--dry-run', description: 'write nothing; print the files the workshop would write' },
      { flags: '--format <format>', description: 'how to print the paths written', choices: ['text', 'json'], default: 'text' },
    ],
    examples: [
      'align workshop kickoff',
      'align workshop lead-definition --leads leads.csv',
      'align workshop --resume',
      'align workshop kickoff --answers examples/kickoff.answers.yaml',
      'align workshop sync --answers sync.yaml --dry-run',
    ],
    load: () => import('../../commands/workshop/workshop.js'),
  },
];
