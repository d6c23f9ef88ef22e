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
  const ordered = [...sessions].sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  const status = new Map<string, string>();
  const byKey = new Map<string, OpenAction>();
  const out: OpenAction[] = [];
  for (const s of ordered) {
    for (const a of s.actions ?? []) {
      status.set(key(s.id, a.id), a.status ?? 'open');
      const o: OpenAction = { session: s.id, action: a, rescheduled: [] };
      byKey.set(key(s.id, a.id), o);
      out.push(o);
    }
    for (const r of s.action_reviews ?? []) {
      const owner = r.session ?? ordered.find((x) => (x.actions ?? []).some((a) => a.id === r.action))?.id;
      if (!owner) continue;
      status.set(key(owner, r.action), r.status);
      const o = byKey.get(key(owner, r.action));
      if (o && r.due && r.status === 'open') {
        o.rescheduled.push({ session: s.id, from: o.action.due ?? null, to: r.due });
        o.action = { ...o.action, due: r.due };
      }
    }
  }
  return out.filter((o) => status.get(key(o.session, o.action.id)) === 'open');
}

const key = (session: string, action: string) => `${session}\0${action}`;
