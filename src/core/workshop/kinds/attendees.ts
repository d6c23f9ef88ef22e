import * as z from 'zod';
import { NonEmptyText } from '../../schemas/common.js';
import type { Attendee } from '../../schemas/session.js';
import type { WorkspaceConfig } from '../../schemas/workspace.js';
import type { DataPath, PathProblem } from '../../yaml/issues.js';
import { memberTeams, teamIds } from '../fields.js';
import { canonicalPerson, samePerson } from '../people.js';
import type { Acc, AttendeeAnswer, CaptureModule } from '../types.js';

export const AttendeeAnswerSchema = z.union([
  NonEmptyText,
  z.strictObject({
    name: NonEmptyText.describe('the person, by name'),
    team: z.string().optional().describe('their team: an id from align.yaml; a new name joins that team'),
    role: z.string().optional().describe('their role'),
  }),
]);

/**
 * Attendees as the session records them. A member's team comes from align.yaml; a new name
 * with a team is added to that team; a name without a team is a guest. A name is the same
 * person in any case (people.ts): a member keeps align.yaml's spelling.
 */
export function resolveAttendees(list: AttendeeAnswer[], config: WorkspaceConfig, base: DataPath): { attendees: Attendee[]; problems: PathProblem[] } {
  const teams = memberTeams(config);
  const known = teamIds(config);
  const problems: PathProblem[] = [];
  const seen = new Set<string>();
  const attendees: Attendee[] = [];
  list.forEach((a, i) => {
    const name = canonicalPerson(typeof a === 'string' ? a : a.name, [...teams.keys(), ...seen]);
    const entry = typeof a === 'string' ? { name } : { ...a, name };
    if (seen.has(entry.name)) {
      problems.push({ path: [...base, i], message: `"${entry.name}" is listed twice`, hint: 'list each attendee once' });
      return;
    }
    seen.add(entry.name);
    const team = entry.team ?? teams.get(entry.name);
    if (entry.team !== undefined && !known.includes(entry.team)) {
      problems.push({ path: [...base, i, ...(typeof a === 'string' ? [] : ['team'])], message: `unknown team "${entry.team}"`, hint: `teams in align.yaml: ${known.join(', ')}` });
      return;
    }
    attendees.push({ name: entry.name, ...(team ? { team } : {}), ...('role' in entry && entry.role ? { role: entry.role } : {}) });
  });
  return { attendees, problems };
}

/** Adds attendees who are not yet members of their team to align.yaml. */
export function addNewMembers(acc: Acc, attendees: Attendee[]): void {
  for (const a of attendees) {
    if (!a.team) continue;
    const team = acc.config.teams[a.team];
    if (team && !team.members.some((m) => samePerson(m, a.name))) {
      team.members = [...team.members, a.name];
      acc.changed.teams = true;
    }
  }
}

interface AttendeesAnswer {
  attendees?: AttendeeAnswer[];
}

/** Confirms who is in the room: replaces the list given at the start when answered. */
export const attendees: CaptureModule<AttendeesAnswer> = {
  shape: { attendees: z.array(AttendeeAnswerSchema).optional().describe('who is there: a name, or { name, team, role }') },
  check: (a, { acc, section }) => (a.attendees ? resolveAttendees(a.attendees, acc.config, ['sections', section.id, 'attendees']).problems : []),
  apply(a, { acc }) {
    if (!a.attendees) return;
    const { attendees: list } = resolveAttendees(a.attendees, acc.config, []);
    acc.session.attendees = list;
    addNewMembers(acc, list);
  },
  describe: (a, { acc }) => (a.attendees ? resolveAttendees(a.attendees, acc.config, []).attendees : (acc.session.attendees ?? [])).map((x) => `attendee: ${x.name}${x.team ? ` (${x.team})` : ''}`),
};
