import * as z from 'zod';
import { Dimension, NonEmptyText, Slug } from './common.js';

const CAPTURE_KINDS = [
  'notes', 'attendees', 'team-goals', 'shared-goals', 'goal-progress', 'criteria',
  'stages', 'sla', 'decisions', 'actions', 'action-review',
] as const;
export const CaptureKind = z.enum(CAPTURE_KINDS).describe('what `align workshop` captures in this section');
export type CaptureKind = z.infer<typeof CaptureKind>;

/**
 * A section lasts at most a day, and so does a whole workshop: an agenda's times, and its
 * calendar invite, end on the next day at the latest, never in a year with six digits.
 */
const MAX_MINUTES = 24 * 60;
const DAY = `at most ${MAX_MINUTES} minutes (a day)`;

// Text fields may hold {{placeholders}}: organization, facilitator, date, teams.<id>.name, teams.<id>.members.
const TemplateSectionSchema = z.strictObject({
  id: Slug.describe('stable id of the section; answers files and session records refer to it'),
  title: NonEmptyText.describe('the section heading'),
  minutes: z
    .number()
    // The bounds first, each alone: a number too large (or too small) to be a whole number is first of all out of bounds.
    .max(MAX_MINUTES, { message: `expected ${DAY} for a section`, abort: true })
    .positive({ message: 'expected a whole number of minutes above 0', abort: true })
    .int({ message: 'expected a whole number of minutes above 0' })
    .describe('how long the section lasts, in whole minutes'),
  purpose: z.string().optional().describe('what the section is for, shown under its heading'),
  prompts: z.array(z.string()).default([]).describe('questions the facilitator asks the room'),
  lead: z.string().optional().describe('who leads it: a team id from align.yaml (sales, marketing), both, facilitator, or any role'),
  capture: CaptureKind,
  dimension: Dimension.optional().describe('for capture: criteria, which dimension of the rubric the criteria score'),
});

/** An agenda template: the plan of one kind of workshop. */
export const TemplateSchema = z
  .strictObject({
    id: Slug.describe('the template id; a workspace template with a built-in id replaces the built-in'),
    title: NonEmptyText.describe('the title of the agenda; may use {{organization}} and other placeholders'),
    description: z.string().optional().describe('what the workshop is for'),
    sections: z.array(TemplateSectionSchema).min(1, { message: 'a template needs at least one section' }).describe('the agenda, in order'),
  })
  .superRefine((t, ctx) => {
    const total = t.sections.reduce((n, s) => n + s.minutes, 0);
    if (total > MAX_MINUTES) ctx.addIssue({ code: 'custom', path: ['sections'], message: `the sections add up to ${total} minutes; a workshop lasts ${DAY}` });
  });

export type TemplateSection = z.infer<typeof TemplateSectionSchema>;
export type Template = z.infer<typeof TemplateSchema>;
