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

/** Only the template id, to pick the template before the rest of the file can be checked. */
export const AnswersHeadSchema = z.looseObject({ template: z.string().optional() });
