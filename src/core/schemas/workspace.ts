import { z } from 'zod';
import { NonEmptyText, Slug } from './common.js';
import { LOCALES } from '../values/locale.js';

const TeamSchema = z.strictObject({
  name: NonEmptyText,
  members: z.array(NonEmptyText).default([]),
  goals: z.array(z.string()).optional(),
  values: z.array(z.string()).optional(),
});

const DefaultsSchema = z.strictObject({
  facilitator: z.string().optional(),
  timezone: z.string().optional(),
  start: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'expected a time written HH:MM' }).optional(),
  template: z.string().optional(),
  locale: z.enum(LOCALES).optional().describe('How dates and numbers are written in the CSV files of leads: en (11/20/2026, 1,200.50), en-GB (20/11/2026, 1,200.50), de (20.11.2026, 1.200,50) or fr (20/11/2026, 1 200,50); default en. The --locale flag overrides it for one run.'),
});

/** align.yaml: who the organisation and its teams are. */
export const WorkspaceConfigSchema = z.strictObject({
  organization: NonEmptyText,
  teams: z.record(Slug, TeamSchema).refine((t) => Object.keys(t).length > 0, { message: 'expected at least one team' }),
  defaults: DefaultsSchema.optional(),
});

export type WorkspaceConfig = z.infer<typeof WorkspaceConfigSchema>;
