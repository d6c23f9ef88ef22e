import * as z from 'zod';
import { IsoDate } from '../../schemas/common.js';
import { ACTION_STATUSES } from '../../schemas/session.js';
import type { PathProblem } from '../../yaml/issues.js';
import { openActions } from '../open-actions.js';
import type { CaptureModule } from '../types.js';
import { ParkedAnswerSchema, parkedReview, type ParkedAnswer } from './parked-review.js';

const ReviewAnswerSchema = z.strictObject({
  action: z.string().min(1).describe('the id of an open action of an earlier session'),
  session: z.string().optional().describe('the id of that session, where two sessions have an action with this id'),
  status: z.enum(ACTION_STATUSES).describe('open, done or dropped'),
  note: z.string().optional().describe('what was said about it'),
  /** Still open, now due on this date. */
  due: IsoDate.optional().describe('still open, now due on this date (YYYY-MM-DD in quotes)'),
});
type ReviewAnswer = z.infer<typeof ReviewAnswerSchema>;

interface ActionReviewAnswer {
  reviews?: ReviewAnswer[];
  topics?: ParkedAnswer[];
}

/** Each open action of earlier sessions: done, still open (maybe with a new due date), or dropped, with a note; and each parked topic. */
export const actionReview: CaptureModule<ActionReviewAnswer> = {
  shape: {
    reviews: z.array(ReviewAnswerSchema).optional().describe("earlier sessions' open actions, reviewed"),
    topics: z.array(ParkedAnswerSchema).optional().describe("earlier sessions' parked topics, closed"),
  },
  check(a, kc) {
    const { input, section, date } = kc;
    const open = openActions(input.sessions);
    const out: PathProblem[] = [];
    (a.reviews ?? []).forEach((r, i) => {
      const matches = open.filter((o) => o.action.id === r.action && (r.session === undefined || o.session === r.session));
      const path = ['sections', section.id, 'reviews', i, 'action'];
      const list = open.map((o) => `${o.session} ${o.action.id}`).join(', ');
      if (matches.length === 0) out.push({ path, message: `no open action "${r.action}"${r.session ? ` in session ${r.session}` : ''}`, hint: list ? `open actions: ${list}` : 'no earlier session has an open action' });
      else if (matches.length > 1) out.push({ path, message: `several sessions have an open action "${r.action}"`, hint: `add \`session:\` — one of ${matches.map((m) => m.session).join(', ')}` });
      const duePath = ['sections', section.id, 'reviews', i, 'due'];
      if (r.due !== undefined && r.status !== 'open') out.push({ path: duePath, message: `a new due date goes with status open, not ${r.status}`, hint: 'set `status: open` to reschedule the action, or drop `due:`' });
      else if (r.due !== undefined && r.due < date) out.push({ path: duePath, message: `the new due date ${r.due} is before the session (${date})`, hint: 'give a date on or after the session date' });
    });
    out.push(...parkedReview.check(a.topics ?? [], kc));
    return out;
  },
  apply(a, kc) {
    const { acc, input } = kc;
    const open = openActions(input.sessions);
    for (const r of a.reviews ?? []) {
      const session = r.session ?? open.find((o) => o.action.id === r.action)?.session;
      acc.session.action_reviews = [...(acc.session.action_reviews ?? []), { ...(session ? { session } : {}), action: r.action, status: r.status, ...(r.note ? { note: r.note } : {}), ...(r.due ? { due: r.due } : {}) }];
    }
    parkedReview.apply(a.topics ?? [], kc);
  },
  describe(a, kc) {
    const open = openActions(kc.input.sessions);
    return [
      ...(a.reviews ?? []).map((r) => {
        const o = open.find((x) => x.action.id === r.action && (!r.session || x.session === r.session));
        const title = o?.action.title ?? r.action;
        const moved = r.due ? `, due ${r.due}${o?.action.due ? ` (was ${o.action.due})` : ''}` : '';
        return `review: ${title} → ${r.status}${moved}${r.note ? ` (${r.note})` : ''}`;
      }),
      ...parkedReview.describe(a.topics ?? [], kc),
    ];
  },
};
