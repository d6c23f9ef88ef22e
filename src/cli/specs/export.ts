import type { CommandSpec } from '../commands.js';

/** align export, align status. */
export const EXPORT_COMMANDS: CommandSpec[] = [];
