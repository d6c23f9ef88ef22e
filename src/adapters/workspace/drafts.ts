import { mkdirSync, readdirSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../../core/errors.js';
import type { WorkshopState } from '../../core/workshop/state.js';
import { readSnapshot, writeAtomic } from '../files/atomic.js';

export const DRAFTS_DIR = join('.align', 'drafts');

const draftPath = (root: string, id: string) => join(root, DRAFTS_DIR, `${id}.json`);

/** Saves the draft atomically (temp file + rename): a crash leaves the previous draft whole. */
export function saveDraft(root: string, state: WorkshopState): void {
  mkdirSync(join(root, DRAFTS_DIR), { recursive: true });
  const path = draftPath(root, state.id);
  const { snapshot } = readSnapshot(path);
  writeAtomic(path, `${JSON.stringify(state, null, 2)}\n`, snapshot);
}

export function loadDraft(root: string, id: string): WorkshopState {
  const { bytes } = readSnapshot(draftPath(root, id));
  if (!bytes) throw new UserError(`no draft "${id}" in ${DRAFTS_DIR}`, 'run `align workshop --resume` to pick one');
  try {
    const state = JSON.parse(bytes.toString('utf8')) as WorkshopState;
    if (state.version !== 1 || !state.answers || !state.position) throw new Error('not a workshop draft');
    return state;
  } catch (e) {
    throw new UserError(`${join(DRAFTS_DIR, `${id}.json`)} cannot be read: ${(e as Error).message}`, 'move the file aside and start the workshop again');
  }
}

/** Drafts in progress, newest first (then by id, so the order is stable). */
export function listDrafts(root: string): WorkshopState[] {
  let names: string[];
  try {
    names = readdirSync(join(root, DRAFTS_DIR)).filter((f) => f.endsWith('.json') && !f.startsWith('.'));
  } catch {
    return [];
  }
  return names.map((n) => loadDraft(root, n.slice(0, -5))).sort((a, b) => b.updated.localeCompare(a.updated) || a.id.localeCompare(b.id));
}

export function draftIds(root: string): string[] {
  try {
    return readdirSync(join(root, DRAFTS_DIR)).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5));
  } catch {
    return [];
  }
}

export function deleteDraft(root: string, id: string): void {
  try {
    unlinkSync(draftPath(root, id));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
}
