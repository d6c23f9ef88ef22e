import * as z from 'zod';
import { NonEmptyText } from '../../schemas/common.js';
import { PARKED_CLOSINGS } from '../../schemas/parked.js';
import type { PathProblem } from '../../yaml/issues.js';
import { openParked } from '../parked.js';
import type { KindContext } from '../types.js';

/** A parked topic closed in the action review: discussed at last, or dropped. A topic not named stays parked. */
export const ParkedAnswerSchema = z.strictObject({
  topic: NonEmptyText.describe('the parked topic, as it was written'),
  session: z.string().optional().describe('the id of the session that parked it, where two parked the same topic'),
  status: z.enum(PARKED_CLOSINGS).describe('discussed at last, or dropped'),
  note: z.string().optional().describe('what was said about it'),
});
export type ParkedAnswer = z.infer<typeof ParkedAnswerSchema>;

/** The action review's part for parked topics: under `topics:` in its answers. */
export const parkedReview = {
  check(topics: ParkedAnswer[], { input, section }: KindContext): PathProblem[] {
    const open = openParked(input.sessions);
    const out: PathProblem[] = [];
    topics.forEach((t, i) => {
      const matches = open.filter((p) => p.topic === t.topic && (t.session === undefined || p.session === t.session));
      const path = ['sections', section.id, 'topics', i, 'topic'];
      const list = open.map((p) => `"${p.topic}" (${p.session})`).join(', ');
      if (matches.length === 0) out.push({ path, message: `no parked topic "${t.topic}"${t.session ? ` in session ${t.session}` : ''}`, hint: list ? `parked topics: ${list}` : 'no earlier session parked a topic' });
      else if (matches.length > 1) out.push({ path, message: `several sessions parked "${t.topic}"`, hint: `add \`session:\` — one of ${matches.map((m) => m.session).join(', ')}` });
    });
    return out;
  },
  apply(topics: ParkedAnswer[], { input, acc }: KindContext): void {
    const open = openParked(input.sessions);
    for (const t of topics) {
      const session = t.session ?? open.find((p) => p.topic === t.topic)!.session;
      acc.session.parked_reviews = [...(acc.session.parked_reviews ?? []), { session, topic: t.topic, status: t.status, ...(t.note ? { note: t.note } : {}) }];
    }
  },
  describe: (topics: ParkedAnswer[], _kc: KindContext): string[] => topics.map((t) => `parked topic: ${t.topic} → ${t.status}${t.note ? ` (${t.note})` : ''}`),
};
