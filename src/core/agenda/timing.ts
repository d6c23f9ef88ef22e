import type { CaptureKind, Template } from '../schemas/template.js';
import type { Dimension } from '../schemas/common.js';
import type { PlaceholderView } from './view.js';
import type { Audience } from './audience.js';
import { formatOffset, instantOf, offsetAt, wallAt, wallDate, wallTime } from './zone.js';

export type RepeatFrequency = 'weekly' | 'biweekly' | 'monthly';
export interface Repeat {
  frequency: RepeatFrequency;
  /** Number of meetings in all, the first included; absent: no end. */
  count?: number;
}

/** A moment of the agenda, as the room's clock shows it and as an instant. */
export interface AgendaTime {
  date: string; // YYYY-MM-DD, local
  time: string; // HH:MM, local
  offset: string; // +01:00
  utc: string; // ISO 8601
}

interface TimedSection {
  id: string;
  title: string;
  minutes: number;
  lead: string | null; // as the template wrote it: a team id or a role
  leadName: string | null; // as people read it
  purpose: string | null;
  prompts: string[];
  capture: CaptureKind;
  dimension: Dimension | null;
  start: AgendaTime;
  end: AgendaTime;
}

/** A pause between two sections; it lengthens the meeting and moves the sections after it. */
interface TimedBreak {
  after: string; // the id of the section it follows
  minutes: number;
  start: AgendaTime;
  end: AgendaTime;
}

/** A meeting longer than this many minutes of sections gets a break for every such stretch. */
const BREAK_EVERY = 90;
const BREAK_MINUTES = 10;

export interface TimedAgenda {
  /** Timed for the facilitator, with everything; `forAudience` makes the attendees' agenda. */
  audience: Audience;
  template: { id: string; title: string; description: string | null };
  organization: string | null; // null outside a workspace
  facilitator: string | null;
  teams: { id: string; name: string; members: string[] }[];
  zone: string;
  minutes: number;
  start: AgendaTime;
  end: AgendaTime;
  repeat: Repeat | null;
  sections: TimedSection[];
  breaks: TimedBreak[];
}

export interface AgendaInput {
  template: Template; // placeholders already rendered
  view: PlaceholderView;
  date: string;
  start: string; // HH:MM
  zone: string;
  known: { organization: boolean; facilitator: boolean };
  repeat?: Repeat;
}

export class NoSuchTime extends Error {}

/**
 * Times every section from the start, in elapsed minutes: a meeting that spans a change of the
 * clocks lasts as long as planned, and its local times jump with the clock, as the room sees them.
 */
export function timeAgenda(input: AgendaInput): TimedAgenda {
  const { template, view, zone } = input;
  const first = instantOf(input.date, input.start, zone);
  if (!first.ok) throw new NoSuchTime(`${input.start} does not exist on ${input.date} in ${zone}: the clocks go forward then`);
  // Calendar programs read a repeated local time differently (ical.js takes the second pass, RFC 5545 the first).
  if (first.ambiguous) throw new NoSuchTime(`${input.start} happens twice on ${input.date} in ${zone}: the clocks go back then`);
  const at = (instant: number): AgendaTime => {
    const w = wallAt(instant, zone);
    return { date: wallDate(w), time: wallTime(w), offset: formatOffset(offsetAt(instant, zone)), utc: new Date(instant).toISOString() };
  };
  let t = first.instant;
  const pauses = breakPlaces(template.sections.map((s) => s.minutes));
  const breaks: TimedBreak[] = [];
  const sections = template.sections.map((s, i): TimedSection => {
    if (pauses.has(i)) {
      const start = t;
      t += BREAK_MINUTES * 60_000;
      breaks.push({ after: template.sections[i - 1]!.id, minutes: BREAK_MINUTES, start: at(start), end: at(t) });
    }
    const start = t;
    t += s.minutes * 60_000;
    return {
      id: s.id,
      title: s.title,
      minutes: s.minutes,
      lead: s.lead ?? null,
      leadName: s.lead === undefined ? null : leadName(s.lead, view, input.known.facilitator),
      purpose: s.purpose ?? null,
      prompts: s.prompts,
      capture: s.capture,
      dimension: s.dimension ?? null,
      start: at(start),
      end: at(t),
    };
  });
  const teams = ['sales', 'marketing', ...Object.keys(view.teams).filter((k) => k !== 'sales' && k !== 'marketing')]
    .map((id) => view.teams[id]!)
    .map((team) => ({ id: team.id, name: team.name, members: team.members }));
  return {
    audience: 'facilitator',
    template: { id: template.id, title: template.title, description: template.description ?? null },
    organization: input.known.organization ? view.organization : null,
    facilitator: input.known.facilitator ? view.facilitator : null,
    teams,
    zone,
    minutes: Math.round((t - first.instant) / 60_000),
    start: at(first.instant),
    end: at(t),
    repeat: input.repeat ?? null,
    sections,
    breaks,
  };
}

/**
 * Where the breaks go, as the indexes of the sections they come before: one break for every
 * BREAK_EVERY minutes beyond the first (a 120-minute meeting gets one, a 200-minute one two),
 * each at the boundary between sections nearest its share of the meeting (the middle, for
 * one), the earlier of two as near. A meeting of one section has no boundary and no break.
 */
function breakPlaces(minutes: number[]): Set<number> {
  const total = minutes.reduce((n, m) => n + m, 0);
  const wanted = Math.ceil(total / BREAK_EVERY) - 1;
  const boundaries: { index: number; at: number }[] = [];
  let at = 0;
  for (const [i, m] of minutes.entries()) {
    if (i > 0) boundaries.push({ index: i, at });
    at += m;
  }
  const places = new Set<number>();
  for (let k = 1; k <= wanted; k++) {
    const target = (total * k) / (wanted + 1);
    let best: { index: number; at: number } | undefined;
    for (const b of boundaries) {
      if (places.has(b.index)) continue;
      if (!best || Math.abs(b.at - target) < Math.abs(best.at - target)) best = b;
    }
    if (best) places.add(best.index);
  }
  return places;
}

/** A team id reads as the team's name, `both` as both names, `facilitator` as the facilitator's name. */
function leadName(lead: string, view: PlaceholderView, facilitatorKnown: boolean): string {
  const team = view.teams[lead];
  if (team) return team.name;
  if (lead === 'both') return `${view.teams.sales!.name} and ${view.teams.marketing!.name}`;
  if (lead === 'facilitator') return facilitatorKnown ? view.facilitator : 'Facilitator';
  return lead;
}
