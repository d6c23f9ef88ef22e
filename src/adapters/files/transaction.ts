import { accessSync, constants, linkSync, renameSync, unlinkSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { AlignError, InputError, UserError } from '../../core/errors.js';
import { hashOf, openAtomic, readIfExists, syncFolder, writeAtomic, writeTag, type AtomicFile, type Snapshot } from './atomic.js';
import { insideRoot } from './inside.js';
import { makeFolders, missingFolders, removeEmptyFolder } from './folders.js';
import { removeIfThere } from './remove.js';
import { backupPath, journalText, type Journal } from './journal.js';
import { fileError, throughLinks } from './target.js';

/** One file of a write: where (relative to the root), what it will hold, and what it may replace. */
export interface FileWrite {
  rel: string;
  text: string;
  /** `create`: a new file only; a Snapshot: the file as it was read, refused if it changed since. */
  mode: 'create' | Snapshot;
}

export interface Together {
  /** The folder every file is written in (the workspace). */
  root: string;
  /** Where the journal is kept while the write is under way; its folder exists. */
  journal: string;
  /** What is writing, for a run that finds the journal left behind. */
  command: string;
  now: Date;
  files: FileWrite[];
  /** What to do when a file changed on disk since it was read. */
  changedHint: string;
  /** Called after each step (test-only: fault injection; see docs/limits.md). */
  step?: (name: string) => void;
}

/**
 * Thrown by a step hook to stop a write where it is, as a killed process would: nothing is
 * rolled back, and the journal is left for the next run (test-only).
 */
export class Halt extends Error {}

interface Planned {
  rel: string;
  text: string;
  path: string;
  before: string | null;
  file?: AtomicFile;
  backup?: string;
  placed: boolean;
}

/**
 * Writes several files so that they land together or not at all, with the one atomic writer:
 * every file is checked (inside the root, as it was read, writable), a journal records the
 * write, every file is staged beside its target (a temporary file, flushed to disk), each file
 * to be replaced gets a second name (its backup), then each staged file is renamed into place,
 * the folders flushed, the backups and the journal removed. A failure on the way undoes what
 * was done; a crash leaves the journal, which the next run finishes or rolls back (recover.ts).
 * The caller holds the lock that keeps other writers out.
 */
export function writeTogether(t: Together): void {
  const step = t.step ?? (() => {});
  const tag = writeTag();
  const planned = check(t);
  const folders = foldersToMake(t.root, planned);
  const journal: Journal = {
    align: 'journal/1',
    command: t.command,
    pid: process.pid,
    host: hostname(),
    started: t.now.toISOString(),
    tag,
    folders,
    files: planned.map((p) => ({ path: p.rel, before: p.before, after: hashOf(p.text) })),
  };
  writeAtomic(t.journal, journalText(journal), 'create');
  let at = t.journal; // what is being written, for a message
  try {
    step('journal');
    makeFolders(folders.map((f) => join(t.root, f)));
    planned.forEach((p, i) => {
      at = p.path;
      p.file = openAtomic(p.path, p.before === null ? 'create' : { path: p.path, hash: p.before }, tag);
      p.file.write(p.text);
      p.file.stage();
      step(`stage-${i + 1}`);
    });
    for (const p of planned) {
      if (p.before === null) continue;
      p.backup = backupPath(p.path, tag);
      at = p.backup;
      linkSync(p.path, p.backup);
    }
    step('backup');
    planned.forEach((p, i) => {
      at = p.path;
      p.file!.commit();
      p.placed = true;
      step(`rename-${i + 1}`);
    });
  } catch (e) {
    if (e instanceof Halt) throw e;
    undo(t, planned, folders);
    throw e instanceof AlignError ? e : fileError(e, at);
  }
  try {
    for (const p of planned) if (p.backup) removeIfThere(p.backup);
    step('cleanup');
    removeIfThere(t.journal);
    syncFolder(dirname(t.journal));
  } catch (e) {
    if (e instanceof Halt) throw e;
    // Every file is in place: the next run finds that, and only tidies up.
  }
}

/** Every file where it goes, checked before anything is written: inside the root, as read, writable. */
function check(t: Together): Planned[] {
  const planned = t.files.map((f) => {
    // insideRoot follows a link at the file itself too: where it leads must be inside as well.
    const path = throughLinks(insideRoot(t.root, f.rel));
    return { rel: f.rel, text: f.text, path, before: f.mode === 'create' ? null : f.mode.hash, placed: false };
  });
  const seen = new Map<string, string>();
  for (const p of planned) {
    const first = seen.get(p.path);
    if (first !== undefined) throw new UserError(`${first} and ${p.rel} are the same file (a link leads from one to the other); align writes each file once and changed nothing`, 'make them two files, then run the command again');
    seen.set(p.path, p.rel);
  }
  const changed = planned.filter((p) => {
    let now: Buffer | null;
    try {
      now = readIfExists(p.path);
    } catch (e) {
      throw fileError(e, p.path); // a folder where the file goes, say
    }
    return (now === null ? null : hashOf(now)) !== p.before;
  });
  if (changed.length) {
    throw new InputError(
      changed.map((p) => ({ file: p.rel, message: p.before === null ? 'appeared on disk since align started; nothing was written' : 'changed on disk since align read it; nothing was written' })),
      t.changedHint,
    );
  }
  for (const p of planned) {
    if (p.before === null) continue;
    try {
      // A file its owner made read-only is not replaced behind their back, though its folder would allow it.
      accessSync(p.path, constants.W_OK);
    } catch (e) {
      throw fileError(e, p.path);
    }
  }
  return planned;
}

/** The folders the files need that are not there yet, relative to the root, outermost first. */
function foldersToMake(root: string, planned: Planned[]): string[] {
  return [...new Set(planned.flatMap((p) => missingFolders(dirname(p.path)).map((d) => relative(root, d))))];
}

/** Undoes a write that failed on the way: files put in place go back to what they were, the rest is removed. */
function undo(t: Together, planned: Planned[], folders: string[]): void {
  try {
    for (const p of [...planned].reverse()) {
      if (p.placed) {
        if (p.backup) renameSync(p.backup, p.path);
        else unlinkSync(p.path);
        syncFolder(dirname(p.path));
      } else {
        p.file?.abort();
        if (p.backup) removeIfThere(p.backup);
      }
    }
    for (const f of [...folders].reverse()) removeEmptyFolder(join(t.root, f));
    removeIfThere(t.journal);
  } catch (e) {
    // The journal is still there: the next run finishes undoing it.
    throw new UserError(
      `a write of ${planned.map((p) => p.rel).join(', ')} failed, and undoing it failed too (${fileError(e, t.root).message})`,
      'fix what stops align writing, then run `align validate`: it rolls the write back',
    );
  }
}
