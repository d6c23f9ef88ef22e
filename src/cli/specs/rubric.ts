import type { CommandSpec } from '../commands.js';

/** align rubric score|diff|log|test|sql. */
export const RUBRIC_COMMANDS: CommandSpec[] = [];
