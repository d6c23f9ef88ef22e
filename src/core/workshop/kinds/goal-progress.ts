import * as z from 'zod';
import { GOAL_STATUSES, type Goal } from '../../schemas/goals.js';
import type { PathProblem } from '../../yaml/issues.js';
import type { CaptureModule } from '../types.js';

const INACTIVE = new Set(['done', 'dropped']);

export const isActiveGoal = (g: Goal): boolean => !INACTIVE.has(g.status ?? 'proposed');

const ProgressAnswerSchema = z.strictObject({
  goal: z.string().min(1).describe('the id of the goal in goals.yaml'),
  value: z.number().optional().describe("the metric's value now"),
  status: z.enum(GOAL_STATUSES).optional().describe('the status the goal now has'),
  note: z.string().optional().describe('what moved it'),
});
type ProgressAnswer = z.infer<typeof ProgressAnswerSchema>;

interface GoalProgressAnswer {
  progress?: ProgressAnswer[];
}

/** For each active goal: the latest value (added to its progress), its status, and a note. */
export const goalProgress: CaptureModule<GoalProgressAnswer> = {
  shape: { progress: z.array(ProgressAnswerSchema).optional().describe('progress on shared goals') },
  check(a, { acc, section }) {
    const out: PathProblem[] = [];
    const active = acc.goals.filter(isActiveGoal).map((g) => g.id);
    const seen = new Set<string>();
    (a.progress ?? []).forEach((p, i) => {
      const path = ['sections', section.id, 'progress', i, 'goal'];
      if (!acc.goals.some((g) => g.id === p.goal)) out.push({ path, message: `no goal "${p.goal}" in goals.yaml`, hint: active.length ? `active goals: ${active.join(', ')}` : 'goals.yaml has no active goals' });
      else if (!active.includes(p.goal)) out.push({ path, message: `goal "${p.goal}" is already done or dropped`, hint: 'only active goals take progress; reopen it in a shared-goals section first' });
      else if (seen.has(p.goal)) out.push({ path, message: `goal "${p.goal}" is reported twice`, hint: 'one entry per goal' });
      seen.add(p.goal);
    });
    return out;
  },
  apply(a, { acc, date }) {
    for (const p of a.progress ?? []) {
      const goal = acc.goals.find((g) => g.id === p.goal)!;
      if (p.value !== undefined) goal.progress = [...(goal.progress ?? []), { date, value: p.value, ...(p.note ? { note: p.note } : {}) }];
      if (p.status) goal.status = p.status;
      acc.session.progress = [...(acc.session.progress ?? []), p];
      acc.changed.goals.add(goal.id);
      acc.changed.goalsFile = true;
    }
  },
  describe: (a) =>
    (a.progress ?? []).map((p) => `progress: ${p.goal}${p.value !== undefined ? ` = ${p.value}` : ''}${p.status ? ` (${p.status})` : ''}${p.note ? ` — ${p.note}` : ''}`),
};
