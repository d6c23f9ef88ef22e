import * as z from 'zod';
import { IsoDate, NonEmptyText, Slug } from './common.js';

export const HORIZONS = ['now', 'next', 'future'] as const;
export const GOAL_STATUSES = ['proposed', 'on-track', 'at-risk', 'off-track', 'done', 'dropped'] as const;

const ProgressSchema = z.strictObject({
  date: IsoDate,
  value: z.number(),
  note: z.string().optional(),
});

export const GoalSchema = z.strictObject({
  id: Slug,
  title: NonEmptyText,
  description: z.string().optional(),
  metric: z.string().optional(),
  baseline: z.number().optional(),
  target: z.number().optional(),
  due: IsoDate.optional(),
  owners: z.array(z.string()).optional(),
  horizon: z.enum(HORIZONS).optional(),
  status: z.enum(GOAL_STATUSES).optional(),
  progress: z.array(ProgressSchema).optional(),
});

/** goals.yaml: the goals sales and marketing share. */
export const GoalsFileSchema = z.strictObject({
  goals: z.array(GoalSchema).default([]),
});

export type Goal = z.infer<typeof GoalSchema>;
export type GoalsFile = z.infer<typeof GoalsFileSchema>;
