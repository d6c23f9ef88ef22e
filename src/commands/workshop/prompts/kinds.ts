import { GOAL_STATUSES, HORIZONS } from '../../../core/schemas/goals.js';
import { ACTION_STATUSES } from '../../../core/schemas/session.js';
import { isActiveGoal } from '../../../core/workshop/kinds/goal-progress.js';
import { sectionTeams } from '../../../core/workshop/kinds/team-goals.js';
import type { ActionAnswer } from '../../../core/workshop/kinds/actions.js';
import { possibleOwners } from '../../../core/workshop/kinds/actions.js';
import type { GoalAnswer } from '../../../core/workshop/kinds/shared-goals.js';
import { openActions } from '../../../core/workshop/open-actions.js';
import { dueProblem, parseNumber } from '../../../core/workshop/fields.js';
import type { AttendeeAnswer } from '../../../core/workshop/types.js';
import { reviewStatus } from './reschedule.js';
import { parkedTopicsPrompt } from './parked.js';
import { ownerChoices, pickAttendees, textList, validDate, validNumber, type PromptContext } from './lists.js';

export async function notesPrompt(c: PromptContext): Promise<void> {
  c.answer.notes = await textList(c, 'notes', 'note', c.answer.notes ?? []);
}

export async function decisionsPrompt(c: PromptContext): Promise<void> {
  c.answer.decisions = await textList(c, 'decisions', 'decision', (c.answer.decisions as string[] | undefined) ?? []);
}

export async function attendeesPrompt(c: PromptContext): Promise<void> {
  const current = (c.answer.attendees as AttendeeAnswer[] | undefined) ?? (c.acc.session.attendees ?? []).map((a) => a.name);
  c.answer.attendees = await pickAttendees(c, 'attendees', current);
}

export async function teamGoalsPrompt(c: PromptContext): Promise<void> {
  const teams = (c.answer.teams as Record<string, { goals?: string[]; values?: string[] }> | undefined) ?? {};
  c.answer.teams = teams;
  for (const id of sectionTeams(c.section, c.acc.config)) {
    const name = c.acc.config.teams[id]!.name;
    const current = teams[id] ?? { goals: c.acc.config.teams[id]!.goals ?? [], values: c.acc.config.teams[id]!.values ?? [] };
    teams[id] = current;
    c.print(`${name}:`);
    current.goals = await textList(c, `goals-${id}`, `${name} goal`, current.goals ?? []);
    current.values = await textList(c, `values-${id}`, `${name} value`, current.values ?? []);
    delete c.answer[`goals-${id}`];
    delete c.answer[`values-${id}`];
    c.ask.done();
  }
}

export async function sharedGoalsPrompt(c: PromptContext): Promise<void> {
  const goals = ((c.answer.goals as GoalAnswer[] | undefined) ?? []).slice();
  for (;;) {
    const existing = c.acc.goals.filter((g) => !goals.some((a) => a.id === g.id));
    const choice = await c.ask.select<string>('goal-pick', 'Shared goals: add or edit one', [
      { name: 'Add a goal', value: '+' },
      ...existing.map((g) => ({ name: `Edit: ${g.title}`, value: g.id })),
      ...goals.map((g, i) => ({ name: `Change what was entered: ${g.title ?? g.id}`, value: `#${i}` })),
      { name: 'Done', value: '' },
    ]);
    if (!choice) break;
    const index = choice.startsWith('#') ? Number(choice.slice(1)) : -1;
    const base: GoalAnswer = index >= 0 ? goals[index]! : choice === '+' ? {} : { ...c.acc.goals.find((g) => g.id === choice)! };
    const g = await goalForm(c, base);
    if (index >= 0) goals[index] = g;
    else goals.push(g);
    c.answer.goals = goals;
    c.ask.done();
  }
  c.answer.goals = goals;
  c.ask.done();
}

async function goalForm(c: PromptContext, base: GoalAnswer): Promise<GoalAnswer> {
  const num = (s: string) => parseNumber(s);
  const text = (v: unknown) => (v === undefined ? '' : String(v));
  const title = await c.ask.text('title', 'Goal title', { default: text(base.title), required: true });
  const metric = await c.ask.text('metric', 'Metric that proves it (empty for none)', { default: text(base.metric) });
  const baseline = await c.ask.text('baseline', 'Baseline: where it is today (a number, empty for none)', { default: text(base.baseline), validate: validNumber });
  const target = await c.ask.text('target', 'Target (a number, empty for none)', { default: text(base.target), validate: validNumber });
  // A due date kept as it was is not checked again (an old goal may be past due); a new one is not before the session.
  const due = await c.ask.text('due', 'Due date YYYY-MM-DD (empty for none)', { default: text(base.due), validate: (s) => (s.trim() === text(base.due) ? validDate(s) : dueProblem(s, c.date)) });
  const teams = Object.entries(c.acc.config.teams).map(([id, t]) => ({ name: t.name, value: id, checked: (base.owners ?? []).includes(id) }));
  const owners = await c.ask.checkbox<string>('owners', 'Owning teams (space to tick, enter when done)', teams, { required: 'a shared goal needs at least one owning team: tick one with space' });
  const horizon = await c.ask.select('horizon', 'Horizon', HORIZONS.map((h) => ({ name: h, value: h })), { default: base.horizon ?? 'now' });
  const status = await c.ask.select('status', 'Status', GOAL_STATUSES.map((s) => ({ name: s, value: s })), { default: base.status ?? 'proposed' });
  return {
    ...(base.id ? { id: base.id } : {}),
    title,
    ...(metric ? { metric } : {}),
    ...(num(baseline) !== undefined ? { baseline: num(baseline)! } : {}),
    ...(num(target) !== undefined ? { target: num(target)! } : {}),
    ...(due ? { due } : {}),
    ...(owners.length ? { owners } : {}),
    horizon,
    status,
  };
}

export async function goalProgressPrompt(c: PromptContext): Promise<void> {
  type Entry = { goal: string; value?: number; status?: (typeof GOAL_STATUSES)[number]; note?: string };
  const done = ((c.answer.progress as Entry[] | undefined) ?? []).slice();
  const active = c.acc.goals.filter(isActiveGoal);
  if (!active.length) c.print('No active shared goals to report on.');
  for (const g of active) {
    const previous = done.find((p) => p.goal === g.id);
    if (previous && !c.editing) continue;
    const last = g.progress?.at(-1);
    c.print(`${g.title}${g.metric ? ` — ${g.metric}` : ''}: ${last ? `last ${last.value} on ${last.date}` : `baseline ${g.baseline ?? '?'}`}, target ${g.target ?? '?'}${g.due ? ` by ${g.due}` : ''}`);
    const value = await c.ask.text(`value-${g.id}`, 'Latest value (empty to skip)', { default: previous?.value !== undefined ? String(previous.value) : '', validate: validNumber });
    const status = await c.ask.select(`status-${g.id}`, 'Status', GOAL_STATUSES.map((s) => ({ name: s, value: s })), { default: previous?.status ?? g.status ?? 'proposed' });
    const note = await c.ask.text(`note-${g.id}`, 'Note (empty for none)', { default: previous?.note ?? '' });
    const entry: Entry = { goal: g.id, ...(value ? { value: parseNumber(value)! } : {}), ...(status !== g.status ? { status } : {}), ...(note ? { note } : {}) };
    const i = done.findIndex((p) => p.goal === g.id);
    if (i >= 0) done[i] = entry;
    else done.push(entry);
    c.answer.progress = done;
    c.ask.done();
  }
}

export async function actionsPrompt(c: PromptContext): Promise<void> {
  const list = ((c.answer.actions as ActionAnswer[] | undefined) ?? []).slice();
  const owners = possibleOwners(c.acc);
  if (list.length) {
    for (;;) {
      c.print(list.map((a, i) => `  ${i + 1}. ${a.title}${a.owner ? ` — ${a.owner}` : ''}${a.due ? `, due ${a.due}` : ''}`).join('\n'));
      const pick = await c.ask.select<string>('remove', 'Change or remove one of these actions?', [
        { name: 'No, keep them', value: '' },
        ...list.map((a, i) => ({ name: `Edit: ${a.title}`, value: `e${i}` })),
        ...list.map((a, i) => ({ name: `Remove: ${a.title}`, value: `r${i}` })),
      ]);
      if (!pick) break;
      const i = Number(pick.slice(1));
      // Edited in place: it keeps its place in the list, so its id (a1, a2 …) does not move.
      if (pick.startsWith('e')) list[i] = await actionForm(c, owners, list[i]!, true);
      else list.splice(i, 1);
      c.answer.actions = list;
      c.ask.done();
    }
  }
  for (;;) {
    const title = await c.ask.text('title', 'Action (empty line to finish)');
    if (!title) break;
    list.push(await actionForm(c, owners, { title }, false));
    c.answer.actions = list;
    c.ask.done();
  }
  c.answer.actions = list;
  c.ask.done();
}

/** An action's owner, team, due date and status; editing one, every current value is the default. */
async function actionForm(c: PromptContext, owners: Map<string, string | undefined>, base: ActionAnswer, editing: boolean): Promise<ActionAnswer> {
  const was = <T,>(v: T | undefined): { default?: T } => (editing && v !== undefined ? { default: v } : {});
  const title = editing ? await c.ask.text('edit-title', 'Action', { default: base.title, required: true }) : base.title;
  const people = [...ownerChoices(c.acc), { name: '(nobody yet)', value: '' }];
  const owner = await c.ask.select<string>('owner', 'Owner', people, was(base.owner ?? ''));
  const known = owner ? owners.get(owner) : undefined;
  const team = known ?? (await c.ask.select<string>('team', 'Team', [...Object.entries(c.acc.config.teams).map(([id, t]) => ({ name: t.name, value: id })), { name: '(none)', value: '' }], was(base.team ?? '')));
  const due = await c.ask.text('due', 'Due date YYYY-MM-DD (empty for none)', { default: base.due ?? '', validate: (v) => dueProblem(v, c.date) });
  const status = await c.ask.select<(typeof ACTION_STATUSES)[number]>('status', 'Status', ACTION_STATUSES.map((s) => ({ name: s, value: s })), { default: base.status ?? 'open' });
  return { title, ...(owner ? { owner } : {}), ...(team && !known ? { team } : {}), ...(due ? { due } : {}), status, ...(base.note ? { note: base.note } : {}) };
}

export async function actionReviewPrompt(c: PromptContext): Promise<void> {
  type Review = { action: string; session?: string; status: (typeof ACTION_STATUSES)[number]; note?: string; due?: string };
  const reviews = ((c.answer.reviews as Review[] | undefined) ?? []).slice();
  const open = openActions(c.input.sessions);
  if (!open.length) c.print('No open actions from earlier sessions.');
  for (const o of open) {
    const prev = reviews.find((r) => r.action === o.action.id && r.session === o.session);
    const key = `${o.session}-${o.action.id}`;
    c.print(`${o.action.title}${o.action.owner ? ` — ${o.action.owner}` : ''}${o.action.due ? `, due ${o.action.due}` : ''} (${o.session})`);
    const { status, due } = await reviewStatus(c, key, o.action.due, prev);
    const note = await c.ask.text(`note-${key}`, 'Note (empty for none)', { default: prev?.note ?? '' });
    const r: Review = { action: o.action.id, session: o.session, status, ...(note ? { note } : {}), ...(due ? { due } : {}) };
    const i = reviews.findIndex((x) => x.action === r.action && x.session === r.session);
    if (i >= 0) reviews[i] = r;
    else reviews.push(r);
    c.answer.reviews = reviews;
    c.ask.done();
  }
  await parkedTopicsPrompt(c);
}
