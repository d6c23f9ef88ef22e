import type { CaptureModule } from '../types.js';

/** Free text: what was said that is worth keeping. The notes themselves go to the section record. */
export const notes: CaptureModule = {
  shape: {},
  apply() {},
  describe: (a) => ((a.notes as string[] | undefined) ?? []).map((n) => `note: ${n}`),
};
