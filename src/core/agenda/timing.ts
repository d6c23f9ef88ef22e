import type { CaptureKind, Template } from '../schemas/template.js';
import type { Dimension } from '../schemas/common.js';
import type { PlaceholderView } from './view.js';
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

export interface TimedAgenda {
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
  const sections = template.sections.map((s): TimedSection => {
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
    template: { id: template.id, title: template.title, description: template.description ?? null },
    organization: input.known.organization ? view.organization : null,
    facilitator: input.known.facilitator ? view.facilitator : null,
    teams,
    zone,
    minutes: template.sections.reduce((n, s) => n + s.minutes, 0),
    start: at(first.instant),
    end: at(t),
    repeat: input.repeat ?? null,
    sections,
  };
}

/** A team id reads as the team's name, `both` as both names, `facilitator` as the facilitator's name. */
function leadName(lead: string, view: PlaceholderView, facilitatorKnown: boolean): string {
  const team = view.teams[lead];
  if (team) return team.name;
  if (lead === 'both') return `${view.teams.sales!.name} and ${view.teams.marketing!.name}`;
  if (lead === 'facilitator') return facilitatorKnown ? view.facilitator : 'Facilitator';
  return lead;
}
