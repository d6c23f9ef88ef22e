import { z } from 'zod';
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

export const ACCEPTED_AS = ['note', 'decision', 'action', 'criterion'] as const;

/** What the room added in a workshop run with `--room`: who joined, each contribution with its author, and each vote's tally. */
const SessionRoomSchema = z
  .strictObject({
    participants: z
      .array(
        z.strictObject({
          name: z.string().min(1).describe("the participant's name, as they picked it from the members or typed it"),
          guest: z.boolean().optional().describe('true for someone who joined as a guest, not as a member of a team'),
        }),
      )
      .optional()
      .describe('everyone who joined the room'),
    contributions: z
      .array(
        z.strictObject({
          section: z.string().min(1).describe('the id of the agenda section it was added to'),
          author: z.string().min(1).describe('who added it (a participant\'s name)'),
          text: z.string().describe('the note or idea, as typed'),
          at: z.string().describe('when it arrived (ISO 8601 time)'),
          accepted: z.enum(ACCEPTED_AS).optional().describe('what the facilitator accepted it into the capture as; absent when not accepted'),
        }),
      )
      .optional()
      .describe("the participants' notes and ideas, in the order they arrived"),
    votes: z
      .array(
        z.strictObject({
          section: z.string().min(1).describe('the id of the agenda section the vote was held in'),
          budget: z.number().int().min(1).describe('how many dots each participant could give'),
          voters: z.number().int().min(0).describe('how many participants gave at least one dot'),
          candidates: z
            .array(z.strictObject({ text: z.string().describe('what was voted on'), votes: z.number().int().min(0).describe('the dots it got') }))
            .describe('what was voted on, in the order offered, with the dots each got'),
        }),
      )
      .optional()
      .describe("the room's dot-votes, in the order held, each with its tally"),
  })
  .describe('the live room of a workshop run with --room: participants, their contributions and their votes');

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
  room: SessionRoomSchema.optional(),
});

export type SessionRoom = z.infer<typeof SessionRoomSchema>;
export type Attendee = z.infer<typeof AttendeeSchema>;
export type Action = z.infer<typeof ActionSchema>;
export type Session = z.infer<typeof SessionSchema>;
