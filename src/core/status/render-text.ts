import Table from 'cli-table3';
import { terminalSafe as t } from '../text/terminal.js';
import type { StatusAction, StatusReport } from './status.js';
import { parkedLines } from './render-capture.js';
import { dueWithHistory } from '../workshop/reschedule-text.js';

/** The colours the text status uses; identity functions print it plain. */
export interface Paint {
  (text: string): string;
  bold: Paint;
  dim: Paint;
  red: Paint;
  green: Paint;
  yellow: Paint;
}

function table(head: string[], rows: string[][], paint: Paint): string {
  // cli-table3 colours its borders and heads itself; without colour they must be plain.
  const t = new Table({ head: head.map((h) => paint.bold(h)), style: { head: [], border: [] }, wordWrap: true, chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' } });
  t.push(...rows);
  return t.toString();
}

const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;

/** The status for a person at a terminal: a headline, then one small table per concern. Every text from the workspace goes through t(), before any colour. */
export function renderStatus(r: StatusReport, c: Paint): string {
  const out: string[] = [];
  const last = r.lastSession ? `last session ${r.lastSession.date} (${t(r.lastSession.template)}), ${plural(r.lastSession.daysAgo, 'day')} ago` : 'no sessions yet';
  out.push(c.bold(`Status on ${r.today}: ${last}; ${plural(r.openActions, 'open action')}`), '');
  out.push(c.bold('Goals at risk or off track'));
  if (r.goalsNeedingAttention.length === 0) out.push(c.green('none'));
  else {
    const rows = r.goalsNeedingAttention.map((g) => [t(g.title), (g.status === 'off-track' ? c.red : c.yellow)(g.status), g.overdue ? c.red(`${g.due} (past due)`) : (g.due ?? '—'), g.progressPercent === null ? '—' : `${g.progressPercent}%`, g.owners.map((o) => t(o)).join(', ') || '—']);
    out.push(table(['Goal', 'Status', 'Due', 'Progress', 'Owners'], rows, c));
  }
  out.push('', c.bold('Overdue actions'));
  out.push(r.overdue.length ? actionTable(r.overdue, (a) => c.red(`${plural(a.days, 'day')} late`), c) : c.green('none'));
  out.push('', c.bold(`Due in the next ${plural(r.soonDays, 'day')}`));
  out.push(r.dueSoon.length ? actionTable(r.dueSoon, (a) => (a.days === 0 ? c.yellow('today') : `in ${plural(a.days, 'day')}`), c) : 'none');
  out.push('', c.bold('Parked topics'), parkedLines(r.parked, (h, rows) => table(h, rows, c)));
  out.push('', c.bold('Lead definition'));
  out.push(rubricLines(r, c));
  return `${out.join('\n')}\n`;
}

/** A sync reads the first screenful; --format json has every action. */
const SHOWN_ACTIONS = 15;

function actionTable(actions: StatusAction[], when: (a: StatusAction) => string, c: Paint): string {
  const shown = actions.slice(0, SHOWN_ACTIONS);
  const text = table(['Due', 'When', 'Action', 'Owner', 'Session'], shown.map((a) => [dueWithHistory(a.due, a.rescheduled), when(a), t(a.title), a.owner === null ? '—' : t(a.owner), t(a.session)]), c);
  const more = actions.length - shown.length;
  return more > 0 ? `${text}\n${c.dim(`… and ${more} more (align status --format json lists them all)`)}` : text;
}

function rubricLines(r: StatusReport, c: Paint): string {
  if (!r.rubric) return c.yellow('no rubric.yaml yet: run `align workshop lead-definition`');
  const { signOff, golden } = r.rubric;
  const sign = (team: string, who: string | null) => [`${team} sign-off`, who === null ? c.red('missing') : t(who)];
  const tests = golden.total === 0 ? c.yellow('none (add them under tests:)') : golden.failed.length ? c.red(`${golden.passed} of ${golden.total} pass; failing: ${golden.failed.map((f) => t(f)).join('; ')}`) : c.green(`all ${golden.total} pass`);
  const ready = r.rubric.ready ? c.green('yes') : c.red('no');
  return table(['Check', 'State'], [sign('sales', signOff.sales), sign('marketing', signOff.marketing), ['golden leads', tests], ['ready to use', ready]], c);
}
