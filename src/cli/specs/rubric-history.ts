import type { CommandSpec } from '../commands.js';

/** align rubric diff, log, test. */
export const RUBRIC_HISTORY_COMMANDS: CommandSpec[] = [];
