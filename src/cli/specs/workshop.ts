import type { CommandSpec } from '../commands.js';

/** align workshop. */
export const WORKSHOP_COMMANDS: CommandSpec[] = [];
