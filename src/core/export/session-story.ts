import type { Goal } from '../schemas/goals.js';
import type { Session } from '../schemas/session.js';
import type { WorkspaceConfig } from '../schemas/workspace.js';
import { cmp } from './dates.js';
import type { RoomStory, SessionStory } from './model.js';
import { inReviewOrder, reviewedSession } from '../workshop/open-actions.js';

/** What the story of one session is read against: the teams' names, the goals' titles, the sessions' actions. */
export interface StoryContext {
  config: WorkspaceConfig;
  goals: Goal[];
  /** Every session, for the actions a review closes. */
  sessions: Session[];
  /** The sessions in the order their reviews are read, and the first of each id: made once for every session's story. */
  ordered: Session[];
  byId: Map<string, Session>;
}

/** The context of every session's story, its orders and indexes made once. */
export function storyContext(config: WorkspaceConfig, goals: Goal[], sessions: Session[]): StoryContext {
  const byId = new Map<string, Session>();
  for (const x of sessions) if (!byId.has(x.id)) byId.set(x.id, x);
  return { config, goals, sessions, ordered: inReviewOrder(sessions), byId };
}

/**
 * Everything a session file holds beyond its attendees, decisions and actions, as the export
 * tells it: the sections with their notes and minutes, each team's goals and values, the
 * progress reported on shared goals, the actions reviewed, and what the session changed.
 */
export function sessionStory(s: Session, ctx: StoryContext): SessionStory {
  const teamOrder = Object.keys(ctx.config.teams);
  const rank = (t: string) => (teamOrder.includes(t) ? teamOrder.indexOf(t) : teamOrder.length);
  const goalTitle = (id: string) => ctx.goals.find((g) => g.id === id)?.title ?? null;
  return {
    start: s.start ?? null,
    sections: (s.sections ?? []).map((x) => ({
      id: x.id,
      title: x.title ?? null,
      minutesPlanned: x.minutes_planned ?? null,
      minutesUsed: x.minutes_used ?? null,
      notes: x.notes ?? [],
    })),
    teamGoals: Object.entries(s.team_goals ?? {})
      .sort(([a], [b]) => rank(a) - rank(b) || cmp(a, b))
      .map(([team, tg]) => ({ team, teamName: ctx.config.teams[team]?.name ?? team, goals: tg.goals ?? [], values: tg.values ?? [] })),
    progress: (s.progress ?? []).map((p) => ({
      goal: p.goal,
      goalTitle: goalTitle(p.goal),
      value: p.value ?? null,
      status: p.status ?? null,
      note: p.note ?? null,
    })),
    actionReviews: (s.action_reviews ?? []).map((r) => {
      const fromId = reviewedSession(r, ctx.ordered);
      const from = fromId === undefined ? undefined : ctx.byId.get(fromId);
      const action = from?.actions?.find((a) => a.id === r.action);
      return {
        session: from?.id ?? r.session ?? null,
        action: r.action,
        title: action?.title ?? null,
        owner: action?.owner ?? null,
        status: r.status,
        note: r.note ?? null,
      };
    }),
    changes: {
      goals: (s.changes?.goals ?? []).map((id) => ({ id, title: goalTitle(id) })),
      rubric: s.changes?.rubric ?? false,
      teams: s.changes?.teams ?? false,
    },
    room: roomStory(s),
  };
}

/** The room's record, each section named by its title where the session has it. */
function roomStory(s: Session): RoomStory | null {
  if (!s.room) return null;
  const title = (id: string) => s.sections?.find((x) => x.id === id)?.title ?? null;
  return {
    participants: (s.room.participants ?? []).map((p) => ({ name: p.name, guest: p.guest ?? false })),
    contributions: (s.room.contributions ?? []).map((c) => ({ section: c.section, sectionTitle: title(c.section), author: c.author, text: c.text, at: c.at, accepted: c.accepted ?? null })),
    votes: (s.room.votes ?? []).map((v) => ({
      section: v.section,
      sectionTitle: title(v.section),
      budget: v.budget,
      voters: v.voters,
      // Stable: candidates with as many dots keep the order they were offered in.
      candidates: [...v.candidates].sort((a, b) => b.votes - a.votes),
    })),
  };
}

