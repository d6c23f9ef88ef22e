import { goalChart, stageChart } from './charts.js';
import { cell, md } from './escape.js';
import { changelogMarkdown, leadDefinitionMarkdown } from './markdown-rubric.js';
import { sessionOutcomesMarkdown, sessionRecordMarkdown } from './markdown-session.js';
import type { ExportDoc, GoalRow, OpenActionRow, SessionView } from './model.js';
import { formatNumber } from './plain-condition.js';
import { dueWithHistory } from '../workshop/reschedule-text.js';
import { parkedMarkdown } from './parked.js';

/** The export as one GitHub-flavoured Markdown document. Every piece of user text goes through md() or cell(). */
export function exportMarkdown(doc: ExportDoc): string {
  const overdue = doc.openActions.reduce((n, g) => n + g.actions.filter((a) => a.overdue).length, 0);
  const open = doc.openActions.reduce((n, g) => n + g.actions.length, 0);
  const lines: string[] = [
    `# ${md(doc.organization)}: sales and marketing alignment, ${doc.period.label}`,
    '',
    `Summary as of ${doc.today}: ${count(doc.sessions.length, 'session')} in this period, ${count(doc.goals.length, 'shared goal')}, ${count(open, 'open action')}${overdue ? ` (${overdue} overdue)` : ''}.`,
    '',
  ];
  const filters = [doc.filters.template ? `template ${md(doc.filters.template)}` : null, doc.filters.sessions ? `sessions ${doc.filters.sessions.map(md).join(', ')}` : null].filter(Boolean);
  if (filters.length) lines.push(`Sessions shown: only ${filters.join('; ')}.`, '');
  // Sections are joined, not spread into push(): a long history has more lines than a call takes arguments.
  const sections = [
    goalsMarkdown(doc.goals),
    leadDefinitionMarkdown(doc.leadDefinition),
    doc.stageDistribution ? distributionMarkdown(doc.stageDistribution) : [],
    actionsMarkdown(doc.openActions),
    parkedMarkdown(doc.parked),
    sessionsMarkdown(doc.sessions),
    changelogMarkdown(doc.changelog),
  ];
  return `${[lines, ...sections].map((l) => l.join('\n')).filter(Boolean).join('\n').trimEnd()}\n`;
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

const num = (n: number | null) => (n === null ? '?' : formatNumber(n));

function goalsMarkdown(goals: GoalRow[]): string[] {
  const out = ['## Shared goals', ''];
  if (goals.length === 0) return [...out, 'No shared goals yet: `align workshop kickoff` records them.', ''];
  out.push('| Goal | Metric | Baseline → latest → target | Due | Owners | Horizon | Status |', '|---|---|---|---|---|---|---|');
  for (const g of goals) {
    const latest = g.latest ? `${formatNumber(g.latest.value)} (${g.latest.date})` : 'no update yet';
    const path = g.baseline === null && g.target === null && !g.latest ? '' : `${num(g.baseline)} → ${latest} → ${num(g.target)}`;
    out.push(`| ${cell(g.title)} | ${cell(g.metric)} | ${cell(path)} | ${cell(g.due)} | ${cell(g.owners.join(', '))} | ${cell(g.horizon)} | ${statusCell(g.status)} |`);
  }
  out.push('');
  const chart = goalChart(goals);
  if (chart) out.push(...chart, '');
  return out;
}

function statusCell(status: string | null): string {
  if (status === 'at-risk' || status === 'off-track') return `**${status}**`;
  return cell(status);
}

function distributionMarkdown(dist: NonNullable<ExportDoc['stageDistribution']>): string[] {
  return ['## Leads by stage', '', 'How the leads in the given file score under the current lead definition.', '', ...stageChart(dist), ''];
}

function actionsMarkdown(groups: ExportDoc['openActions']): string[] {
  const out = ['## Open actions', ''];
  if (groups.length === 0) return [...out, 'No open actions.', ''];
  for (const g of groups) {
    out.push(`### ${md(g.owner)}`, '', '| Due | Action | Set in session | State |', '|---|---|---|---|');
    for (const a of g.actions) out.push(`| ${cell(a.due === null ? null : dueWithHistory(a.due, a.rescheduled))} | ${cell(a.title)}${a.note ? ` — ${md(a.note)}` : ''}${!a.owner && a.teamName ? ` (for ${md(a.teamName)})` : ''} | ${cell(a.session)} | ${actionState(a)} |`);
    out.push('');
  }
  return out;
}

/** "Dana Kim (VP Sales)": an attendee with the role the session recorded. */
function person(p: { name: string; role: string | null }): string {
  return p.role ? `${md(p.name)} (${md(p.role)})` : md(p.name);
}

function actionState(a: OpenActionRow): string {
  if (a.daysOverdue === null) return 'open, no due date';
  if (a.overdue) return `**overdue** by ${count(a.daysOverdue, 'day')}`;
  if (a.daysOverdue === 0) return 'due today';
  return `due in ${count(-a.daysOverdue, 'day')}`;
}

function sessionsMarkdown(sessions: SessionView[]): string[] {
  if (sessions.length === 0) return ['## Sessions', '', 'No sessions in this period.', ''];
  // Each session joined into one piece as soon as it is told: its many short lines are then
  // garbage at once rather than kept alive (and copied by every collection) until the end.
  return ['## Sessions', '', ...sessions.map((s) => sessionMarkdown(s).join('\n'))];
}

function sessionMarkdown(s: SessionView): string[] {
  const out = [`### ${s.date} · ${md(s.title ?? s.id)}`, ''];
  const facts = [`**Template:** ${md(s.template)}`, `**Session:** ${md(s.id)}`];
  if (s.start) facts.push(`**Started:** ${md(s.start)}`);
  if (s.facilitator) facts.push(`**Facilitator:** ${md(s.facilitator)}`);
  out.push(facts.join(' · '), '');
  if (s.attendees.length) out.push('**Attendees**', '', ...s.attendees.map((t) => `- ${md(t.teamName)}: ${t.people.map(person).join(', ')}`), '');
  if (s.decisions.length) out.push('**Decisions**', '', ...s.decisions.map((d) => `- ${md(d)}`), '');
  out.push(...sessionOutcomesMarkdown(s));
  if (s.closedActions.length) {
    out.push('**Actions set here, now closed**', '', '| Action | Owner | Due | Status | Note |', '|---|---|---|---|---|');
    for (const a of s.closedActions) out.push(`| ${cell(a.title)} | ${a.owner || !a.teamName ? cell(a.owner) : `${md(a.teamName)} (team)`} | ${cell(a.due)} | ${cell(a.status)} | ${cell(a.note)} |`);
    out.push('');
  }
  if (s.openActions) out.push(`${count(s.openActions, 'action')} from this session still open: see *Open actions*.`, '');
  out.push(...sessionRecordMarkdown(s));
  return out;
}
