import * as z from 'zod';
import { GoalSchema, type Goal } from '../../schemas/goals.js';
import type { PathProblem } from '../../yaml/issues.js';
import { dueProblem, freeId, slugify, teamIds } from '../fields.js';
import type { Acc, CaptureModule } from '../types.js';

/** A goal as an answer: the goal's own fields, where the id may come from the title. */
const GoalAnswerSchema = GoalSchema.omit({ progress: true }).partial({ id: true, title: true });
export type GoalAnswer = z.infer<typeof GoalAnswerSchema>;

interface SharedGoalsAnswer {
  goals?: GoalAnswer[];
}

/** The id a goal answer lands on: its own, or one made from its title. */
function goalId(g: GoalAnswer, acc: Acc): string {
  if (g.id) return g.id;
  const base = slugify(g.title ?? 'goal');
  return acc.goals.some((x) => x.id === base) ? freeId(base, new Set(acc.goals.map((x) => x.id))) : base;
}

/**
 * Adds goals both teams own, or edits one by id; a new goal is `proposed` until the room says otherwise.
 * A shared goal has at least one owning team (a new one names them; an edit may not empty them),
 * and a due date set here is not before the session.
 */
export const sharedGoals: CaptureModule<SharedGoalsAnswer> = {
  shape: { goals: z.array(GoalAnswerSchema).optional().describe('shared goals added, or changed by id') },
  check(a, { acc, section, date }) {
    const out: PathProblem[] = [];
    const known = teamIds(acc.config);
    (a.goals ?? []).forEach((g, i) => {
      const base = ['sections', section.id, 'goals', i];
      const existing = g.id === undefined ? undefined : acc.goals.find((x) => x.id === g.id);
      const exists = existing !== undefined;
      if ((!exists && g.title !== undefined && !g.owners?.length) || (exists && g.owners?.length === 0)) {
        out.push({ path: g.owners ? [...base, 'owners'] : base, message: `shared goal "${g.title ?? g.id}" has no owning team`, hint: `name the teams that own it: \`owners: [${known.join(', ')}]\` (one or more)` });
      }
      const late = g.due !== undefined && g.due !== existing?.due ? dueProblem(g.due, date) : undefined;
      if (late) out.push({ path: [...base, 'due'], message: late, hint: 'give a date on or after the session date' });
      if (!exists && g.title === undefined) {
        out.push({ path: base, message: g.id ? `no goal "${g.id}" in goals.yaml to edit, and no title for a new one` : 'a new goal needs a `title`', hint: 'give the title; the id is made from it' });
      }
      (g.owners ?? []).forEach((o, k) => {
        if (!known.includes(o)) out.push({ path: [...base, 'owners', k], message: `unknown team "${o}"`, hint: `teams in align.yaml: ${known.join(', ')}` });
      });
    });
    return out;
  },
  apply(a, { acc }) {
    for (const g of a.goals ?? []) {
      const id = goalId(g, acc);
      const { id: _id, ...fields } = g;
      const i = acc.goals.findIndex((x) => x.id === id);
      if (i >= 0) acc.goals[i] = { ...acc.goals[i]!, ...fields };
      else acc.goals.push({ id, ...(fields as Omit<Goal, 'id'>), status: g.status ?? 'proposed' } as Goal);
      acc.changed.goals.add(id);
      acc.changed.goalsFile = true;
    }
  },
  describe: (a, { acc }) =>
    (a.goals ?? []).map((g) => {
      const t = g.title ?? acc.goals.find((x) => x.id === g.id)?.title ?? g.id;
      const range = g.target !== undefined ? ` ${g.baseline ?? '?'} → ${g.target}` : '';
      return `goal: ${t}${g.metric ? ` (${g.metric}${range})` : range}${g.due ? ` by ${g.due}` : ''}${g.horizon ? ` [${g.horizon}]` : ''}`;
    }),
};
