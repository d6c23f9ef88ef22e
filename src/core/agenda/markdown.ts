import type { TimedAgenda } from './timing.js';
import { FALLBACK } from './view.js';
import { describeRepeat, teamsLine, timeRange, weekday, zoneLabel } from './describe.js';

/** A table cell holds one line and no unescaped pipe. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

/** The agenda as Markdown: a heading with who, when and where, a timetable, then each section. */
export function agendaMarkdown(a: TimedAgenda): string {
  const lines: string[] = [`# ${a.template.title}`, ''];
  const facts = [
    `**Organization:** ${a.organization ?? FALLBACK.organization}`,
    `**Date:** ${weekday(a.start.date)} ${a.start.date}`,
    `**Time:** ${timeRange(a.start, a.end)} (${zoneLabel(a)}), ${a.minutes} minutes${a.repeat ? `; ${describeRepeat(a.repeat)}` : ''}`,
    `**Facilitator:** ${a.facilitator ?? 'to be decided'}`,
    `**Teams:** ${teamsLine(a)}`,
  ];
  lines.push(...facts.map((f, i) => (i < facts.length - 1 ? `${f}  ` : f)), '');
  if (a.template.description) lines.push(a.template.description, '');
  lines.push('| Time | Item | Lead | Minutes |', '|---|---|---|--:|');
  for (const s of a.sections) lines.push(`| ${timeRange(s.start, s.end)} | ${cell(s.title)} | ${cell(s.leadName ?? '')} | ${s.minutes} |`);
  lines.push(`| | **Total** | | **${a.minutes}** |`, '');
  for (const s of a.sections) {
    lines.push(`## ${timeRange(s.start, s.end)} ${s.title}`, '');
    const meta = [s.leadName ? `Lead: ${s.leadName}` : null, `${s.minutes} minutes`, `Captures: ${s.capture}${s.dimension ? ` (${s.dimension})` : ''}`].filter(Boolean);
    lines.push(`*${meta.join(' · ')}*`, '');
    if (s.purpose) lines.push(s.purpose, '');
    if (s.prompts.length) lines.push(...s.prompts.map((p) => `- ${p.replace(/\s*\n\s*/g, ' ')}`), '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
