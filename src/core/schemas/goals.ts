import * as z from 'zod';
import { IsoDate, NonEmptyText, Slug } from './common.js';

export const HORIZONS = ['now', 'next', 'future'] as const;
export const GOAL_STATUSES = ['proposed', 'on-track', 'at-risk', 'off-track', 'done', 'dropped'] as const;

const ProgressSchema = z.strictObject({
  date: IsoDate.describe('the day the value was measured, YYYY-MM-DD in quotes'),
  value: z.number().describe("the metric's value on that day"),
  note: z.string().optional().describe('what moved it'),
});

export const GoalSchema = z.strictObject({
  id: Slug.describe('stable id of the goal: lower-case letters, digits, - and _; sessions refer to it'),
  title: NonEmptyText.describe('the goal in a few words'),
  description: z.string().optional().describe('more about the goal'),
  metric: z.string().optional().describe('what is measured, such as SQL-sourced pipeline (USD)'),
  baseline: z.number().optional().describe('the metric when the goal was set'),
  target: z.number().optional().describe('the metric the goal aims at'),
  due: IsoDate.optional().describe('when the target is due, YYYY-MM-DD in quotes'),
  owners: z.array(z.string()).optional().describe('the teams (ids from align.yaml) or people who own the goal'),
  horizon: z.enum(HORIZONS).optional().describe('now, next or future: when the goal matters'),
  status: z.enum(GOAL_STATUSES).optional().describe('where the goal stands: proposed, on-track, at-risk, off-track, done or dropped'),
  progress: z.array(ProgressSchema).optional().describe('measurements of the metric over time, oldest first'),
});

/** goals.yaml: the goals sales and marketing share. */
export const GoalsFileSchema = z.strictObject({
  goals: z.array(GoalSchema).default([]).describe('the goals sales and marketing share'),
});

export type Goal = z.infer<typeof GoalSchema>;
export type GoalsFile = z.infer<typeof GoalsFileSchema>;
