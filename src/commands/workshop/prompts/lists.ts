import { dateProblem, memberTeams, parseNumber } from '../../../core/workshop/fields.js';
import { possibleOwners } from '../../../core/workshop/kinds/actions.js';
import { samePerson } from '../../../core/workshop/people.js';
import type { Acc, AttendeeAnswer, SectionAnswer, WorkshopInput } from '../../../core/workshop/types.js';
import type { TemplateSection } from '../../../core/schemas/template.js';
import type { Asker, Choice } from './asker.js';
import type { LeadTable } from '../../../core/workshop/preview.js';
import type { Rubric } from '../../../core/schemas/rubric.js';
import type { RoomRecord } from '../../../core/workshop/room.js';

/** What a section's prompts work with: the answers so far, and the workspace as earlier sections left it. */
export interface PromptContext {
  ask: Asker;
  input: WorkshopInput;
  acc: Acc;
  section: TemplateSection;
  answer: SectionAnswer;
  print: (text: string) => void;
  leads?: LeadTable;
  date: string;
  /** Back from the summary: ask again what was answered. */
  editing: boolean;
  /** The columns tables and text are laid out for: the terminal's. */
  width: number;
  /** The rubric as every section's answers so far leave it (this one's included), to run its golden leads on each change. */
  rubricNow: () => Rubric | undefined;
  /** With --room: what the room holds now (the criteria it accepted to define are offered when one is added). */
  roomNow?: () => RoomRecord | undefined;
}

export const validDate = (s: string) => dateProblem(s);
export const validNumber = (s: string) => (parseNumber(s) === undefined ? 'expected a number, like 24 or 2.5' : undefined);
export const validWhole = (s: string) => (parseNumber(s) === undefined || !Number.isInteger(parseNumber(s)) || parseNumber(s)! < 0 ? 'expected a whole number, 0 or more' : undefined);

/**
 * A list of lines typed one by one (empty to finish). With lines already there
 * (resumed, or edited from the summary) it offers to remove one first.
 */
export async function textList(c: PromptContext, key: string, what: string, list: string[]): Promise<string[]> {
  let items = [...list];
  if (items.length) {
    c.print(items.map((n, i) => `  ${i + 1}. ${n}`).join('\n'));
    for (;;) {
      const remove = await c.ask.select<number>(`${key}-remove`, `Remove one of these ${what}s?`, [{ name: 'No, keep them', value: -1 }, ...items.map((n, i) => ({ name: `Remove: ${n}`, value: i }))]);
      if (remove < 0) break;
      items = items.filter((_, i) => i !== remove);
      save(c, key, items);
    }
  }
  for (;;) {
    const line = await c.ask.text(`${key}-new`, `${capital(what)} (empty line to finish)`);
    if (!line) {
      c.ask.done();
      return items;
    }
    items.push(line);
    save(c, key, items);
  }
}

function save(c: PromptContext, key: string, items: string[]): void {
  c.answer[key] = items;
  c.ask.done();
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Members of every team, then anyone else already named, each labelled with a team. */
export function peopleChoices(acc: Acc, extra: string[] = []): Choice<string>[] {
  const teams = memberTeams(acc.config);
  const names = [...new Set([...teams.keys(), ...(acc.session.attendees ?? []).map((a) => a.name), ...extra])];
  const attendeeTeam = new Map((acc.session.attendees ?? []).map((a) => [a.name, a.team]));
  return names.map((n) => {
    const t = teams.get(n) ?? attendeeTeam.get(n);
    return { name: t ? `${n} (${acc.config.teams[t]?.name ?? t})` : n, value: n };
  });
}

/** Who may own an action, exactly as the answers file accepts them (possibleOwners): each with their team, or as the facilitator. */
export function ownerChoices(acc: Acc): Choice<string>[] {
  return [...possibleOwners(acc)].map(([n, team]) => ({
    name: team ? `${n} (${acc.config.teams[team]?.name ?? team})` : n === acc.session.facilitator ? `${n} (facilitator)` : n,
    value: n,
  }));
}

/** Who is in the room: members ticked from the list, then new names with their team. */
export async function pickAttendees(c: PromptContext, key: string, current: AttendeeAnswer[]): Promise<AttendeeAnswer[]> {
  const names = current.map((a) => (typeof a === 'string' ? a : a.name));
  const listed = peopleChoices(c.acc).map((p) => ({ ...p, checked: names.some((n) => samePerson(n, p.value)) }));
  const known = new Set(listed.map((p) => p.value));
  const ticked = listed.length ? await c.ask.checkbox<string>(`${key}-members`, 'Who is here? (space to tick, enter when done)', listed) : [];
  // A name entered earlier with its team keeps that entry, so a resumed or edited list still adds them to the team.
  const entered = (n: string) => current.find((a) => typeof a !== 'string' && a.name === n) ?? n;
  const out: AttendeeAnswer[] = [...ticked.map(entered), ...current.filter((a) => typeof a !== 'string' && !known.has(a.name))];
  c.answer[key] = out;
  c.ask.done();
  const teamChoices = [...Object.entries(c.acc.config.teams).map(([id, t]) => ({ name: t.name, value: id })), { name: 'a guest (no team)', value: '' }];
  for (;;) {
    const name = await c.ask.text(`${key}-new`, 'Someone else in the room? Their name (empty line to finish)', {
      // The same person in another case ("sam ortiz") is already on the list, under the spelling it has there.
      validate: (s) => {
        const same = [...known, ...out.map((a) => (typeof a === 'string' ? a : a.name))].find((n) => samePerson(n, s));
        return same === undefined ? undefined : `${same} is already on the list`;
      },
    });
    if (!name) {
      c.ask.done();
      return out;
    }
    const team = await c.ask.select<string>(`${key}-team`, `${name}'s team (a new member is added to align.yaml)`, teamChoices);
    out.push(team ? { name, team } : { name });
    c.answer[key] = out;
    c.ask.done();
  }
}
