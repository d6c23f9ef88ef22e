import { oneLine } from '../export/escape.js';
import type { TimedAgenda } from './timing.js';
import { FALLBACK } from './view.js';
import { captureText, describeRepeat, lengthText, teamsLine, timeRange, timetable, weekday, zoneLabel } from './describe.js';

/**
 * The agenda as plain text, for a calendar invite's description, where Markdown would show as
 * symbols. Every text from the workspace or a template is put on one line by oneLine(): no line
 * break of its own, and no control character, which a calendar's text may not hold.
 */
export function agendaPlainText(a: TimedAgenda): string {
  const lines = [
    oneLine(a.template.title),
    `${oneLine(a.organization ?? FALLBACK.organization)} · ${weekday(a.start.date)} ${a.start.date} · ${timeRange(a.start, a.end)} (${zoneLabel(a)}), ${lengthText(a)}`,
    `Facilitator: ${a.facilitator ? oneLine(a.facilitator) : 'to be decided'}`,
    `Teams: ${teamsLine(a, oneLine)}`,
  ];
  if (a.audience === 'facilitator') lines.push("The facilitator's copy: with what align workshop captures in each section.");
  if (a.repeat) lines.push(`This meeting ${describeRepeat(a.repeat)}.`);
  if (a.template.description) lines.push('', oneLine(a.template.description));
  lines.push('', 'Agenda');
  for (const item of timetable(a)) {
    if ('pause' in item) lines.push(`${timeRange(item.pause.start, item.pause.end)}  Break`);
    else lines.push(`${timeRange(item.section.start, item.section.end)}  ${oneLine(item.section.title)}${item.section.leadName ? ` (${oneLine(item.section.leadName)})` : ''}`);
  }
  for (const s of a.sections) {
    lines.push('', `${timeRange(s.start, s.end)} ${oneLine(s.title)}`);
    if (a.audience === 'facilitator') lines.push(`Captures: ${captureText(s)}`);
    if (s.purpose) lines.push(oneLine(s.purpose));
    for (const p of s.prompts) lines.push(`- ${oneLine(p)}`);
  }
  return `${lines.join('\n')}\n`;
}
