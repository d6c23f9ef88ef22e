import type { TimedAgenda } from './timing.js';
import { FALLBACK } from './view.js';
import { describeRepeat, teamsLine, timeRange, weekday, zoneLabel } from './describe.js';

/** The agenda as plain text, for a calendar invite's description, where Markdown would show as symbols. */
export function agendaPlainText(a: TimedAgenda): string {
  const lines = [
    a.template.title,
    `${a.organization ?? FALLBACK.organization} · ${weekday(a.start.date)} ${a.start.date} · ${timeRange(a.start, a.end)} (${zoneLabel(a)})`,
    `Facilitator: ${a.facilitator ?? 'to be decided'}`,
    `Teams: ${teamsLine(a)}`,
  ];
  if (a.repeat) lines.push(`This meeting ${describeRepeat(a.repeat)}.`);
  if (a.template.description) lines.push('', a.template.description);
  lines.push('', 'Agenda');
  for (const s of a.sections) lines.push(`${timeRange(s.start, s.end)}  ${s.title}${s.leadName ? ` (${s.leadName})` : ''}`);
  for (const s of a.sections) {
    lines.push('', `${timeRange(s.start, s.end)} ${s.title}`);
    if (s.purpose) lines.push(s.purpose);
    for (const p of s.prompts) lines.push(`- ${p.replace(/\s*\n\s*/g, ' ')}`);
  }
  return `${lines.join('\n')}\n`;
}
