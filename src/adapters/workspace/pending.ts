import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AlignError, Problem } from '../../core/errors.js';
import { readJournal } from '../files/journal.js';
import { isDead, readHolder } from '../files/lock.js';
import { JOURNAL_FILE, LOCK_FILE } from './root.js';

/**
 * A write of the workspace that is not finished, as a problem of the workspace: while its
 * journal is there the files may not agree with each other, so no command reads them as
 * valid. Null when there is none.
 */
export function pendingWrite(root: string): Problem | null {
  const path = join(root, JOURNAL_FILE);
  if (!existsSync(path)) return null;
  const holder = readHolder(join(root, LOCK_FILE));
  if (holder !== null && holder !== 'unreadable' && !isDead(holder)) {
    return { file: JOURNAL_FILE, message: `the workspace is being written by another align right now: \`align ${holder.command}\` (pid ${holder.pid} on host ${holder.host})`, hint: 'run the command again once it is done' };
  }
  try {
    const j = readJournal(root, path, JOURNAL_FILE)!;
    return {
      file: JOURNAL_FILE,
      message: `a write by \`align ${j.command}\` (pid ${j.pid}, started ${j.started}) was interrupted: ${j.files.map((f) => f.path).join(', ')} may not agree with each other`,
      hint: 'run `align validate` where the workspace can be written: it finishes or rolls back that write first',
    };
  } catch (e) {
    return { file: JOURNAL_FILE, message: (e as Error).message, ...((e as AlignError).hint ? { hint: (e as AlignError).hint! } : {}) };
  }
}
