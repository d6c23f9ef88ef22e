import * as z from 'zod';
import { NonEmptyText } from '../../schemas/common.js';
import { SECTION_LEFT } from '../../schemas/parked.js';

/** Keys any section's answers may have, whatever its capture kind. */
export const COMMON_SHAPE = {
  notes: z.array(NonEmptyText).optional().describe('notes taken in the section'),
  minutes_used: z.number().min(0).optional().describe('minutes the section took'),
  /** Topics put aside for the next sync. */
  parked: z.array(NonEmptyText).optional().describe('topics put aside for the next sync'),
  /** The section was not run: skipped (nothing captured) or parked for the next sync. */
  status: z.enum(SECTION_LEFT).optional().describe('skipped (nothing captured) or parked for the next sync, when the section was not run'),
};

export const TextList = z.array(NonEmptyText);
