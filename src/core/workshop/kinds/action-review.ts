import { z } from 'zod';
import { ACTION_STATUSES } from '../../schemas/session.js';
import type { PathProblem } from '../../yaml/issues.js';
import { openActions } from '../open-actions.js';
import type { CaptureModule } from '../types.js';

const ReviewAnswerSchema = z.strictObject({
  action: z.string().min(1),
  session: z.string().optional(),
  status: z.enum(ACTION_STATUSES),
  note: z.string().optional(),
});
type ReviewAnswer = z.infer<typeof ReviewAnswerSchema>;

interface ActionReviewAnswer {
  reviews?: ReviewAnswer[];
}

/** Each open action of earlier sessions: done, still open, or dropped, with a note. */
export const actionReview: CaptureModule<ActionReviewAnswer> = {
  shape: { reviews: z.array(ReviewAnswerSchema).optional() },
  check(a, { input, section }) {
    const open = openActions(input.sessions);
    const out: PathProblem[] = [];
    (a.reviews ?? []).forEach((r, i) => {
      const matches = open.filter((o) => o.action.id === r.action && (r.session === undefined || o.session === r.session));
      const path = ['sections', section.id, 'reviews', i, 'action'];
      const list = open.map((o) => `${o.session} ${o.action.id}`).join(', ');
      if (matches.length === 0) out.push({ path, message: `no open action "${r.action}"${r.session ? ` in session ${r.session}` : ''}`, hint: list ? `open actions: ${list}` : 'no earlier session has an open action' });
      else if (matches.length > 1) out.push({ path, message: `several sessions have an open action "${r.action}"`, hint: `add \`session:\` — one of ${matches.map((m) => m.session).join(', ')}` });
    });
    return out;
  },
  apply(a, { acc, input }) {
    const open = openActions(input.sessions);
    for (const r of a.reviews ?? []) {
      const session = r.session ?? open.find((o) => o.action.id === r.action)?.session;
      acc.session.action_reviews = [...(acc.session.action_reviews ?? []), { ...(session ? { session } : {}), action: r.action, status: r.status, ...(r.note ? { note: r.note } : {}) }];
    }
  },
  describe(a, { input }) {
    const open = openActions(input.sessions);
    return (a.reviews ?? []).map((r) => {
      const title = open.find((o) => o.action.id === r.action && (!r.session || o.session === r.session))?.action.title ?? r.action;
      return `review: ${title} → ${r.status}${r.note ? ` (${r.note})` : ''}`;
    });
  },
};
