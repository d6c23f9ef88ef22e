import * as z from 'zod';
import { NonEmptyText, Slug } from './common.js';

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
});

/** align.yaml: who the organisation and its teams are. */
export const WorkspaceConfigSchema = z.strictObject({
  organization: NonEmptyText,
  teams: z.record(Slug, TeamSchema).refine((t) => Object.keys(t).length > 0, { message: 'expected at least one team' }),
  defaults: DefaultsSchema.optional(),
});

export type WorkspaceConfig = z.infer<typeof WorkspaceConfigSchema>;
