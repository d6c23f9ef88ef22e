import { lstatSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { UserError } from '../../core/errors.js';

// Kept apart from workspace.ts so that finding the workspace loads no schemas or parsers.
export const CONFIG_FILE = 'align.yaml';
export const GOALS_FILE = 'goals.yaml';
export const RUBRIC_FILE = 'rubric.yaml';
export const SESSIONS_DIR = 'sessions';
export const TEMPLATES_DIR = 'templates';

/**
 * Walks up from `start` to the folder that holds align.yaml: anything by that name, a link to
 * nothing or a folder too, so that the workspace it belongs to says what is wrong with it rather
 * than a workspace further up being taken for it.
 */
export function findWorkspaceRoot(start: string): string | null {
  let dir = resolve(start);
  for (;;) {
    if (isThere(join(dir, CONFIG_FILE))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

export function requireWorkspaceRoot(start: string): string {
  const root = findWorkspaceRoot(start);
  if (!root) throw new UserError(`no align workspace here: no ${CONFIG_FILE} in ${resolve(start)} or any folder above it`, 'run `align init` to create one, or pass -C DIR');
  return root;
}

function isThere(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** align's own folder in the workspace (git-ignored): drafts, the lock, the journal of a write under way. */
export const ALIGN_DIR = '.align';
export const LOCK_FILE = `${ALIGN_DIR}/lock`;
export const JOURNAL_FILE = `${ALIGN_DIR}/journal.json`;
