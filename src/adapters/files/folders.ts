import { existsSync, mkdirSync, rmdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileError } from './target.js';

/** `dir` and each folder above it that is missing, outermost first: what makeFolders would make. */
export function missingFolders(dir: string): string[] {
  const missing: string[] = [];
  for (let d = dir; !existsSync(d) && dirname(d) !== d; d = dirname(d)) missing.unshift(d);
  return missing;
}

/**
 * Makes the folders, outermost first, one at a time: a recursive mkdir reports a read-only
 * file system as a missing folder, and a message must say what is true.
 */
export function makeFolders(dirs: string[]): void {
  for (const d of dirs) {
    try {
      mkdirSync(d);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw fileError(e, d);
    }
  }
}

/** Removes a folder align made, only while it is empty: anything in it is not align's to remove. */
export function removeEmptyFolder(path: string): void {
  try {
    rmdirSync(path);
  } catch {
    /* not empty, or gone */
  }
}
