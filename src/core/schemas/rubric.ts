import * as z from 'zod';
import { Dimension, IsoDate, NonEmptyText, Scalar, Slug } from './common.js';
import { ConditionSchema } from './condition.js';
import { ColumnsSchema } from './columns.js';

/** Outcomes that are not stages: below the first stage, and stopped by a gate. */
export const UNQUALIFIED = 'unqualified';
export const DISQUALIFIED = 'disqualified';

const Points = z.number().finite();

export const StageSchema = z.strictObject({
  id: Slug.refine((id) => id !== UNQUALIFIED && id !== DISQUALIFIED, {
    message: `a stage cannot be called "${UNQUALIFIED}" or "${DISQUALIFIED}": align uses those`,
  }).describe('stable id of the stage, such as mql or sql; CSV output and golden leads name it'),
  label: z.string().optional().describe('the stage as people call it, such as Sales-ready'),
  min: Points.describe('the points a lead needs for this stage'),
  require: z.partialRecord(Dimension, Points).optional().describe('points a lead also needs in a dimension, such as { fit: 30 }'),
});

const CriterionSchema = z
  .strictObject({
    id: Slug.describe('stable id of the criterion; diffs and explanations name it'),
    label: z.string().optional().describe('the criterion in words'),
    dimension: Dimension.optional().describe('fit or engagement: the dimension its points count in (default: fit)'),
    when: ConditionSchema.describe('the condition a lead must meet: { field, op, value }, or all, any, not, at_least … of'),
    points: Points.optional().describe('points a lead that meets the condition gets (needed unless it is a gate)'),
    why: z.string().optional().describe('the rationale, shown by --explain'),
    disqualify: z.boolean().optional().describe('a gate: a lead that meets the condition is disqualified, whatever its score'),
  })
  .superRefine((c, ctx) => {
    if (c.points === undefined && c.disqualify !== true) {
      ctx.addIssue({ code: 'custom', path: [], message: 'a criterion needs `points` unless it is a gate (`disqualify: true`)' });
    }
  });

export const SlaSchema = z.strictObject({
  follow_up_hours: z.number().positive().optional().describe('sales contacts a sales-ready lead within this many hours'),
  decision_days: z.number().positive().optional().describe('sales accepts or rejects a lead within this many days'),
  attempts_before_recycle: z.number().int().min(0).optional().describe('contact attempts before a lead goes back to marketing'),
  recycle_to: z.string().optional().describe('where rejected leads go, such as nurture'),
  rejection_reasons: z.array(z.string()).optional().describe('the reasons sales may give for rejecting a lead'),
});

export const GoldenLeadSchema = z.strictObject({
  name: z.string().optional().describe('the example in words'),
  lead: z.record(z.string(), z.union([Scalar, z.null()])).describe("the lead's fields, as the CSV columns would hold them"),
  expect: z.string().min(1).describe('the stage it must reach: a stage id, unqualified or disqualified'),
  as_of: IsoDate.optional().describe('the scoring date for within_last, YYYY-MM-DD in quotes (default: today)'),
});

export const RubricSchema = z.strictObject({
  name: z.string().optional().describe('the rubric as people call it, such as Sales-ready lead'),
  label: z.string().optional().describe('a short label for the rubric'),
  description: z.string().optional().describe('what the rubric is for'),
  approved_by: z.record(z.string(), NonEmptyText).optional().describe('sign-off of this version by each side: team id to name'),
  dimensions: z
    .partialRecord(Dimension, z.strictObject({ max: z.number().positive().describe("the most points the dimension's criteria add up to") }))
    .optional()
    .describe('optional caps per dimension (fit, engagement)'),
  stages: z.array(StageSchema).min(1, { message: 'a rubric needs at least one stage' }).describe("ordered stages; a lead's stage is the highest it qualifies for"),
  criteria: z.array(CriterionSchema).describe('what earns a lead points, or disqualifies it'),
  sla: SlaSchema.optional().describe('the hand-off agreement for sales-ready leads'),
  tests: z.array(GoldenLeadSchema).optional().describe('golden leads: agreed examples that `align rubric test` checks'),
  columns: ColumnsSchema.optional(),
});

export type Stage = z.infer<typeof StageSchema>;
export type Criterion = z.infer<typeof CriterionSchema>;
export type Sla = z.infer<typeof SlaSchema>;
export type GoldenLead = z.infer<typeof GoldenLeadSchema>;
export type Rubric = z.infer<typeof RubricSchema>;
