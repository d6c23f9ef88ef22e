import * as z from 'zod';
import { Dimension, Slug } from '../../schemas/common.js';
import { ConditionSchema, isLeaf, type Condition } from '../../schemas/condition.js';
import type { Criterion } from '../../schemas/rubric.js';
import type { PathProblem } from '../../yaml/issues.js';
import { checkRubric } from '../../checks/rubric.js';
import { freeId, slugify } from '../fields.js';
import type { Acc, CaptureModule } from '../types.js';

const CriterionAnswerSchema = z
  .strictObject({
    id: Slug.optional().describe('id of the criterion; an existing id changes that criterion (default: made from the label)'),
    label: z.string().optional().describe('the criterion in words'),
    dimension: Dimension.optional().describe('fit or engagement: the dimension its points count in (default: the section\'s)'),
    when: ConditionSchema.describe('the condition a lead must meet: { field, op, value }, or all, any, not, at_least … of'),
    points: z.number().finite().optional().describe('points a lead that meets the condition gets (needed unless it is a gate)'),
    why: z.string().optional().describe('the rationale, shown by --explain'),
    disqualify: z.boolean().optional().describe('a gate: a lead that meets the condition is disqualified, whatever its score'),
  })
  .superRefine((c, ctx) => {
    if (c.points === undefined && c.disqualify !== true) ctx.addIssue({ code: 'custom', path: [], message: 'a criterion needs `points` unless it is a gate (`disqualify: true`)' });
  });
export type CriterionAnswer = z.infer<typeof CriterionAnswerSchema>;

interface CriteriaAnswer {
  criteria?: CriterionAnswer[];
  remove?: string[];
}

/** The first field a condition names, to make an id from when there is no label. */
function firstField(c: Condition): string {
  if (isLeaf(c)) return c.field;
  if ('not' in c) return firstField(c.not);
  const list = 'all' in c ? c.all : 'any' in c ? c.any : c.of;
  return list[0] ? firstField(list[0]) : 'criterion';
}

function criterionId(c: CriterionAnswer, acc: Acc): string {
  if (c.id) return c.id;
  return freeId(slugify(c.label ?? firstField(c.when)), new Set(acc.rubric?.criteria.map((x) => x.id) ?? []));
}

/** The criterion as rubric.yaml holds it; the section's dimension is written out so the file says it. */
function toCriterion(c: CriterionAnswer, id: string, dimension: Criterion['dimension']): Criterion {
  return {
    id,
    ...(c.label ? { label: c.label } : {}),
    ...((c.dimension ?? dimension) ? { dimension: c.dimension ?? dimension } : {}),
    when: c.when,
    ...(c.points !== undefined ? { points: c.points } : {}),
    ...(c.why ? { why: c.why } : {}),
    ...(c.disqualify ? { disqualify: true } : {}),
  };
}

/** Adds a criterion, replaces one with the same id, or removes one. */
export const criteria: CaptureModule<CriteriaAnswer> = {
  shape: {
    criteria: z.array(CriterionAnswerSchema).optional().describe('criteria added, or changed by id'),
    remove: z.array(z.string()).optional().describe('ids of criteria taken out of the rubric'),
  },
  check(a, { acc, section }) {
    const base = ['sections', section.id];
    if (!acc.rubric) return a.criteria?.length || a.remove?.length ? [{ path: base, message: 'the workspace has no rubric.yaml to change', hint: 'run `align init` in a new folder to see a starter rubric, or write rubric.yaml' }] : [];
    const out: PathProblem[] = [];
    (a.remove ?? []).forEach((id, i) => {
      if (!acc.rubric!.criteria.some((c) => c.id === id)) out.push({ path: [...base, 'remove', i], message: `no criterion "${id}" in rubric.yaml`, hint: `criteria: ${acc.rubric!.criteria.map((c) => c.id).join(', ')}` });
    });
    (a.criteria ?? []).forEach((c, i) => {
      if (section.dimension && c.dimension && c.dimension !== section.dimension) {
        out.push({ path: [...base, 'criteria', i, 'dimension'], message: `this section is about ${section.dimension} criteria, not ${c.dimension}`, hint: `leave dimension out, or capture it in a ${c.dimension} section` });
      }
    });
    // What the rubric's own checks say about these criteria alone (reversed bounds, at_least too high, repeated ids).
    const alone = (a.criteria ?? []).map((c, i) => toCriterion(c, c.id ?? `new-${i}`, section.dimension));
    for (const p of checkRubric({ stages: [{ id: 'any', min: 0 }], criteria: alone })) out.push({ ...p, path: [...base, ...p.path] });
    return out;
  },
  apply(a, { acc, section }) {
    if (!acc.rubric || (!a.criteria?.length && !a.remove?.length)) return;
    const rubric = acc.rubric;
    rubric.criteria = rubric.criteria.filter((c) => !(a.remove ?? []).includes(c.id));
    for (const c of a.criteria ?? []) {
      const id = criterionId(c, acc);
      const next = toCriterion(c, id, section.dimension);
      const i = rubric.criteria.findIndex((x) => x.id === id);
      if (i >= 0) rubric.criteria[i] = next;
      else rubric.criteria.push(next);
    }
    acc.changed.rubric = true;
  },
  describe: (a) => [
    ...(a.criteria ?? []).map((c) => `criterion: ${c.id ?? c.label ?? firstField(c.when)} ${c.disqualify ? '(gate)' : `+${c.points}`} when ${conditionText(c.when)}`),
    ...(a.remove ?? []).map((id) => `removed criterion: ${id}`),
  ],
};

/** A condition in one line, as the summary and the criteria table show it. */
export function conditionText(c: Condition): string {
  if (isLeaf(c)) return `${c.field} ${c.op}${c.value === undefined ? '' : ` ${Array.isArray(c.value) ? `[${c.value.join(', ')}]` : String(c.value)}`}`;
  if ('not' in c) return `not (${conditionText(c.not)})`;
  if ('all' in c) return `all of (${c.all.map(conditionText).join('; ')})`;
  if ('any' in c) return `any of (${c.any.map(conditionText).join('; ')})`;
  return `at least ${c.at_least} of (${c.of.map(conditionText).join('; ')})`;
}
