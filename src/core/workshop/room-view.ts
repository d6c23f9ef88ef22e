import type { FacilitatorView } from '../room/model.js';
import type { Template } from '../schemas/template.js';
import type { Position } from './state.js';

/** Where the workshop is and what it has captured, as the board needs it. */
export interface RoomMoment {
  template: Template;
  position: Position;
  /** The time now, and how long the current section has run so far (its clock). */
  now: Date;
  sectionMs: number;
  /** The summary's lines per section id, as the answers so far give them. */
  captured: Record<string, string[]>;
  /** With --leads: leads per stage under the rubric as it now stands. */
  stages?: { stage: string; count: number }[];
}

/** A summary line's words before its colon, as the board names the kind of thing captured. */
const KINDS: Record<string, string> = { stage: 'threshold' };
const PREFIX = /^([a-z][a-z ]{0,30}): ([\s\S]*)$/;

/** One summary line as a captured item: `decision: Book the room` is a decision; a line with no kind takes the section's. */
export function captureItem(line: string, fallback: string): { kind: string; text: string } {
  const m = PREFIX.exec(line);
  if (!m) return { kind: fallback, text: line };
  return { kind: KINDS[m[1]!] ?? m[1]!, text: m[2]! };
}

/**
 * What the facilitator shows the room: the agenda with the section under way, its countdown
 * (`endsAt`, and the overrun once past it), what is captured in it (the whole session's capture
 * when no section is under way), and the lead counts per stage.
 */
export function facilitatorView(m: RoomMoment): FacilitatorView {
  const sections = m.template.sections;
  const pos = m.position;
  const at = pos.step === 'section' ? pos.index : pos.step === 'setup' ? -1 : sections.length;
  const agenda: FacilitatorView['agenda'] = sections.map((s, i) => ({ id: s.id, title: s.title, minutes: s.minutes, state: i < at ? 'done' : i === at ? 'current' : i === at + 1 ? 'next' : 'later' }));
  const section = pos.step === 'section' ? sections[pos.index] : undefined;
  const view: FacilitatorView = { title: m.template.title, agenda, capture: [], ...(m.stages ? { stages: m.stages } : {}) };
  if (!section) {
    view.capture = sections.flatMap((s) => (m.captured[s.id] ?? []).map((l) => captureItem(l, s.capture)));
    return view;
  }
  const left = section.minutes * 60_000 - m.sectionMs;
  view.current = { section: section.id, endsAt: new Date(m.now.getTime() + left).toISOString(), ...(left < 0 ? { overrunMs: -left } : {}) };
  view.capture = (m.captured[section.id] ?? []).map((l) => captureItem(l, section.capture));
  return view;
}
