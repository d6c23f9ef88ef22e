import { z } from 'zod';
import { Dimension, NonEmptyText, Slug } from './common.js';

export const CAPTURE_KINDS = [
  'notes', 'attendees', 'team-goals', 'shared-goals', 'goal-progress', 'criteria',
  'stages', 'sla', 'decisions', 'actions', 'action-review',
] as const;
export const CaptureKind = z.enum(CAPTURE_KINDS);
export type CaptureKind = z.infer<typeof CaptureKind>;

export const TemplateSectionSchema = z.strictObject({
  id: Slug,
  title: NonEmptyText,
  minutes: z.number().int().positive({ message: 'expected a whole number of minutes above 0' }),
  purpose: z.string().optional(),
  prompts: z.array(z.string()).default([]),
  lead: z.string().optional(),
  capture: CaptureKind,
  dimension: Dimension.optional(),
});

/** An agenda template: the plan of one kind of workshop. */
export const TemplateSchema = z.strictObject({
  id: Slug,
  title: NonEmptyText,
  description: z.string().optional(),
  sections: z.array(TemplateSectionSchema).min(1, { message: 'a template needs at least one section' }),
});

export type TemplateSection = z.infer<typeof TemplateSectionSchema>;
export type Template = z.infer<typeof TemplateSchema>;
