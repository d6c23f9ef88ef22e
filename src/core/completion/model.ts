/**
 * What shell completion knows of align, read from the command specs: every command by its
 * words, its options (which take a value, and which values), and what its arguments are.
 * Each shell's script (bash.ts, zsh.ts, fish.ts) is written from this one model.
 */

/** A flag as a command spec declares it: commander's spelling (`-n, --limit <n>`) and what it takes. */
interface FlagSpec {
  flags: string;
  description: string;
  choices?: readonly string[];
  takesTemplate?: boolean;
}

/** A command as its spec declares it. */
interface CommandSpecLike {
  path: readonly string[];
  args?: string;
  description: string;
  completes?: 'templates' | readonly string[];
  flags: Record<string, FlagSpec>;
}

/** What a value or an argument completes to: these words, or file names. */
export type Values = { words: readonly string[] } | 'files';

export interface CompletionOption {
  /** Every spelling: `-n`, `--limit`. */
  names: string[];
  description: string;
  /** What its value completes to; absent for a switch. */
  value?: Values;
}

interface CompletionCommand {
  /** The command's words joined by a space: `rubric score`. */
  key: string;
  description: string;
  /** The words that may follow: a group's commands (`rubric` → score, diff, …). */
  subcommands: { word: string; description: string }[];
  options: CompletionOption[];
  /** What its positional arguments complete to; absent when it takes none. */
  args?: Values;
  /** How many positional arguments it takes. */
  argCount: number;
}

export interface CompletionModel {
  program: string;
  /** Options every command takes (`-C`, `--color`). */
  globals: CompletionOption[];
  /** The root (key '') first, then every command and group. */
  commands: CompletionCommand[];
}

export interface ModelInput {
  program: string;
  specs: readonly CommandSpecLike[];
  /** What help says of the words that only group commands (`rubric`). */
  groups: Readonly<Record<string, string>>;
  globals: readonly FlagSpec[];
  templateIds: readonly string[];
}

/** A word that is safe to put in any shell's script unquoted. */
const PLAIN = /^[\w@%+=:,./-]+$/;

/** The completion model of the program whose commands these specs are. */
export function completionModel(input: ModelInput): CompletionModel {
  const templates = input.templateIds.filter((id) => PLAIN.test(id));
  const option = (f: FlagSpec): CompletionOption => optionOf(f, templates);
  const commands = new Map<string, CompletionCommand>();
  const node = (key: string, description: string) => {
    const known = commands.get(key);
    if (known) return known;
    const made: CompletionCommand = { key, description, subcommands: [], options: [], argCount: 0 };
    commands.set(key, made);
    return made;
  };
  const root = node('', '');
  for (const spec of input.specs) {
    const [first, second] = spec.path;
    if (first === undefined) continue;
    const top = node(first, second === undefined ? spec.description : (input.groups[first] ?? ''));
    addWord(root, first, top.description);
    const leaf = second === undefined ? top : node(`${first} ${second}`, spec.description);
    if (second !== undefined) addWord(top, second, spec.description);
    leaf.options = Object.values(spec.flags).map(option);
    const args = argsOf(spec, templates);
    if (args) leaf.args = args;
    leaf.argCount = (spec.args ?? '').split(/\s+/).filter((a) => /^[<[]/.test(a)).length;
  }
  // `align help rubric score`: each shell's script completes the words after help as command words.
  addWord(root, 'help', 'show the help of a command: align help rubric score');
  return { program: input.program, globals: input.globals.map(option), commands: [...commands.values()] };
}

function addWord(parent: CompletionCommand, word: string, description: string): void {
  if (!parent.subcommands.some((s) => s.word === word)) parent.subcommands.push({ word, description });
}

/** `-n, --limit <n>` → names -n and --limit, taking a value. */
function optionOf(f: FlagSpec, templates: readonly string[]): CompletionOption {
  const names = f.flags.split(/[ ,|]+/).filter((w) => /^--?[\w-]+$/.test(w));
  const out: CompletionOption = { names, description: f.description };
  if (!/[<[]/.test(f.flags)) return out;
  if (f.takesTemplate) out.value = { words: templates };
  else if (f.choices) out.value = { words: f.choices.filter((c) => PLAIN.test(c)) };
  else out.value = 'files';
  return out;
}

function argsOf(spec: CommandSpecLike, templates: readonly string[]): Values | undefined {
  if (spec.completes === 'templates') return { words: templates };
  if (spec.completes) return { words: spec.completes.filter((c) => PLAIN.test(c)) };
  return spec.args ? 'files' : undefined;
}
