import { unlinkSync } from 'node:fs';

/** Removes a file align made; one already gone is fine. */
export function removeIfThere(path: string): void {
  try {
    unlinkSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
}
