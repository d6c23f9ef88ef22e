import { AlignError, InputError, formatProblem } from '../core/errors.js';
import type { Context } from '../adapters/context.js';
import { aboutThisRun } from '../adapters/package/runtime.js';
import { terminalSafe } from '../core/text/terminal.js';

/** The exit code when align cannot write its own output (sysexits' EX_IOERR): nothing to do with the input. */
const OUTPUT_FAILED = 74;

/**
 * Text for stderr: messages quote what the user typed or wrote, so each is made safe for a
 * terminal. A message of several lines (git's own words) keeps them, indented, so that no line
 * of it can pass for a line of align's own (`align: …`, `hint: …`, `file:line:col: …`).
 */
function shown(text: string): string {
  return terminalSafe(text, 'lines').replace(/\n/g, '\n  ');
}

/**
 * Prints an error the way a user should see it; returns the exit code. `argv` is the command
 * line (without `align`), quoted back in a bug report.
 */
export function reportError(err: unknown, ctx: Pick<Context, 'stderr' | 'debug'> & { argv: readonly string[] }): number {
  const out = (s: string) => ctx.stderr.write(`${s}\n`);
  if (err instanceof InputError) {
    for (const p of err.problems) out(formatProblem(p));
    if (err.hint) out(`hint: ${shown(err.hint)}`);
  } else if (err instanceof AlignError) {
    out(`align: ${shown(err.message)}`);
    if (err.hint) out(`hint: ${shown(err.hint)}`);
  } else {
    const e = err instanceof Error ? err : new Error(String(err));
    out(`align: internal error: ${shown(e.message)}`);
    out(`This is a bug in align. Please report it with these lines${ctx.debug ? ' and the trace below:' : ' (run it again with --debug and add the trace it shows):'}`);
    for (const line of aboutThisRun(ctx.argv)) out(`  ${terminalSafe(line)}`);
    if (ctx.debug && e.stack) out(terminalSafe(e.stack, 'lines'));
    return 70;
  }
  if (ctx.debug && err instanceof Error && err.stack) out(terminalSafe(err.stack, 'lines'));
  return (err as AlignError).exitCode;
}

/**
 * stdout or stderr could not be written (a full disk, an I/O error): one line on stderr while
 * stderr still works, never a stack; returns the exit code.
 */
export function reportOutputFailure(err: NodeJS.ErrnoException, stream: 'standard output' | 'standard error', stderr: Context['stderr']): number {
  if (stream !== 'standard error') {
    // Node's words, less the name of the system call: "ENOSPC: no space left on device".
    const why = terminalSafe(err.message.replace(/, write$/, ''));
    stderr.write(`align: cannot write to ${stream} (${why}); the output is incomplete\n`);
  }
  return OUTPUT_FAILED;
}
