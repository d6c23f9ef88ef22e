import { z } from 'zod';
import { NonEmptyText } from '../../schemas/common.js';
import { StageSchema, type Stage } from '../../schemas/rubric.js';
import type { PathProblem } from '../../yaml/issues.js';
import { teamIds } from '../fields.js';
import { canonicalPerson } from '../people.js';
import type { Acc, CaptureModule } from '../types.js';

/** Each approver as align.yaml spells them: their team's members first, then everyone's. */
function approvers(given: Record<string, string>, acc: Acc): Record<string, string> {
  const everyone = Object.values(acc.config.teams).flatMap((t) => t.members);
  return Object.fromEntries(Object.entries(given).map(([team, name]) => [team, canonicalPerson(name, [...(acc.config.teams[team]?.members ?? []), ...everyone])]));
}

interface StagesAnswer {
  stages?: Stage[];
  approved_by?: Record<string, string>;
}

/** Problems with a stage list: each min above the one before, ids unique. */
function stagesProblems(stages: Stage[], base: (string | number)[]): PathProblem[] {
  const out: PathProblem[] = [];
  stages.forEach((s, i) => {
    const prev = stages[i - 1];
    if (prev && s.min <= prev.min) out.push({ path: [...base, i, 'min'], message: `stage "${s.id}" has min ${s.min}, not above "${prev.id}" (${prev.min})`, hint: 'stages go from lowest to highest; each min must be above the one before' });
    if (stages.findIndex((x) => x.id === s.id) !== i) out.push({ path: [...base, i, 'id'], message: `duplicate stage id "${s.id}"`, hint: 'give each stage its own id' });
  });
  return out;
}

/** The thresholds (the whole stage list, in order) and, when given, each team's sign-off. */
export const stages: CaptureModule<StagesAnswer> = {
  shape: { stages: z.array(StageSchema).min(1).optional(), approved_by: z.record(z.string(), NonEmptyText).optional() },
  check(a, { acc, section }) {
    const base = ['sections', section.id];
    if (!acc.rubric && (a.stages || a.approved_by)) return [{ path: base, message: 'the workspace has no rubric.yaml to change', hint: 'write rubric.yaml first' }];
    const out = a.stages ? stagesProblems(a.stages, [...base, 'stages']) : [];
    const teams = teamIds(acc.config);
    for (const t of Object.keys(a.approved_by ?? {})) {
      if (!teams.includes(t)) out.push({ path: [...base, 'approved_by', t], atKey: true, message: `unknown team "${t}"`, hint: `teams in align.yaml: ${teams.join(', ')}` });
    }
    return out;
  },
  apply(a, { acc }) {
    if (!acc.rubric) return;
    if (a.stages) acc.rubric.stages = a.stages;
    if (a.approved_by) acc.rubric.approved_by = { ...acc.rubric.approved_by, ...approvers(a.approved_by, acc) };
    if (a.stages || a.approved_by) acc.changed.rubric = true;
  },
  describe: (a, { acc }) => [
    ...(a.stages ?? []).map((s) => `stage: ${s.id}${s.label ? ` (${s.label})` : ''} from ${s.min}${s.require ? `, needs ${Object.entries(s.require).map(([d, n]) => `${n} ${d}`).join(', ')}` : ''}`),
    ...Object.entries(approvers(a.approved_by ?? {}, acc)).map(([t, n]) => `approved for ${t}: ${n}`),
  ],
};
