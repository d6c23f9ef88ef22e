import { TextList } from './common.js';
import type { CaptureModule } from '../types.js';

interface DecisionsAnswer {
  decisions?: string[];
}

/** What the room decided, in the words agreed; they also go in the commit message. */
export const decisions: CaptureModule<DecisionsAnswer> = {
  shape: { decisions: TextList.optional().describe('what the room decided') },
  apply(a, { acc }) {
    if (!a.decisions?.length) return;
    acc.session.decisions = [...(acc.session.decisions ?? []), ...a.decisions.map((d) => d.trim())];
  },
  describe: (a) => (a.decisions ?? []).map((d) => `decision: ${d}`),
};
