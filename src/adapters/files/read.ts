import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { UserError } from '../../core/errors.js';

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'it is a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ELOOP: 'a loop of symbolic links',
  ENOTDIR: 'a part of the path is not a folder',
};

/**
 * A file the user named on the command line (`--answers`, `--leads`), read whole; one that
 * cannot be read is bad input (exit 2) that says why, in words, and what to do.
 */
export function readInputFile(cwd: string, given: string, what: string, hint: string): Buffer {
  try {
    return readFileSync(resolve(cwd, given));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    throw new UserError(`cannot read ${what} ${given}: ${REASONS[code] ?? (e as Error).message}`, hint);
  }
}
