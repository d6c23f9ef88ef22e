import * as z from 'zod';
import { IsoDate, NonEmptyText } from '../schemas/common.js';
import type { Template } from '../schemas/template.js';
import { COMMON_SHAPE } from './kinds/common.js';
import { AttendeeAnswerSchema } from './kinds/attendees.js';
import { CAPTURE } from './kinds/index.js';
import type { Answers } from './types.js';

/** The answers file's schema for one template: top-level session facts, then one entry per section id. */
export function answersSchema(template: Template): z.ZodType<Answers & { template?: string; base?: string }> {
  const sections = Object.fromEntries(
    template.sections.map((s) => [s.id, z.strictObject({ ...COMMON_SHAPE, ...CAPTURE[s.capture].shape }).optional()]),
  );
  return z.strictObject({
    template: z.literal(template.id, { message: `this answers file is for another template; expected ${template.id}` }).optional(),
    // The git revision the answers were taken against: the session's changes are merged from it onto the files as they are now.
    base: NonEmptyText.optional(),
    date: IsoDate.optional(),
    facilitator: NonEmptyText.optional(),
    attendees: z.array(AttendeeAnswerSchema).optional(),
    sections: z.strictObject(sections).default({}),
  }) as unknown as z.ZodType<Answers & { template?: string; base?: string }>;
}

/**
 * An answers file for any template, as editors check it: each section's entry may hold what
 * any capture step takes (align checks it against the template's own sections when it runs).
 */
export const AnswersFileSchema = z.strictObject({
  template: z.string().min(1).optional().describe('the template these answers are for (align templates lists them); or name it on the command line'),
  base: NonEmptyText.optional().describe('the git revision the answers were taken against; the session\'s changes are merged from it onto the files as they are now'),
  date: IsoDate.optional().describe('the day of the workshop, YYYY-MM-DD in quotes (default: today)'),
  facilitator: NonEmptyText.optional().describe('who ran the workshop (default: align.yaml defaults.facilitator)'),
  attendees: z.array(AttendeeAnswerSchema).optional().describe('who was there: a name, or { name, team, role }; a new name with a team joins that team in align.yaml'),
  sections: z
    .record(z.string(), z.union(Object.values(CAPTURE).map((kind) => z.strictObject({ ...COMMON_SHAPE, ...kind.shape }))))
    .default({})
    .describe('the answers of each section, keyed by the section id of the template'),
});

/** Only the template id, to pick the template before the rest of the file can be checked. */
export const AnswersHeadSchema = z.looseObject({ template: z.string().optional() });
