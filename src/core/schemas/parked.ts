import * as z from 'zod';
import { NonEmptyText } from './common.js';

/**
 * A topic the room put aside for later: in a section (`section`), or a whole section parked
 * (`section` and `whole_section`). It stays open until a later session's action review closes it.
 */
export const ParkedTopicSchema = z.strictObject({
  topic: NonEmptyText,
  section: z.string().optional(),
  whole_section: z.boolean().optional(),
});

export const PARKED_CLOSINGS = ['discussed', 'dropped'] as const;

/** A later session closing a parked topic: discussed at last, or dropped. */
export const ParkedReviewSchema = z.strictObject({
  session: z.string().min(1),
  topic: NonEmptyText,
  status: z.enum(PARKED_CLOSINGS),
  note: z.string().optional(),
});

/** How a section ended when it was not run: skipped (nothing captured) or parked for the next sync. */
export const SECTION_LEFT = ['skipped', 'parked'] as const;
