import * as z from 'zod';
import { Dimension, IsoDate, NonEmptyText, Scalar, Slug } from './common.js';
import { ConditionSchema } from './condition.js';

/** Outcomes that are not stages: below the first stage, and stopped by a gate. */
export const UNQUALIFIED = 'unqualified';
export const DISQUALIFIED = 'disqualified';

const Points = z.number().finite();

export const StageSchema = z.strictObject({
  id: Slug.refine((id) => id !== UNQUALIFIED && id !== DISQUALIFIED, {
    message: `a stage cannot be called "${UNQUALIFIED}" or "${DISQUALIFIED}": align uses those`,
  }),
  label: z.string().optional(),
  min: Points,
  require: z.partialRecord(Dimension, Points).optional(),
});

const CriterionSchema = z
  .strictObject({
    id: Slug,
    label: z.string().optional(),
    dimension: Dimension.optional(),
    when: ConditionSchema,
    points: Points.optional(),
    why: z.string().optional(),
    disqualify: z.boolean().optional(),
  })
  .superRefine((c, ctx) => {
    if (c.points === undefined && c.disqualify !== true) {
      ctx.addIssue({ code: 'custom', path: [], message: 'a criterion needs `points` unless it is a gate (`disqualify: true`)' });
    }
  });

export const SlaSchema = z.strictObject({
  follow_up_hours: z.number().positive().optional(),
  decision_days: z.number().positive().optional(),
  attempts_before_recycle: z.number().int().min(0).optional(),
  recycle_to: z.string().optional(),
  rejection_reasons: z.array(z.string()).optional(),
});

export const GoldenLeadSchema = z.strictObject({
  name: z.string().optional(),
  lead: z.record(z.string(), z.union([Scalar, z.null()])),
  expect: z.string().min(1),
  as_of: IsoDate.optional(),
});

export const RubricSchema = z.strictObject({
  name: z.string().optional(),
  label: z.string().optional(),
  description: z.string().optional(),
  approved_by: z.record(z.string(), NonEmptyText).optional(),
  dimensions: z.partialRecord(Dimension, z.strictObject({ max: z.number().positive() })).optional(),
  stages: z.array(StageSchema).min(1, { message: 'a rubric needs at least one stage' }),
  criteria: z.array(CriterionSchema),
  sla: SlaSchema.optional(),
  tests: z.array(GoldenLeadSchema).optional(),
});

export type Stage = z.infer<typeof StageSchema>;
export type Criterion = z.infer<typeof CriterionSchema>;
export type Sla = z.infer<typeof SlaSchema>;
export type GoldenLead = z.infer<typeof GoldenLeadSchema>;
export type Rubric = z.infer<typeof RubricSchema>;
