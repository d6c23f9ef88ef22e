import { renameSync, unlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { hashOf, putInPlace, readIfExists, syncFolder, tempPath } from './atomic.js';
import { insideRoot } from './inside.js';
import { removeEmptyFolder } from './folders.js';
import { removeIfThere } from './remove.js';
import { backupPath, readJournal, type Journal } from './journal.js';
import { fileError, throughLinks } from './target.js';

/** What became of a write that was interrupted. */
export interface Recovered {
  journal: Journal;
  /** `finished`: every file is as the write meant; `rolled back`: every file is as it was before it. */
  outcome: 'finished' | 'rolled back';
  /** Files someone changed after the write was interrupted: left as they are. */
  kept: string[];
}

interface FileState {
  rel: string;
  path: string;
  temp: string;
  backup: string;
  before: string | null;
  after: string;
  now: string | null;
}

/**
 * Finds the journal a write left when it was interrupted, and completes or undoes that write.
 * It is finished when every file is either in place already or staged whole beside its target
 * (its temporary file holds exactly what the journal says) and untouched since; otherwise it is
 * rolled back: files already put in place get their backup back (or are removed, when the
 * write made them), and every temporary file and backup goes. A file someone changed since is
 * never overwritten. Returns null when there was no journal. The caller holds the lock.
 */
export function recoverWrite(root: string, journalPath: string, shown: string): Recovered | null {
  const journal = readJournal(root, journalPath, shown);
  if (!journal) return null;
  let at = journalPath;
  try {
    const files: FileState[] = journal.files.map((f) => {
      const path = throughLinks(insideRoot(root, f.path));
      return { rel: f.path, path, temp: tempPath(path, journal.tag), backup: backupPath(path, journal.tag), before: f.before, after: f.after, now: hashAt(path) };
    });
    const landed = (f: FileState) => f.now === f.after;
    const untouched = (f: FileState) => f.now === f.before;
    const finish = files.every((f) => landed(f) || (untouched(f) && hashAt(f.temp) === f.after));
    const kept: string[] = [];
    if (finish) {
      for (const f of files) {
        at = f.path;
        if (!landed(f)) putInPlace(f.temp, f.path, f.before === null ? 'create' : { path: f.path, hash: f.before });
        syncFolder(dirname(f.path));
      }
    } else {
      for (const f of files) {
        at = f.path;
        if (untouched(f)) continue;
        if (!landed(f)) kept.push(f.rel);
        else if (f.before === null) unlinkSync(f.path);
        else if (hashAt(f.backup) === f.before) renameSync(f.backup, f.path);
        else kept.push(f.rel); // its backup is gone: what is there stays
        syncFolder(dirname(f.path));
      }
    }
    for (const f of files) {
      at = f.temp;
      removeIfThere(f.temp);
      removeIfThere(f.backup);
    }
    if (!finish) for (const folder of [...journal.folders].reverse()) removeEmptyFolder(join(root, folder));
    at = journalPath;
    removeIfThere(journalPath);
    syncFolder(dirname(journalPath));
    return { journal, outcome: finish ? 'finished' : 'rolled back', kept };
  } catch (e) {
    throw fileError(e, at);
  }
}

function hashAt(path: string): string | null {
  const bytes = readIfExists(path);
  return bytes === null ? null : hashOf(bytes);
}
