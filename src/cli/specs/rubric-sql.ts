import type { CommandSpec } from '../commands.js';

/** align rubric sql. */
export const RUBRIC_SQL_COMMANDS: CommandSpec[] = [];
