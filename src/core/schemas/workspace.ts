import * as z from 'zod';
import { NonEmptyText, Slug } from './common.js';
import { LOCALES } from '../values/locale.js';

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
  locale: z.enum(LOCALES).optional().describe('How dates and numbers are written in the CSV files of leads: en (11/20/2026, 1,200.50), en-GB (20/11/2026, 1,200.50), de (20.11.2026, 1.200,50) or fr (20/11/2026, 1 200,50); default en. The --locale flag overrides it for one run.'),
});

/** align.yaml: who the organisation and its teams are. */
export const WorkspaceConfigSchema = z.strictObject({
  organization: NonEmptyText.describe('the company or organization whose teams align'),
  teams: z.record(Slug, TeamSchema).refine((t) => Object.keys(t).length > 0, { message: 'expected at least one team' }).describe('the teams by id (sales, marketing, and any other), each with its name and members'),
  defaults: DefaultsSchema.optional().describe('defaults for agendas and workshops; flags win over them'),
});

export type WorkspaceConfig = z.infer<typeof WorkspaceConfigSchema>;
