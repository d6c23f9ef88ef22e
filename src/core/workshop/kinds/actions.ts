import * as z from 'zod';
import { ActionSchema, type Action } from '../../schemas/session.js';
import type { PathProblem } from '../../yaml/issues.js';
import { dueProblem, memberTeams, teamIds } from '../fields.js';
import { canonicalPerson } from '../people.js';
import type { Acc, CaptureModule } from '../types.js';

/** An action as an answer: the session's action fields, its id given when the session is written. */
const ActionAnswerSchema = ActionSchema.omit({ id: true });
export type ActionAnswer = z.infer<typeof ActionAnswerSchema>;

interface ActionsAnswer {
  actions?: ActionAnswer[];
}

/** Who may own an action: the teams' members, the attendees and the facilitator, each with a team if known; the prompt offers exactly these. */
export function possibleOwners(acc: Acc): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>(memberTeams(acc.config));
  for (const a of acc.session.attendees ?? []) if (!out.has(a.name) || a.team) out.set(a.name, a.team ?? out.get(a.name));
  if (acc.session.facilitator && !out.has(acc.session.facilitator)) out.set(acc.session.facilitator, undefined);
  return out;
}

/** Follow-ups with one owner and a date; ids a1, a2 … in the order agreed. */
export const actions: CaptureModule<ActionsAnswer> = {
  shape: { actions: z.array(ActionAnswerSchema).optional().describe('actions agreed (ids are given by align)') },
  check(a, { acc, section, date }) {
    const out: PathProblem[] = [];
    const owners = possibleOwners(acc);
    const teams = teamIds(acc.config);
    (a.actions ?? []).forEach((x, i) => {
      const base = ['sections', section.id, 'actions', i];
      if (x.owner !== undefined && !owners.has(canonicalPerson(x.owner, owners.keys()))) out.push({ path: [...base, 'owner'], message: `owner "${x.owner}" is not a member, an attendee or the facilitator`, hint: `known: ${[...owners.keys()].join(', ') || 'nobody yet'}` });
      const late = x.due === undefined ? undefined : dueProblem(x.due, date);
      if (late) out.push({ path: [...base, 'due'], message: late, hint: 'give a date on or after the session date, or leave `due` out' });
      if (x.team !== undefined && !teams.includes(x.team)) out.push({ path: [...base, 'team'], message: `unknown team "${x.team}"`, hint: `teams in align.yaml: ${teams.join(', ')}` });
    });
    return out;
  },
  apply(a, { acc }) {
    const owners = possibleOwners(acc);
    for (const x of a.actions ?? []) {
      const list = acc.session.actions ?? [];
      const owner = x.owner ? canonicalPerson(x.owner, owners.keys()) : undefined;
      const team = x.team ?? (owner ? owners.get(owner) : undefined);
      const action: Action = {
        id: `a${list.length + 1}`,
        title: x.title.trim(),
        ...(owner ? { owner } : {}),
        ...(team ? { team } : {}),
        ...(x.due ? { due: x.due } : {}),
        status: x.status ?? 'open',
        ...(x.note ? { note: x.note } : {}),
      };
      acc.session.actions = [...list, action];
    }
  },
  describe: (a) => (a.actions ?? []).map((x) => `action: ${x.title}${x.owner ? ` — ${x.owner}` : ''}${x.due ? `, due ${x.due}` : ''}`),
};
