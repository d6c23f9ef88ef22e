import type { Action, Session } from '../schemas/session.js';

export interface OpenAction {
  session: string;
  action: Action;
}

/**
 * Actions still open: open in the session that set them, and not closed by a later review.
 * Sessions are never rewritten, so a review in a later session is what closes an action.
 */
export function openActions(sessions: Session[]): OpenAction[] {
  const ordered = [...sessions].sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  const status = new Map<string, string>();
  const out: OpenAction[] = [];
  for (const s of ordered) {
    for (const a of s.actions ?? []) {
      status.set(key(s.id, a.id), a.status ?? 'open');
      out.push({ session: s.id, action: a });
    }
    for (const r of s.action_reviews ?? []) {
      const owner = r.session ?? ordered.find((x) => (x.actions ?? []).some((a) => a.id === r.action))?.id;
      if (owner) status.set(key(owner, r.action), r.status);
    }
  }
  return out.filter((o) => status.get(key(o.session, o.action.id)) === 'open');
}

const key = (session: string, action: string) => `${session}\0${action}`;
