import type { CommandSpec } from '../commands.js';

/** align agenda, align templates. */
export const AGENDA_COMMANDS: CommandSpec[] = [];
