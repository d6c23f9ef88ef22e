import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readDraftState, type WorkshopState } from '../../core/workshop/state.js';
import { openAtomic, readSnapshot, type AtomicFile } from '../files/atomic.js';
import { makeFolders, missingFolders } from '../files/folders.js';
import { insideRoot } from '../files/inside.js';
import { readChecked } from '../files/read.js';
import { removeIfThere } from '../files/remove.js';
import { fileError } from '../files/target.js';
import { ALIGN_DIR } from './root.js';

export const DRAFTS_DIR = join(ALIGN_DIR, 'drafts');
/** A draft holds a workshop's answers as JSON; a session file of them is at most 1 MiB, so past 16 MiB it is not a draft. */
const MAX_DRAFT_BYTES = 16 * 1024 * 1024;

/** A draft's file, by its id: inside the drafts folder, whatever the id holds. */
const draftPath = (root: string, id: string) => insideRoot(root, join(DRAFTS_DIR, `${id}.json`));

/** Saves the draft atomically (temp file + rename): a crash leaves the previous draft whole. */
function saveDraft(root: string, state: WorkshopState): void {
  openDraft(root, state).commit();
}

/** The draft as the state is now, written beside the draft file; `commit` or `place` puts it in place. */
function openDraft(root: string, state: WorkshopState): AtomicFile {
  const path = draftPath(root, state.id);
  makeFolders(missingFolders(insideRoot(root, DRAFTS_DIR)));
  const { snapshot } = readSnapshot(path);
  const file = openAtomic(path, snapshot);
  file.write(`${JSON.stringify(state, null, 2)}\n`);
  return file;
}

/** A draft file that cannot be resumed: its path (relative to the workspace) and why. */
export interface BrokenDraft {
  file: string;
  reason: string;
}

/**
 * Drafts in progress, newest first (then by id, so the order is stable), and the files that
 * are not drafts align can resume (corrupt, cut short, from another version), each named:
 * one bad file never stops a new workshop or the others from resuming.
 */
export function readDrafts(root: string): { drafts: WorkshopState[]; broken: BrokenDraft[] } {
  const drafts: WorkshopState[] = [];
  const broken: BrokenDraft[] = [];
  for (const id of draftIds(root)) {
    const file = join(DRAFTS_DIR, `${id}.json`);
    // By the workspace's rules: a FIFO is not waited on, a link out of the workspace not followed.
    const bytes = readChecked(join(root, file), file, { inside: root, maxBytes: MAX_DRAFT_BYTES });
    if (bytes.kind === 'refused') {
      broken.push({ file, reason: bytes.reason });
      continue;
    }
    const read = readDraftState(bytes.kind === 'read' ? bytes.bytes.toString('utf8') : '');
    if (!read.ok) broken.push({ file, reason: read.reason });
    // Saved under its id: a draft whose id names another file would be saved there.
    else if (read.state.id !== id) broken.push({ file, reason: `its id "${read.state.id}" is not its file's name` });
    else drafts.push(read.state);
  }
  drafts.sort((a, b) => b.updated.localeCompare(a.updated) || a.id.localeCompare(b.id));
  return { drafts, broken };
}

/** Every draft file's id, readable or not: a new draft never takes the name of a broken one. */
export function draftIds(root: string): string[] {
  try {
    return readdirSync(join(root, DRAFTS_DIR))
      .filter((f) => f.endsWith('.json') && !f.startsWith('.'))
      .map((f) => f.slice(0, -5))
      .sort();
  } catch {
    return [];
  }
}

export function deleteDraft(root: string, id: string): void {
  const path = draftPath(root, id);
  try {
    removeIfThere(path);
  } catch (e) {
    throw fileError(e, path);
  }
}

/**
 * The one writer of a workshop's draft, for everything that changes it: the terminal's answers
 * (`now`: saved at once) and the room's contributions (`soon`: saved in the background, those
 * that arrive meanwhile together, while the workshop goes on taking them). Every save writes the
 * whole state as it is, so no save loses what another added; a background save that a save at
 * once overtook is dropped, as that one holds all it did. A `soon` resolves once a save made
 * after it asked is on disk.
 */
export class DraftWriter {
  private waiting: { resolve: () => void; reject: (e: unknown) => void }[] = [];
  private running = false;
  /** Saves made at once so far: a background save made before the last of them is stale. */
  private made = 0;
  constructor(
    private readonly root: string,
    private readonly state: WorkshopState,
    private readonly before: () => void = () => {},
  ) {}

  /** Saves now; whatever waited for a save is on disk with it. */
  now(): void {
    const waiting = this.waiting.splice(0);
    try {
      this.before();
      saveDraft(this.root, this.state);
      this.made++;
    } catch (e) {
      for (const w of waiting) w.reject(e);
      throw e;
    }
    for (const w of waiting) w.resolve();
  }

  /** Saves soon, with whatever else asks meanwhile; resolves when on disk. */
  soon(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      void this.drain();
    });
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (this.waiting.length) {
        // What arrives in this turn of the event loop is saved with it.
        await new Promise((r) => setImmediate(r));
        const batch = this.waiting.splice(0);
        if (!batch.length) continue; // a save at once took them
        try {
          const made = this.made;
          this.before();
          const file = openDraft(this.root, this.state);
          await file.flush();
          // Checked and put in place in one step: no save at once can come in between.
          if (this.made !== made) file.abort();
          else await file.place();
          for (const w of batch) w.resolve();
        } catch (e) {
          for (const w of batch) w.reject(e);
        }
      }
    } finally {
      this.running = false;
    }
  }
}
