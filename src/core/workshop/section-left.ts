import type { TemplateSection } from '../schemas/template.js';
import type { PathProblem } from '../yaml/issues.js';
import { COMMON_SHAPE } from './kinds/common.js';
import type { Acc, SectionAnswer } from './types.js';

/** A section not run captures nothing: its kind's keys are refused, each where it is written. */
export function leftProblems(section: TemplateSection, answer: SectionAnswer): PathProblem[] {
  return Object.keys(answer)
    .filter((k) => !(k in COMMON_SHAPE))
    .map((k) => ({ path: ['sections', section.id, k], atKey: true, message: `\`${k}\` in a section with status ${answer.status}: a section not run captures nothing`, hint: `drop \`status: ${answer.status}\` to capture it, or drop \`${k}\`` }));
}

/** Adds the section's parked topics to the session; the summary's lines for them. */
export function parkTopics(acc: Acc, section: TemplateSection, answer: SectionAnswer): string[] {
  const topics = answer.parked ?? [];
  if (!topics.length) return [];
  acc.session.parked = [...(acc.session.parked ?? []), ...topics.map((topic) => ({ topic: topic.trim(), section: section.id }))];
  return topics.map((t) => `parked: ${t}`);
}

/**
 * A section the room did not run: skipped (nothing captured) or parked whole for the next sync.
 * Its notes and parked topics are kept; its capture is not applied.
 */
export function leaveSection(acc: Acc, section: TemplateSection, answer: SectionAnswer, captured: Record<string, string[]>): void {
  const status = answer.status!;
  acc.session.sections!.push({ ...sectionRecord(section, answer), status });
  if (status === 'parked') acc.session.parked = [...(acc.session.parked ?? []), { topic: section.title, section: section.id, whole_section: true }];
  captured[section.id] = [
    status === 'parked' ? 'parked: the whole section, for the next sync' : 'skipped: nothing captured',
    ...(answer.notes ?? []).map((n) => `note: ${n}`),
    ...parkTopics(acc, section, answer),
  ];
}

/** How a section ran, as the session file records it: its timebox, the minutes it took and its notes. */
export function sectionRecord(section: TemplateSection, answer: SectionAnswer) {
  return {
    id: section.id,
    title: section.title,
    minutes_planned: section.minutes,
    ...(answer.minutes_used !== undefined ? { minutes_used: answer.minutes_used } : {}),
    ...(answer.notes?.length ? { notes: answer.notes } : {}),
  };
}
