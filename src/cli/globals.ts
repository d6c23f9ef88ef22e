/**
 * The options every command takes, as help shows them and shell completion offers them;
 * program.ts gives them to commander.
 */
export const GLOBAL_FLAGS = {
  cwd: { flags: '-C, --cwd <dir>', description: 'run as if started in <dir>' },
  color: { flags: '--color <when>', description: 'colour output', choices: ['auto', 'always', 'never'] as const },
  debug: { flags: '--debug', description: 'show stack traces and internal details' },
  help: { flags: '-h, --help', description: 'display help for command' },
};
