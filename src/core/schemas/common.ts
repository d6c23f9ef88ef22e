import { z } from 'zod';

/** A calendar date written YYYY-MM-DD that exists in the calendar. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'expected a date written YYYY-MM-DD' })
  .refine(isRealDate, { message: 'expected a real calendar date' });

/** Text that is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && isRealDate(text);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** YYYY-MM-DD names a day that exists (checked for thousands of files, so no Date objects). */
function isRealDate(text: string): boolean {
  const y = Number(text.slice(0, 4));
  const m = Number(text.slice(5, 7));
  const d = Number(text.slice(8, 10));
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = m === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= DAYS_IN_MONTH[m - 1]! + (leap ? 1 : 0);
}

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
