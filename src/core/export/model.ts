import type { UnreadableSummary } from '../values/unreadable.js';
/** The export as data: what `align export` says, before it is written as Markdown or JSON. */
import type { Reschedule } from '../workshop/open-actions.js';
import type { OpenParked } from '../workshop/parked.js';

export interface ExportOptions {
  since?: string;
  until?: string;
  /** Only these session ids. */
  sessions?: string[];
  /** Only sessions held with this template. */
  template?: string;
}

export interface GoalRow {
  id: string;
  title: string;
  metric: string | null;
  baseline: number | null;
  latest: { date: string; value: number } | null;
  target: number | null;
  due: string | null;
  /** Team names where the owner is a team key, else the owner as written. */
  owners: string[];
  horizon: string | null;
  status: string | null;
  /** How far from baseline to target the latest value is, in percent; null without all three. */
  progressPercent: number | null;
}

export interface CriterionLine {
  id: string;
  label: string | null;
  /** The condition in words, e.g. "Employees is at least 200". */
  condition: string;
  points: number | null;
  why: string | null;
}

interface StageLine {
  id: string;
  label: string | null;
  min: number;
  requires: { dimension: string; points: number }[];
}

export interface LeadDefinition {
  name: string | null;
  description: string | null;
  stages: StageLine[];
  dimensions: { id: string; cap: number | null; criteria: CriterionLine[] }[];
  gates: CriterionLine[];
  /** The hand-off SLA as sentences. */
  sla: string[];
  signOff: { team: string; teamName: string; name: string }[];
  /** sales / marketing when either has not signed. */
  missingSignOff: string[];
  golden: { total: number; passed: number; failed: string[]; asOf: string };
}

export interface OpenActionRow {
  session: string;
  id: string;
  title: string;
  owner: string | null;
  team: string | null;
  /** The team's name in align.yaml (the id when it has none), or null. */
  teamName: string | null;
  due: string | null;
  overdue: boolean;
  /** Days past due (positive) or until due (negative); null without a due date. */
  daysOverdue: number | null;
  /** The note the room gave the action when it was set. */
  note: string | null;
  /** New due dates set by later reviews, oldest first; `due` is the last one. */
  rescheduled: Reschedule[];
}

export interface SessionView extends SessionStory {
  id: string;
  date: string;
  template: string;
  title: string | null;
  facilitator: string | null;
  /** Each team's attendees; `people` gives each one's role where the session recorded it. */
  attendees: { team: string | null; teamName: string; names: string[]; people: { name: string; role: string | null }[] }[];
  decisions: string[];
  /** Actions set in this session that are no longer open (done or dropped), with their status. */
  closedActions: { id: string; title: string; owner: string | null; team: string | null; teamName: string | null; due: string | null; status: string; note: string | null }[];
  /** How many actions from this session are still open; they are listed under open actions. */
  openActions: number;
}

/** What a session file holds beyond its decisions and actions: what was said and by whom, where it says so. */
export interface SessionStory {
  /** The start time as the session recorded it (HH:MM), or null. */
  start: string | null;
  /** The agenda as it ran, in order: each section's timebox, the minutes it took, and its notes. */
  sections: { id: string; title: string | null; minutesPlanned: number | null; minutesUsed: number | null; notes: string[] }[];
  /** Each team's own goals and values, in its own words (the team said them), in align.yaml's team order. */
  teamGoals: { team: string; teamName: string; goals: string[]; values: string[] }[];
  /** Shared-goal progress reported in the session. */
  progress: { goal: string; goalTitle: string | null; value: number | null; status: string | null; note: string | null }[];
  /** Earlier actions reviewed in the session: the new status and what was said about it. */
  actionReviews: { session: string | null; action: string; title: string | null; owner: string | null; status: string; note: string | null }[];
  /** What the session changed in the workspace: goal ids, and whether the rubric and teams changed. */
  changes: { goals: { id: string; title: string | null }[]; rubric: boolean; teams: boolean };
  /** With a live room (`--room`): who joined, what they contributed (with what the facilitator accepted it as) and the votes' tallies; null without one. */
  room: RoomStory | null;
}

export interface RoomStory {
  participants: { name: string; guest: boolean }[];
  contributions: { section: string; sectionTitle: string | null; author: string; text: string; at: string; accepted: string | null }[];
  /** Each vote's candidates, most dots first. */
  votes: { section: string; sectionTitle: string | null; budget: number; voters: number; candidates: { text: string; votes: number }[] }[];
}

export interface ChangelogEntry {
  commit: string;
  date: string;
  author: string;
  subject: string;
  status: string;
  summary: string;
  changes: { what: string; before: string; after: string }[];
  signedOffBy: Record<string, string> | null;
}

export interface ExportDoc {
  organization: string;
  today: string;
  period: { since: string | null; until: string | null; label: string };
  filters: { sessions: string[] | null; template: string | null };
  goals: GoalRow[];
  leadDefinition: LeadDefinition | null;
  openActions: { owner: string; actions: OpenActionRow[] }[];
  sessions: SessionView[];
  /** Null when the workspace is not in a git repository. */
  changelog: ChangelogEntry[] | null;
  /** Leads per stage under the current rubric, with --leads. */
  stageDistribution: { stage: string; label: string | null; count: number }[] | null;
  /** With leads: per field and reading, the values that could not be read (zeros included). */
  unreadableValues: UnreadableSummary | null;
  /** Topics parked in a session and not closed by a later one, oldest first (the current state, never filtered). */
  parked: OpenParked[];
}
