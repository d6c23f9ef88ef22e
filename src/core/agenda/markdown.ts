import { md } from '../export/escape.js';
import type { TimedAgenda } from './timing.js';
import { FALLBACK } from './view.js';
import { describeRepeat, teamsLine, timeRange, weekday, zoneLabel } from './describe.js';

/**
 * The agenda as Markdown: a heading with who, when and where, a timetable, then each section.
 * Every text from the workspace or a template (titles, names, purposes, prompts) goes through
 * md(), as in the export: it reads as written, never as a heading, a list, a table cell or HTML.
 */
export function agendaMarkdown(a: TimedAgenda): string {
  const lines: string[] = [`# ${md(a.template.title)}`, ''];
  const facts = [
    `**Organization:** ${md(a.organization ?? FALLBACK.organization)}`,
    `**Date:** ${weekday(a.start.date)} ${a.start.date}`,
    `**Time:** ${timeRange(a.start, a.end)} (${zoneLabel(a)}), ${a.minutes} minutes${a.repeat ? `; ${describeRepeat(a.repeat)}` : ''}`,
    `**Facilitator:** ${a.facilitator ? md(a.facilitator) : 'to be decided'}`,
    `**Teams:** ${teamsLine(a, md)}`,
  ];
  lines.push(...facts.map((f, i) => (i < facts.length - 1 ? `${f}  ` : f)), '');
  if (a.template.description) lines.push(md(a.template.description), '');
  lines.push('| Time | Item | Lead | Minutes |', '|---|---|---|--:|');
  for (const s of a.sections) lines.push(`| ${timeRange(s.start, s.end)} | ${md(s.title)} | ${md(s.leadName ?? '')} | ${s.minutes} |`);
  lines.push(`| | **Total** | | **${a.minutes}** |`, '');
  for (const s of a.sections) {
    lines.push(`## ${timeRange(s.start, s.end)} ${md(s.title)}`, '');
    const meta = [s.leadName ? `Lead: ${md(s.leadName)}` : null, `${s.minutes} minutes`, `Captures: ${s.capture}${s.dimension ? ` (${s.dimension})` : ''}`].filter(Boolean);
    lines.push(`*${meta.join(' · ')}*`, '');
    if (s.purpose) lines.push(md(s.purpose), '');
    if (s.prompts.length) lines.push(...s.prompts.map((p) => `- ${md(p)}`), '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
