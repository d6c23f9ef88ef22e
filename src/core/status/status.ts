import type { Locale } from '../values/locale.js';
import type { Goal } from '../schemas/goals.js';
import type { Rubric } from '../schemas/rubric.js';
import type { Session } from '../schemas/session.js';
import type { WorkspaceConfig } from '../schemas/workspace.js';
import { runGoldenTests } from '../rubric/golden/run.js';
import { openActions, type Reschedule } from '../workshop/open-actions.js';
import { openParked, type OpenParked } from '../workshop/parked.js';
import { cmp, daysBetween } from '../export/dates.js';
import { goalRow } from '../export/build.js';
import { SIGN_OFF_TEAMS } from '../export/lead-definition.js';

export interface StatusInput {
  config: WorkspaceConfig;
  goals: Goal[];
  rubric: Rubric | null;
  sessions: Session[];
  today: string;
  /** An open action due within this many days (and not overdue) is due soon. */
  soonDays: number;
}

export interface StatusAction {
  session: string;
  id: string;
  title: string;
  owner: string | null;
  due: string;
  /** Days past due (overdue) or days left (due soon). */
  days: number;
  /** New due dates set by later reviews, oldest first; `due` is the last one. */
  rescheduled: Reschedule[];
}

export interface StatusReport {
  today: string;
  soonDays: number;
  goalsNeedingAttention: { id: string; title: string; status: string; due: string | null; owners: string[]; progressPercent: number | null; overdue: boolean }[];
  overdue: StatusAction[];
  dueSoon: StatusAction[];
  openActions: number;
  /** Topics parked in earlier sessions and not closed yet, oldest first. */
  parked: OpenParked[];
  lastSession: { id: string; date: string; template: string; daysAgo: number } | null;
  rubric: null | {
    signOff: Record<(typeof SIGN_OFF_TEAMS)[number], string | null>;
    signedOffByBoth: boolean;
    golden: { total: number; passed: number; failed: string[] };
    /** Signed off by both teams and every golden lead passes (there is at least one). */
    ready: boolean;
  };
}

const CLOSED_GOAL = new Set(['done', 'dropped']);

/** The start-of-sync view: what slipped and what needs a decision. */
export function buildStatus(input: StatusInput): StatusReport {
  const { today, soonDays } = input;
  const goals = input.goals
    .map((g) => ({ goal: g, row: goalRow(g, input.config) }))
    .filter(({ goal }) => goal.status === 'at-risk' || goal.status === 'off-track' || (goal.due !== undefined && goal.due < today && !CLOSED_GOAL.has(goal.status ?? '')))
    .map(({ goal, row }) => ({ id: goal.id, title: goal.title, status: goal.status ?? 'proposed', due: goal.due ?? null, owners: row.owners, progressPercent: row.progressPercent, overdue: goal.due !== undefined && goal.due < today }));
  const open = openActions(input.sessions);
  const dated = open
    .filter((o) => o.action.due !== undefined)
    .map((o) => ({ session: o.session, id: o.action.id, title: o.action.title, owner: o.action.owner ?? null, due: o.action.due!, days: daysBetween(o.action.due!, today), rescheduled: o.rescheduled }));
  const byDue = (a: StatusAction, b: StatusAction) => cmp(a.due, b.due) || cmp(a.session, b.session) || cmp(a.id, b.id);
  const overdue = dated.filter((a) => a.days > 0).sort(byDue);
  const dueSoon = dated.filter((a) => a.days <= 0 && -a.days <= soonDays).map((a) => ({ ...a, days: 0 - a.days || 0 })).sort(byDue);
  const last = [...input.sessions].filter((s) => s.date <= today).sort((a, b) => cmp(b.date, a.date) || cmp(b.id, a.id))[0];
  return {
    today,
    soonDays,
    goalsNeedingAttention: goals,
    overdue,
    dueSoon,
    openActions: open.length,
    parked: openParked(input.sessions),
    lastSession: last ? { id: last.id, date: last.date, template: last.template, daysAgo: daysBetween(last.date, today) } : null,
    rubric: input.rubric ? rubricState(input.rubric, today, input.config.defaults?.locale) : null,
  };
}

function rubricState(rubric: Rubric, today: string, locale: Locale | undefined): NonNullable<StatusReport['rubric']> {
  const approved = rubric.approved_by ?? {};
  const signOff = { sales: approved.sales ?? null, marketing: approved.marketing ?? null };
  const results = runGoldenTests(rubric, today, locale);
  const failed = results.filter((r) => !r.passed).map((r) => r.name);
  const signedOffByBoth = SIGN_OFF_TEAMS.every((t) => signOff[t] !== null);
  return {
    signOff,
    signedOffByBoth,
    golden: { total: results.length, passed: results.length - failed.length, failed },
    ready: signedOffByBoth && results.length > 0 && failed.length === 0,
  };
}
