import type { OpenParked } from '../workshop/parked.js';
import type { TimedAgenda } from './timing.js';

/**
 * Topics parked in earlier sessions, carried to the agenda as prompts of its action-review
 * section (the sync's "Last time's actions"), where the workshop asks whether each was
 * discussed. An agenda without such a section is returned as it is.
 */
export function carryParked(agenda: TimedAgenda, parked: OpenParked[]): TimedAgenda {
  const at = agenda.sections.findIndex((s) => s.capture === 'action-review');
  if (at < 0 || !parked.length) return agenda;
  const prompts = parked.map((p) =>
    p.wholeSection ? `Parked section from ${p.session}: ${p.topic} — run it today, or keep it parked?` : `Parked in ${p.session}${p.sectionTitle ? ` (${p.sectionTitle})` : ''}: ${p.topic} — discuss it now, or keep it parked?`,
  );
  const sections = agenda.sections.map((s, i) => (i === at ? { ...s, prompts: [...s.prompts, ...prompts] } : s));
  return { ...agenda, sections };
}
