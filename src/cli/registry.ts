import type { Context } from '../adapters/context.js';
import { FOUNDATION_COMMANDS } from './specs/foundation.js';
import { AGENDA_COMMANDS } from './specs/agenda.js';
import { WORKSHOP_COMMANDS } from './specs/workshop.js';
import { RUBRIC_COMMANDS } from './specs/rubric.js';
import { RUBRIC_HISTORY_COMMANDS } from './specs/rubric-history.js';
import { RUBRIC_SQL_COMMANDS } from './specs/rubric-sql.js';
import { EXPORT_COMMANDS } from './specs/export.js';

export interface CommandModule {
  /** Runs the command; returns the exit code, or throws an AlignError. */
  run(args: string[], opts: Record<string, unknown>, ctx: Context): Promise<number>;
}

export interface OptionSpec {
  flags: string;
  description: string;
  choices?: string[];
  default?: unknown;
  repeatable?: boolean;
}

export interface CommandSpec {
  /** The parent command for a subcommand, e.g. `rubric` for `rubric score <file>`. */
  group?: string;
  /** Description of the group, given by the first spec of a group. */
  groupDescription?: string;
  usage: string;
  description: string;
  options?: OptionSpec[];
  examples: string[];
  load: () => Promise<CommandModule>;
}

/** Every command: its flags, help and examples in specs/; its code loaded only when it runs. */
export const COMMANDS: CommandSpec[] = [
  ...FOUNDATION_COMMANDS,
  ...AGENDA_COMMANDS,
  ...WORKSHOP_COMMANDS,
  ...RUBRIC_COMMANDS,
  ...RUBRIC_HISTORY_COMMANDS,
  ...RUBRIC_SQL_COMMANDS,
  ...EXPORT_COMMANDS,
];
