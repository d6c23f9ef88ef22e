import * as z from 'zod';
import { NonEmptyText } from '../../schemas/common.js';
import { DISQUALIFIED, GoldenLeadSchema, StageSchema, UNQUALIFIED, type GoldenLead, type Stage } from '../../schemas/rubric.js';
import { closest } from '../../text/closest.js';
import type { PathProblem } from '../../yaml/issues.js';
import { teamIds } from '../fields.js';
import { canonicalPerson, samePerson } from '../people.js';
import type { Acc, CaptureModule } from '../types.js';

/** Each approver as align.yaml spells them: their team's members first, then everyone's. */
function approvers(given: Record<string, string>, acc: Acc): Record<string, string> {
  const everyone = Object.values(acc.config.teams).flatMap((t) => t.members);
  return Object.fromEntries(Object.entries(given).map(([team, name]) => [team, canonicalPerson(name, [...(acc.config.teams[team]?.members ?? []), ...everyone])]));
}

interface StagesAnswer {
  stages?: Stage[];
  approved_by?: Record<string, string>;
  /** New golden leads the room picked, appended to the rubric's `tests:`. */
  tests?: GoldenLead[];
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

/** A sign-off is a member of the team signing for it: a name typed wrong is refused with the closest member. */
function signOffProblems(approved: Record<string, string>, acc: Acc, base: (string | number)[]): PathProblem[] {
  const out: PathProblem[] = [];
  const teams = teamIds(acc.config);
  for (const [t, who] of Object.entries(approved)) {
    const team = acc.config.teams[t];
    if (!team) {
      out.push({ path: [...base, t], atKey: true, message: `unknown team "${t}"`, hint: `teams in align.yaml: ${teams.join(', ')}` });
      continue;
    }
    if (team.members.some((m) => samePerson(m, who))) continue;
    const elsewhere = Object.values(acc.config.teams).find((x) => x.members.some((m) => samePerson(m, who)));
    const near = elsewhere ? undefined : closest(who, team.members);
    const lead = elsewhere ? `${who} is in ${elsewhere.name}; ` : near ? `did you mean ${near}? ` : '';
    out.push({ path: [...base, t], message: `"${who}" is not a member of ${team.name}; a sign-off is given by a member of the team`, hint: `${lead}members of ${team.name}: ${team.members.join(', ') || 'none'}` });
  }
  return out;
}

/** A golden lead expects a stage of the rubric, or one of the outcomes that are not stages. */
function goldenProblems(tests: GoldenLead[], stageIds: string[], base: (string | number)[]): PathProblem[] {
  const known = [UNQUALIFIED, ...stageIds, DISQUALIFIED];
  return tests.flatMap((g, i) => (known.includes(g.expect) ? [] : [{ path: [...base, i, 'expect'], message: `no stage "${g.expect}" in the rubric`, hint: `expect one of: ${known.join(', ')}` }]));
}

/** The thresholds (the whole stage list, in order), new golden leads and, when given, each team's sign-off. */
export const stages: CaptureModule<StagesAnswer> = {
  shape: {
    stages: z.array(StageSchema).min(1).optional().describe("the rubric's stages, in order"),
    approved_by: z.record(z.string(), NonEmptyText).optional().describe('sign-off of the rubric by each side: team id to name'),
    tests: z.array(GoldenLeadSchema).optional().describe('golden leads: agreed examples that `align rubric test` checks'),
  },
  check(a, { acc, section }) {
    const base = ['sections', section.id];
    if (!acc.rubric && (a.stages || a.approved_by || a.tests)) return [{ path: base, message: 'the workspace has no rubric.yaml to change', hint: 'write rubric.yaml first' }];
    const out = a.stages ? stagesProblems(a.stages, [...base, 'stages']) : [];
    out.push(...goldenProblems(a.tests ?? [], (a.stages ?? acc.rubric?.stages ?? []).map((s) => s.id), [...base, 'tests']));
    out.push(...signOffProblems(a.approved_by ?? {}, acc, [...base, 'approved_by']));
    return out;
  },
  apply(a, { acc }) {
    if (!acc.rubric) return;
    if (a.stages) acc.rubric.stages = a.stages;
    if (a.tests?.length) acc.rubric.tests = [...(acc.rubric.tests ?? []), ...a.tests];
    if (a.approved_by) acc.rubric.approved_by = { ...acc.rubric.approved_by, ...approvers(a.approved_by, acc) };
    if (a.stages || a.approved_by || a.tests?.length) acc.changed.rubric = true;
  },
  describe: (a, { acc }) => [
    ...(a.stages ?? []).map((s) => `stage: ${s.id}${s.label ? ` (${s.label})` : ''} from ${s.min}${s.require ? `, needs ${Object.entries(s.require).map(([d, n]) => `${n} ${d}`).join(', ')}` : ''}`),
    ...(a.tests ?? []).map((g) => `new golden lead: ${g.name ?? Object.entries(g.lead).map(([k, v]) => `${k}=${String(v)}`).join(', ')} → ${g.expect}`),
    ...Object.entries(approvers(a.approved_by ?? {}, acc)).map(([t, n]) => `approved for ${t}: ${n}`),
  ],
};
