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
  due: string | null;
  overdue: boolean;
  /** Days past due (positive) or until due (negative); null without a due date. */
  daysOverdue: number | null;
  /** New due dates set by later reviews, oldest first; `due` is the last one. */
  rescheduled: Reschedule[];
}

export interface SessionView {
  id: string;
  date: string;
  template: string;
  title: string | null;
  facilitator: string | null;
  attendees: { team: string | null; teamName: string; names: string[] }[];
  decisions: string[];
  /** Actions set in this session that are no longer open (done or dropped), with their status. */
  closedActions: { id: string; title: string; owner: string | null; due: string | null; status: string }[];
  /** How many actions from this session are still open; they are listed under open actions. */
  openActions: number;
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
  /** Topics parked in a session and not closed by a later one, oldest first (the current state, never filtered). */
  parked: OpenParked[];
}
