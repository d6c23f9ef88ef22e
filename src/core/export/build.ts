import type { UnreadableSummary } from '../values/unreadable.js';
import type { Goal } from '../schemas/goals.js';
import type { Rubric } from '../schemas/rubric.js';
import type { Session } from '../schemas/session.js';
import type { WorkspaceConfig } from '../schemas/workspace.js';
import type { LogEntry } from '../rubric/history/log.js';
import { versionHeader } from '../rubric/history/header.js';
import { lastReviews, openActions } from '../workshop/open-actions.js';
import { historyInWords } from './change-words.js';
import { openParked } from '../workshop/parked.js';
import { cmp, daysBetween, inPeriod } from './dates.js';
import { leadDefinition } from './lead-definition.js';
import type { ChangelogEntry, ExportDoc, ExportOptions, GoalRow, OpenActionRow, SessionView } from './model.js';
import { sessionStory, storyContext, type StoryContext } from './session-story.js';

export interface ExportInput {
  config: WorkspaceConfig;
  goals: Goal[];
  rubric: Rubric | null;
  sessions: Session[];
  /** The rubric's versions from git, oldest first as buildLog gives them; null outside git. */
  history: LogEntry[] | null;
  stageCounts?: { stage: string; label: string | null; count: number }[];
  /** With stageCounts: the values the count could not read. */
  unreadable?: UnreadableSummary;
  /** Today's date (ctx.now()), for overdue actions and golden leads. */
  today: string;
}

const NO_OWNER = '(no owner)';

/**
 * The summary as data. Goals, the lead definition and open actions are the current state
 * and are never filtered; the period and filters choose which sessions and rubric versions
 * are shown. Everything is sorted so the same workspace gives the same document.
 */
export function buildExport(input: ExportInput, opts: ExportOptions = {}): ExportDoc {
  const { config, today } = input;
  const chosen = input.sessions.filter(
    (s) =>
      inPeriod(s.date, opts.since, opts.until) &&
      (opts.sessions === undefined || opts.sessions.includes(s.id)) &&
      (opts.template === undefined || s.template === opts.template),
  );
  const open = openActions(input.sessions);
  const openKeys = new Set(open.map((o) => `${o.session}\0${o.action.id}`));
  const reviewed = lastReviews(input.sessions);
  const story = storyContext(config, input.goals, input.sessions);
  return {
    organization: config.organization,
    today,
    period: period(chosen, opts, today),
    filters: { sessions: opts.sessions ? [...opts.sessions].sort() : null, template: opts.template ?? null },
    goals: input.goals.map((g) => goalRow(g, config)),
    leadDefinition: input.rubric ? leadDefinition(input.rubric, config, today) : null,
    openActions: groupByOwner(open.map((o) => ({ ...openRow(o.session, o.action, today, config), rescheduled: o.rescheduled }))),
    sessions: chosen
      .map((s) => sessionView(s, story, openKeys, reviewed))
      .sort((a, b) => cmp(b.date, a.date) || cmp(b.id, a.id)),
    changelog: input.history === null ? null : changelog(input.history, opts),
    stageDistribution: input.stageCounts ?? null,
    unreadableValues: input.unreadable ?? null,
    parked: openParked(input.sessions),
  };
}

function period(chosen: Session[], opts: ExportOptions, today: string): ExportDoc['period'] {
  const since = opts.since ?? null;
  const until = opts.until ?? null;
  let label: string;
  if (since && until) label = `${since} to ${until}`;
  else if (since) label = `${since} to ${today}`;
  else if (until) label = `up to ${until}`;
  else if (chosen.length) {
    const dates = chosen.map((s) => s.date).sort();
    label = dates[0] === dates[dates.length - 1] ? dates[0]! : `${dates[0]} to ${dates[dates.length - 1]}`;
  } else label = `as of ${today}`;
  return { since, until, label };
}

export function goalRow(g: Goal, config: WorkspaceConfig): GoalRow {
  const latest = [...(g.progress ?? [])].sort((a, b) => cmp(a.date, b.date)).pop() ?? null;
  const canMeasure = latest && g.baseline !== undefined && g.target !== undefined && g.target !== g.baseline;
  const percent = canMeasure ? Math.round(((latest.value - g.baseline!) / (g.target! - g.baseline!)) * 1000) / 10 : null;
  return {
    id: g.id,
    title: g.title,
    metric: g.metric ?? null,
    baseline: g.baseline ?? null,
    latest: latest ? { date: latest.date, value: latest.value } : null,
    target: g.target ?? null,
    due: g.due ?? null,
    owners: (g.owners ?? []).map((o) => config.teams[o]?.name ?? o),
    horizon: g.horizon ?? null,
    status: g.status ?? null,
    progressPercent: percent,
  };
}

type SessionAction = Session['actions'] extends (infer A)[] | undefined ? A : never;

/** What every row of an action shows, open or closed. */
function actionFields(a: SessionAction, config: WorkspaceConfig) {
  return { id: a.id, title: a.title, owner: a.owner ?? null, team: a.team ?? null, teamName: teamName(a.team, config), due: a.due ?? null, note: a.note ?? null };
}

function openRow(session: string, a: SessionAction, today: string, config: WorkspaceConfig): Omit<OpenActionRow, 'rescheduled'> {
  const days = a.due ? daysBetween(a.due, today) : null;
  return { session, ...actionFields(a, config), overdue: days !== null && days > 0, daysOverdue: days };
}

/** A team id as people read it: its name in align.yaml, else the id as written. */
function teamName(team: string | undefined, config: WorkspaceConfig): string | null {
  return team === undefined ? null : (config.teams[team]?.name ?? team);
}

/** Owners in alphabetical order (no owner last); each owner's actions by due date, undated last. */
function groupByOwner(rows: OpenActionRow[]): ExportDoc['openActions'] {
  const by = new Map<string, OpenActionRow[]>();
  for (const r of rows) {
    const k = r.owner ?? NO_OWNER;
    const list = by.get(k);
    if (list) list.push(r);
    else by.set(k, [r]);
  }
  const owners = [...by.keys()].sort((a, b) => (a === NO_OWNER ? 1 : b === NO_OWNER ? -1 : cmp(a, b)));
  return owners.map((owner) => ({
    owner,
    actions: by.get(owner)!.sort(
      (a, b) => cmp((a.due ?? '9999'), b.due ?? '9999') || cmp(a.session, b.session) || cmp(a.id, b.id),
    ),
  }));
}

function sessionView(s: Session, story: StoryContext, openKeys: Set<string>, reviewed: Map<string, string>): SessionView {
  const { config } = story;
  const teams = new Map<string | null, Session['attendees'] & {}>();
  for (const a of s.attendees ?? []) {
    const k = a.team && config.teams[a.team] ? a.team : (a.team ?? null);
    const people = teams.get(k);
    if (people) people.push(a);
    else teams.set(k, [a]);
  }
  const teamOrder = Object.keys(config.teams);
  const rank = (t: string | null) => (t === null ? Infinity : teamOrder.includes(t) ? teamOrder.indexOf(t) : teamOrder.length);
  const attendees = [...teams.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || cmp(String(a), String(b)))
    .map(([team, people]) => ({
      team,
      teamName: team === null ? 'Other' : (config.teams[team]?.name ?? team),
      names: people.map((p) => p.name),
      people: people.map((p) => ({ name: p.name, role: p.role ?? null })),
    }));
  return {
    id: s.id,
    date: s.date,
    template: s.template,
    title: s.title ?? null,
    facilitator: s.facilitator ?? null,
    ...sessionStory(s, story),
    attendees,
    decisions: s.decisions ?? [],
    ...sessionActions(s, openKeys, reviewed, config),
  };
}

/** A session's actions closed since, each with its last status, and how many are still open: one pass, one key per action. */
function sessionActions(s: Session, openKeys: Set<string>, reviewed: Map<string, string>, config: WorkspaceConfig): Pick<SessionView, 'closedActions' | 'openActions'> {
  const closedActions: SessionView['closedActions'] = [];
  let open = 0;
  for (const a of s.actions ?? []) {
    const key = `${s.id}\0${a.id}`;
    if (openKeys.has(key)) open++;
    else closedActions.push({ ...actionFields(a, config), status: reviewed.get(key) ?? a.status ?? 'open' });
  }
  return { closedActions, openActions: open };
}

function changelog(history: LogEntry[], opts: ExportOptions): ChangelogEntry[] {
  const inWords = historyInWords();
  return history
    .filter((e) => inPeriod(e.date, opts.since, opts.until))
    .map((e) => ({ ...versionHeader(e), changes: e.changes.map(inWords) }))
    .reverse();
}
