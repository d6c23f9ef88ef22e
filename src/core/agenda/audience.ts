import type { TimedAgenda } from './timing.js';

/** Who an agenda is for: the people in the room, or the facilitator who runs it with align. */
export const AUDIENCES = ['attendees', 'facilitator'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** A command of align's own, as templates quote it: `align agenda sync`. */
const COMMAND = /`align\b[^`]*`/;
/** An aside in parentheses that quotes one: " (`align rubric diff --leads` shows what a change moves.)". */
const ASIDE = /\s*\([^()]*`align\b[^`]*`[^()]*\)/g;

/**
 * The agenda for its audience. The facilitator's keeps everything; the attendees' leaves out
 * align's own workings: what each section captures (the renderers read `audience` for that)
 * and every align command a text quotes, an aside in parentheses that quotes one, else the
 * sentence; a prompt left with nothing to ask is dropped.
 */
export function forAudience(agenda: TimedAgenda, audience: Audience): TimedAgenda {
  if (audience === 'facilitator') return { ...agenda, audience };
  return {
    ...agenda,
    audience,
    template: { ...agenda.template, description: withoutCommands(agenda.template.description) },
    sections: agenda.sections.map((s) => ({
      ...s,
      purpose: withoutCommands(s.purpose),
      prompts: s.prompts.map(withoutCommands).filter((p): p is string => p !== null),
    })),
  };
}

function withoutCommands(text: string | null): string | null {
  if (text === null || !COMMAND.test(text)) return text;
  let out = text.replace(ASIDE, '');
  if (COMMAND.test(out)) out = out.split(/(?<=[.!?])\s+/).filter((sentence) => !COMMAND.test(sentence)).join(' ');
  return out.trim() || null;
}
