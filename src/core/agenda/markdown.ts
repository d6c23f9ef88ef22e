import { md } from '../export/escape.js';
import type { TimedAgenda } from './timing.js';
import { FALLBACK } from './view.js';
import { captureText, describeRepeat, lengthText, minutesText, teamsLine, timeRange, timetable, weekday, zoneLabel } from './describe.js';

/**
 * The agenda as Markdown: a heading with who, when and where, a timetable, then each section.
 * Every text from the workspace or a template (titles, names, purposes, prompts) goes through
 * md(), as in the export: it reads as written, never as a heading, a list, a table cell or HTML.
 */
export function agendaMarkdown(a: TimedAgenda): string {
  const lines: string[] = [`# ${md(a.template.title)}`, ''];
  if (a.audience === 'facilitator') lines.push("*The facilitator's copy: what `align workshop` captures in each section, and the align commands the prompts mention. Send the teams `align agenda --for attendees`.*", '');
  const facts = [
    `**Organization:** ${md(a.organization ?? FALLBACK.organization)}`,
    `**Date:** ${weekday(a.start.date)} ${a.start.date}`,
    `**Time:** ${timeRange(a.start, a.end)} (${zoneLabel(a)}), ${lengthText(a)}${a.repeat ? `; ${describeRepeat(a.repeat)}` : ''}`,
    `**Facilitator:** ${a.facilitator ? md(a.facilitator) : 'to be decided'}`,
    `**Teams:** ${teamsLine(a, md)}`,
  ];
  lines.push(...facts.map((f, i) => (i < facts.length - 1 ? `${f}  ` : f)), '');
  if (a.template.description) lines.push(md(a.template.description), '');
  lines.push('| Time | Item | Lead | Minutes |', '|---|---|---|--:|');
  for (const item of timetable(a)) {
    if ('pause' in item) lines.push(`| ${timeRange(item.pause.start, item.pause.end)} | *Break* | | ${item.pause.minutes} |`);
    else lines.push(`| ${timeRange(item.section.start, item.section.end)} | ${md(item.section.title)} | ${md(item.section.leadName ?? '')} | ${item.section.minutes} |`);
  }
  lines.push(`| | **Total** | | **${a.minutes}** |`, '');
  for (const item of timetable(a)) {
    if ('pause' in item) {
      lines.push(`## ${timeRange(item.pause.start, item.pause.end)} Break`, '', `*${minutesText(item.pause.minutes)}*`, '');
      continue;
    }
    const s = item.section;
    lines.push(`## ${timeRange(s.start, s.end)} ${md(s.title)}`, '');
    const meta = [s.leadName ? `Lead: ${md(s.leadName)}` : null, minutesText(s.minutes), a.audience === 'facilitator' ? `Captures: ${captureText(s)}` : null].filter(Boolean);
    lines.push(`*${meta.join(' · ')}*`, '');
    if (s.purpose) lines.push(md(s.purpose), '');
    if (s.prompts.length) lines.push(...s.prompts.map((p) => `- ${md(p)}`), '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
