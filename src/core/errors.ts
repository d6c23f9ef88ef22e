import { terminalSafe } from './text/terminal.js';

/** One thing wrong with one file, located where it can be. */
export interface Problem {
  file: string;
  line?: number;
  col?: number;
  message: string;
  hint?: string;
  severity?: 'error' | 'warning';
}

/** Base of every error align expects; the entry maps `exitCode` to the process exit code. */
export class AlignError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
    readonly hint?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Wrong usage or bad input: exit 2, nothing changed. */
export class UserError extends AlignError {
  constructor(message: string, hint?: string) {
    super(message, 2, hint);
  }
}

/** Bad input located in files: exit 2, every problem listed. */
export class InputError extends AlignError {
  constructor(
    readonly problems: Problem[],
    hint?: string,
  ) {
    super(problems.map(formatProblem).join('\n'), 2, hint);
  }
}

/**
 * A problem as people read it: `file:line:col: message`, then its hint on a line of its own.
 * The file name, the message and the hint quote what the user wrote, so each is made safe
 * for a terminal and kept on its one line.
 */
export function formatProblem(p: Problem): string {
  const file = terminalSafe(p.file);
  const where = p.line === undefined ? file : `${file}:${p.line}:${p.col ?? 1}`;
  const level = p.severity === 'warning' ? 'warning: ' : '';
  const hint = p.hint ? `\n  hint: ${terminalSafe(p.hint)}` : '';
  return `${where}: ${level}${terminalSafe(p.message)}${hint}`;
}
