import * as z from 'zod';
import { isRealDate } from '../calendar-date.js';

/** A calendar date written YYYY-MM-DD that exists in the calendar. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'expected a date written YYYY-MM-DD' })
  .refine(isRealDate, { message: 'expected a real calendar date' });

/** Lower-case words joined by dashes, as ids of goals, criteria, stages and sections are. */
export const Slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]*$/, { message: 'expected an id: lower-case letters, digits, - and _' });

export const NonEmptyText = z.string().trim().min(1, { message: 'expected some text' });

export const Scalar = z.union([z.string(), z.number(), z.boolean()]);
export type Scalar = z.infer<typeof Scalar>;

export const Dimension = z.enum(['fit', 'engagement']);
export type Dimension = z.infer<typeof Dimension>;
export const DIMENSIONS: readonly Dimension[] = Dimension.options;
