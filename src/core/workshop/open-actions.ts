import type { Action, Session } from '../schemas/session.js';

/** A new due date set by a later session's review; `from` is the due date it replaced. */
export interface Reschedule {
  session: string;
  from: string | null;
  to: string;
}

export interface OpenAction {
  session: string;
  /** The action as it stands: `due` is the latest due date a review set. */
  action: Action;
  /** Each reschedule, oldest first; the original due date is the first one's `from`. */
  rescheduled: Reschedule[];
}

/**
 * Actions still open: open in the session that set them, and not closed by a later review.
 * Sessions are never rewritten, so a review in a later session is what closes an action,
 * or keeps it open with a new due date.
 */
export function openActions(sessions: Session[]): OpenAction[] {
  const ordered = inReviewOrder(sessions);
  // By the session that set an action, then the action's id: the ids are the keys as they are,
  // so no key is built (and hashed) for each of thousands of actions and reviews.
  const standing = new Map<string, Map<string, Standing>>();
  const set: { open: OpenAction; standing: Standing }[] = [];
  for (const s of ordered) {
    for (const a of s.actions ?? []) {
      const open: OpenAction = { session: s.id, action: a, rescheduled: [] };
      const ofSession = standing.get(s.id) ?? new Map<string, Standing>();
      standing.set(s.id, ofSession);
      // The same session and id twice: the later one is the action reviews change, and both share its status.
      const st = ofSession.get(a.id) ?? { latest: open, status: '' };
      ofSession.set(a.id, st);
      st.latest = open;
      st.status = a.status ?? 'open';
      set.push({ open, standing: st });
    }
    for (const r of s.action_reviews ?? []) {
      const owner = reviewedSession(r, ordered);
      // A review read before the action it names is overruled by the action's own status.
      const st = owner === undefined ? undefined : standing.get(owner)?.get(r.action);
      if (!st) continue;
      st.status = r.status;
      const o = st.latest;
      if (r.due && r.status === 'open') {
        o.rescheduled.push({ session: s.id, from: o.action.due ?? null, to: r.due });
        o.action = { ...o.action, due: r.due };
      }
    }
  }
  return set.filter((x) => x.standing.status === 'open').map((x) => x.open);
}

/** What reviews have made of an action so far: the action reviews change, and its last status. */
interface Standing {
  latest: OpenAction;
  status: string;
}

/** An action's key: the session that set it and its id. */
const key = (session: string, action: string) => `${session}\0${action}`;

/** Sessions in the order their reviews are read: by date, then by id. */
export function inReviewOrder(sessions: Session[]): Session[] {
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0); // by code point: the same order in every locale
  return [...sessions].sort((a, b) => cmp(a.date, b.date) || cmp(a.id, b.id));
}

/** The session whose action a review is about: the one it names, else the earliest that set an action of that id. */
export function reviewedSession(r: { session?: string; action: string }, ordered: Session[]): string | undefined {
  return r.session ?? ordered.find((x) => (x.actions ?? []).some((a) => a.id === r.action))?.id;
}

/** The last review status of each action, by the session that set it and its id (`session\0action`), the reviews read as openActions reads them. */
export function lastReviews(sessions: Session[]): Map<string, string> {
  const ordered = inReviewOrder(sessions);
  const out = new Map<string, string>();
  for (const s of ordered) {
    for (const r of s.action_reviews ?? []) {
      const owner = reviewedSession(r, ordered);
      if (owner) out.set(key(owner, r.action), r.status);
    }
  }
  return out;
}
