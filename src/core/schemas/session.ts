import * as z from 'zod';
import { IsoDate, NonEmptyText } from './common.js';
import { ParkedReviewSchema, ParkedTopicSchema, SECTION_LEFT } from './parked.js';

export const ACTION_STATUSES = ['open', 'done', 'dropped'] as const;

const AttendeeSchema = z.strictObject({
  name: NonEmptyText.describe('the person, by name'),
  team: z.string().optional().describe('their team: an id from align.yaml'),
  role: z.string().optional().describe('their role in the workshop or the company'),
});

export const ActionSchema = z.strictObject({
  id: z.string().min(1).describe('id of the action within its session (a1, a2, …); reviews refer to it'),
  title: NonEmptyText.describe('what is to be done'),
  owner: z.string().optional().describe('who does it, by name'),
  team: z.string().optional().describe("the owner's team: an id from align.yaml"),
  due: IsoDate.optional().describe('when it is due, YYYY-MM-DD in quotes'),
  status: z.enum(ACTION_STATUSES).optional().describe('open, done or dropped (default: open)'),
  note: z.string().optional().describe('anything more about it'),
});

const SectionRecordSchema = z.strictObject({
  id: z.string().min(1).describe("the section's id in the template"),
  title: z.string().optional().describe("the section's title"),
  minutes_planned: z.number().min(0).optional().describe('minutes the agenda gave it'),
  minutes_used: z.number().min(0).optional().describe('minutes it took'),
  notes: z.array(z.string()).optional().describe('notes taken in the section'),
  status: z.enum(SECTION_LEFT).optional().describe('skipped or parked when the section was not run'),
});

const TeamGoalsSchema = z.strictObject({
  goals: z.array(z.string()).optional().describe("the team's goals, as said in the session"),
  values: z.array(z.string()).optional().describe("the team's values, as said in the session"),
});

const ProgressEntrySchema = z.strictObject({
  goal: z.string().min(1).describe('the id of the goal in goals.yaml'),
  value: z.number().optional().describe("the metric's value reported"),
  status: z.string().optional().describe('the status the goal was given'),
  note: z.string().optional().describe('what was said about it'),
});

const ActionReviewSchema = z.strictObject({
  session: z.string().optional().describe('the id of the session the action comes from'),
  action: z.string().min(1).describe('the id of the action in that session'),
  status: z.enum(ACTION_STATUSES).describe('open, done or dropped'),
  note: z.string().optional().describe('what was said about it'),
  /** Still open, now due on this date: a reschedule. */
  due: IsoDate.optional().describe('still open, now due on this date (YYYY-MM-DD in quotes)'),
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
  id: z.string().min(1).describe('the session id: its date and template, as in the file name'),
  template: z.string().min(1).describe('the id of the template the workshop followed'),
  title: z.string().optional().describe("the workshop's title"),
  date: IsoDate.describe('the day of the workshop, YYYY-MM-DD in quotes'),
  start: z.string().optional().describe('when it started, HH:MM in quotes'),
  facilitator: z.string().optional().describe('who ran it'),
  attendees: z.array(AttendeeSchema).optional().describe('who was there'),
  sections: z.array(SectionRecordSchema).optional().describe('each section of the agenda: time planned and used, notes'),
  team_goals: z.record(z.string(), TeamGoalsSchema).optional().describe("each team's goals and values as said, by team id"),
  progress: z.array(ProgressEntrySchema).optional().describe('progress reported on shared goals'),
  decisions: z.array(z.string()).optional().describe('what the room decided'),
  actions: z.array(ActionSchema).optional().describe('actions agreed, each with an owner and a due date'),
  action_reviews: z.array(ActionReviewSchema).optional().describe("earlier sessions' actions reviewed: done, dropped or still open"),
  parked: z.array(ParkedTopicSchema).optional().describe('topics put aside for a later session'),
  parked_reviews: z.array(ParkedReviewSchema).optional().describe("earlier sessions' parked topics closed here"),
  changes: z
    .strictObject({
      goals: z.array(z.string()).optional().describe('ids of the goals the session added or changed'),
      rubric: z.boolean().optional().describe('true when the session changed rubric.yaml'),
      teams: z.boolean().optional().describe('true when the session changed the teams in align.yaml'),
    })
    .optional()
    .describe('what the session changed in the other workspace files'),
  room: SessionRoomSchema.optional(),
});

export type SessionRoom = z.infer<typeof SessionRoomSchema>;
export type Attendee = z.infer<typeof AttendeeSchema>;
export type Action = z.infer<typeof ActionSchema>;
export type Session = z.infer<typeof SessionSchema>;
