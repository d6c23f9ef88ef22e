import { rmdirSync, unlinkSync } from 'node:fs';

/** Removes a file align made; one already gone is fine. */
export function removeIfThere(path: string): void {
  try {
    unlinkSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
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
