import * as z from 'zod';
import { IsoDate, NonEmptyText } from './common.js';
import { ParkedReviewSchema, ParkedTopicSchema, SECTION_LEFT } from './parked.js';

export const ACTION_STATUSES = ['open', 'done', 'dropped'] as const;

const AttendeeSchema = z.strictObject({
  name: NonEmptyText,
  team: z.string().optional(),
  role: z.string().optional(),
});

export const ActionSchema = z.strictObject({
  id: z.string().min(1),
  title: NonEmptyText,
  owner: z.string().optional(),
  team: z.string().optional(),
  due: IsoDate.optional(),
  status: z.enum(ACTION_STATUSES).optional(),
  note: z.string().optional(),
});

const SectionRecordSchema = z.strictObject({
  id: z.string().min(1),
  title: z.string().optional(),
  minutes_planned: z.number().min(0).optional(),
  minutes_used: z.number().min(0).optional(),
  notes: z.array(z.string()).optional(),
  status: z.enum(SECTION_LEFT).optional(),
});

const TeamGoalsSchema = z.strictObject({
  goals: z.array(z.string()).optional(),
  values: z.array(z.string()).optional(),
});

const ProgressEntrySchema = z.strictObject({
  goal: z.string().min(1),
  value: z.number().optional(),
  status: z.string().optional(),
  note: z.string().optional(),
});

const ActionReviewSchema = z.strictObject({
  session: z.string().optional(),
  action: z.string().min(1),
  status: z.enum(ACTION_STATUSES),
  note: z.string().optional(),
  /** Still open, now due on this date: a reschedule. */
  due: IsoDate.optional(),
});

/** sessions/<date>-<template>.yaml: one workshop held and what it agreed. */
export const SessionSchema = z.strictObject({
  id: z.string().min(1),
  template: z.string().min(1),
  title: z.string().optional(),
  date: IsoDate,
  start: z.string().optional(),
  facilitator: z.string().optional(),
  attendees: z.array(AttendeeSchema).optional(),
  sections: z.array(SectionRecordSchema).optional(),
  team_goals: z.record(z.string(), TeamGoalsSchema).optional(),
  progress: z.array(ProgressEntrySchema).optional(),
  decisions: z.array(z.string()).optional(),
  actions: z.array(ActionSchema).optional(),
  action_reviews: z.array(ActionReviewSchema).optional(),
  parked: z.array(ParkedTopicSchema).optional(),
  parked_reviews: z.array(ParkedReviewSchema).optional(),
  changes: z
    .strictObject({ goals: z.array(z.string()).optional(), rubric: z.boolean().optional(), teams: z.boolean().optional() })
    .optional(),
});

export type Attendee = z.infer<typeof AttendeeSchema>;
export type Action = z.infer<typeof ActionSchema>;
export type Session = z.infer<typeof SessionSchema>;
