import { terminalSafe as t } from '../text/terminal.js';
import { textTable, type Cell } from '../text/table.js';
import { wrapText } from '../text/wrap.js';
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

function table(head: string[], rows: Cell[][], paint: Paint, width: number): string {
  return textTable(head, rows, { width, paintHead: paint.bold });
}

const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;

/**
 * The status for a person at a terminal: a headline, then one small table per concern, each
 * fitted to `width` (the terminal's columns). Every text from the workspace goes through t(),
 * before it is wrapped and coloured.
 */
export function renderStatus(r: StatusReport, c: Paint, width = 80): string {
  const out: string[] = [];
  const last = r.lastSession ? `last session ${r.lastSession.date} (${t(r.lastSession.template)}), ${plural(r.lastSession.daysAgo, 'day')} ago` : 'no sessions yet';
  out.push(c.bold(wrapText(`Status on ${r.today}: ${last}; ${plural(r.openActions, 'open action')}`, width)), '');
  out.push(c.bold('Goals at risk or off track'));
  if (r.goalsNeedingAttention.length === 0) out.push(c.green('none'));
  else {
    const rows = r.goalsNeedingAttention.map((g): Cell[] => [t(g.title), { text: g.status, paint: g.status === 'off-track' ? c.red : c.yellow }, g.overdue ? { text: `${g.due} (past due)`, paint: c.red } : (g.due ?? '—'), g.progressPercent === null ? '—' : `${g.progressPercent}%`, g.owners.map((o) => t(o)).join(', ') || '—']);
    out.push(table(['Goal', 'Status', 'Due', 'Progress', 'Owners'], rows, c, width));
  }
  out.push('', c.bold('Overdue actions'));
  out.push(r.overdue.length ? actionTable(r.overdue, (a) => ({ text: `${plural(a.days, 'day')} late`, paint: c.red }), c, width) : c.green('none'));
  out.push('', c.bold(`Due in the next ${plural(r.soonDays, 'day')}`));
  out.push(r.dueSoon.length ? actionTable(r.dueSoon, (a) => (a.days === 0 ? { text: 'today', paint: c.yellow } : `in ${plural(a.days, 'day')}`), c, width) : 'none');
  out.push('', c.bold('Parked topics'), parkedLines(r.parked, (h, rows) => table(h, rows, c, width)));
  out.push('', c.bold('Lead definition'));
  out.push(rubricLines(r, c, width));
  return `${out.join('\n')}\n`;
}

/** A sync reads the first screenful; --format json has every action. */
const SHOWN_ACTIONS = 15;

function actionTable(actions: StatusAction[], when: (a: StatusAction) => Cell, c: Paint, width: number): string {
  const shown = actions.slice(0, SHOWN_ACTIONS);
  const text = table(['Due', 'When', 'Action', 'Owner', 'Session'], shown.map((a) => [dueWithHistory(a.due, a.rescheduled), when(a), t(a.title), a.owner === null ? '—' : t(a.owner), t(a.session)]), c, width);
  const more = actions.length - shown.length;
  return more > 0 ? `${text}\n${c.dim(`… and ${more} more (align status --format json lists them all)`)}` : text;
}

function rubricLines(r: StatusReport, c: Paint, width: number): string {
  if (!r.rubric) return c.yellow('no rubric.yaml yet: run `align workshop lead-definition`');
  const { signOff, golden } = r.rubric;
  const sign = (team: string, who: string | null): Cell[] => [`${team} sign-off`, who === null ? { text: 'missing', paint: c.red } : t(who)];
  const tests: Cell =
    golden.total === 0
      ? { text: 'none (add them under tests:)', paint: c.yellow }
      : golden.failed.length
        ? { text: `${golden.passed} of ${golden.total} pass; failing: ${golden.failed.map((f) => t(f)).join('; ')}`, paint: c.red }
        : { text: `all ${golden.total} pass`, paint: c.green };
  const ready: Cell = r.rubric.ready ? { text: 'yes', paint: c.green } : { text: 'no', paint: c.red };
  return table(['Check', 'State'], [sign('sales', signOff.sales), sign('marketing', signOff.marketing), ['golden leads', tests], ['ready to use', ready]], c, width);
}
