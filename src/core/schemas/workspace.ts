import { z } from 'zod';
import { NonEmptyText, Slug } from './common.js';

const TeamSchema = z.strictObject({
  name: NonEmptyText.describe('the team as people call it, shown in agendas and summaries'),
  members: z.array(NonEmptyText).default([]).describe('the people in the team, by name; a workshop adds new attendees here'),
  goals: z.array(z.string()).optional().describe("the team's own goals, as agreed at the kickoff"),
  values: z.array(z.string()).optional().describe('what the team values in the way it works'),
});

const DefaultsSchema = z.strictObject({
  facilitator: z.string().optional().describe('who runs the workshops unless --facilitator says otherwise'),
  timezone: z.string().optional().describe('IANA time zone of the meetings, such as Europe/Berlin (default: the machine\'s)'),
  start: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'expected a time written HH:MM' }).optional().describe('start time of the meetings, HH:MM on a 24-hour clock, in quotes (default: "10:00")'),
  template: z.string().optional().describe('the template `align agenda` uses when none is named'),
});

/** align.yaml: who the organisation and its teams are. */
export const WorkspaceConfigSchema = z.strictObject({
  organization: NonEmptyText.describe('the company or organization whose teams align'),
  teams: z.record(Slug, TeamSchema).refine((t) => Object.keys(t).length > 0, { message: 'expected at least one team' }).describe('the teams by id (sales, marketing, and any other), each with its name and members'),
  defaults: DefaultsSchema.optional().describe('defaults for agendas and workshops; flags win over them'),
});

export type WorkspaceConfig = z.infer<typeof WorkspaceConfigSchema>;
