import type { Session } from '../schemas/session.js';

/** A parked topic still waiting: where and when it was parked. */
export interface OpenParked {
  session: string;
  date: string;
  topic: string;
  section: string | null;
  /** The title of the section it was parked in, as the session recorded it. */
  sectionTitle: string | null;
  wholeSection: boolean;
}

/**
 * Topics parked in earlier sessions that no later session closed. A session's action review
 * closes one (`parked_reviews`: discussed or dropped); until then it is carried to the next
 * sync's agenda and shown by `align status`. Oldest first.
 */
export function openParked(sessions: Session[]): OpenParked[] {
  const ordered = [...sessions].sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  const closed = new Set(ordered.flatMap((s) => (s.parked_reviews ?? []).map((r) => key(r.session, r.topic))));
  return ordered.flatMap((s) =>
    (s.parked ?? [])
      .filter((p) => !closed.has(key(s.id, p.topic)))
      .map((p) => ({
        session: s.id,
        date: s.date,
        topic: p.topic,
        section: p.section ?? null,
        sectionTitle: (s.sections ?? []).find((x) => x.id === p.section)?.title ?? null,
        wholeSection: Boolean(p.whole_section),
      })),
  );
}

const key = (session: string, topic: string) => `${session}\0${topic}`;
