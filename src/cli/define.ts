import type { Context } from '../adapters/context.js';

/**
 * One flag of a command: how commander spells it, what help says, and the one parser that
 * turns what was typed into the typed option the command reads. `raw` is commander's value:
 * a string, true for a boolean flag, a list for a repeatable one, or undefined.
 */
export interface Flag<T> {
  readonly flags: string;
  readonly description: string;
  /** Commander's own default (only for `--no-x` flags, whose default is true). */
  readonly negatable?: boolean;
  readonly repeatable?: boolean;
  /** The values it takes, when they are a fixed list (shell completion offers them). */
  readonly choices?: readonly string[];
  /** Its value is a template id (shell completion offers the built-in ones). */
  readonly takesTemplate?: boolean;
  parse(raw: unknown, ctx: Context): T;
}

// biome-ignore lint/suspicious/noExplicitAny: a record of flags of every value type
export type Flags = Record<string, Flag<any>>;

/** The typed options a command's run receives: each flag's parsed value. */
export type OptionsOf<F extends Flags> = { [K in keyof F]: F[K] extends Flag<infer T> ? T : never };

export interface CommandSpec<F extends Flags = Flags> {
  /** `['rubric', 'score']` for `align rubric score`. */
  path: readonly [string] | readonly [string, string];
  /** Positional arguments as help shows them: `<file>`, `[a] [b]`. */
  args?: string;
  description: string;
  /** What shell completion offers for the positional arguments: template ids, a fixed list, or (without it) files. */
  completes?: 'templates' | readonly string[];
  flags: F;
  examples: readonly string[];
  /** Runs the command; returns the exit code, or throws an AlignError. */
  run(input: { args: string[]; opts: OptionsOf<F>; ctx: Context }): Promise<number>;
}

/** A command's spec, typed by its flags; the identity at run time. */
export function defineCommand<F extends Flags>(spec: CommandSpec<F>): CommandSpec<F> {
  return spec;
}
