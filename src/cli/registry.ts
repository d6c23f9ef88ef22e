import type { CommandSpec } from './define.js';

interface Entry {
  path: readonly [string] | readonly [string, string];
  load: () => Promise<{ command: CommandSpec }>;
}

/**
 * Every command, by the words that call it; its module (spec, typed options and run, in
 * commands/<area>/) is imported only when it is called, which keeps start-up small.
 */
export const COMMANDS: readonly Entry[] = [
  { path: ['init'], load: () => import('../commands/workspace/init.js') },
  { path: ['validate'], load: () => import('../commands/workspace/validate.js') },
  { path: ['agenda'], load: () => import('../commands/agenda/agenda.js') },
  { path: ['templates'], load: () => import('../commands/agenda/templates.js') },
  { path: ['templates', 'show'], load: () => import('../commands/agenda/templates-show.js') },
  { path: ['workshop'], load: () => import('../commands/workshop/workshop.js') },
  { path: ['rubric', 'score'], load: () => import('../commands/rubric/score.js') },
  { path: ['rubric', 'diff'], load: () => import('../commands/rubric/diff.js') },
  { path: ['rubric', 'log'], load: () => import('../commands/rubric/log.js') },
  { path: ['rubric', 'test'], load: () => import('../commands/rubric/test.js') },
  { path: ['rubric', 'sql'], load: () => import('../commands/rubric/sql.js') },
  { path: ['export'], load: () => import('../commands/export/export.js') },
  { path: ['status'], load: () => import('../commands/status/status.js') },
  { path: ['completion'], load: () => import('../commands/shell/completion.js') },
];

/** Words that only group commands (`align rubric …`), with what help says of them. */
export const GROUPS: Readonly<Record<string, string>> = {
  rubric: 'score leads with the lead rubric, compare its versions, and check it',
};

/**
 * The commands a command line may call: the one its first two words name, else every command
 * its first word starts (`align rubric --help`, `align templates`), else all of them
 * (top-level help, or an unknown word that commander suggests against).
 */
export function commandsFor(argv: readonly string[]): readonly Entry[] {
  const [first, second] = leadingWords(argv);
  const exact = COMMANDS.filter((c) => c.path.length === 2 && c.path[0] === first && c.path[1] === second);
  if (exact.length) return exact;
  const group = COMMANDS.filter((c) => c.path[0] === first);
  return group.length ? group : COMMANDS;
}

/**
 * `align help rubric score` is `align rubric score --help`: commander's own help command
 * reads one word, and would show the help of `rubric`. Global options before it are kept.
 */
export function helpAsFlag(argv: readonly string[]): string[] {
  const at = wordIndexes(argv);
  if (at.length === 0 || argv[at[0]!] !== 'help') return [...argv];
  const rest = argv.filter((_, i) => i !== at[0]);
  return rest.includes('--help') || rest.includes('-h') ? rest : [...rest, '--help'];
}

/** Global options that take a value: their value is not a command word. */
const VALUED_GLOBALS = new Set(['-C', '--cwd', '--color']);

function leadingWords(argv: readonly string[]): string[] {
  return wordIndexes(argv).slice(0, 2).map((i) => argv[i]!);
}

/** Where the words that are not options, nor a global option's value, are. */
function wordIndexes(argv: readonly string[]): number[] {
  const at: number[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (VALUED_GLOBALS.has(a)) i++;
    else if (!a.startsWith('-')) at.push(i);
  }
  return at;
}
