import type { CompletionModel, CompletionOption, Values } from './model.js';

/**
 * The model as the lookups every shell's script makes while it reads a command line: is this
 * word a command under the words so far, does this option take a value, and which values.
 * Keys are "COMMAND|WORD" (COMMAND is the words so far, '' at the top); a global option is
 * keyed with ANY in place of the command.
 */
export interface Tables {
  subcommands: string[];
  valued: Key[];
  /** Options whose values are not file names. */
  values: { key: Key; value: Values }[];
}

/** A lookup key: a command's words, or any command (a global option), and a word. */
export interface Key {
  command: string | null;
  word: string;
}

export function tablesOf(model: CompletionModel): Tables {
  const subcommands = model.commands.flatMap((c) => c.subcommands.map((s) => `${c.key}|${s.word}`));
  const valued: Key[] = [];
  const values: { key: Key; value: Values }[] = [];
  const add = (command: string | null, options: CompletionOption[]) => {
    for (const o of options) {
      if (!o.value) continue;
      for (const word of o.names) {
        valued.push({ command, word });
        // File names are what every lookup answers when it knows no better.
        if (o.value !== 'files') values.push({ key: { command, word }, value: o.value });
      }
    }
  };
  // A command's own option first: it wins over a global one of the same name.
  for (const c of model.commands) add(c.key, c.options);
  add(null, model.globals);
  return { subcommands, valued, values };
}

/** Every name of every option this command line may use there: the command's own, then the global ones. */
export function optionNames(model: CompletionModel, key: string): string[] {
  const command = model.commands.find((c) => c.key === key);
  return [...(command?.options ?? []), ...model.globals].flatMap((o) => o.names);
}

/** Descriptions go on one line, and stay short in a completion menu. */
export function oneLine(text: string, max = 90): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
