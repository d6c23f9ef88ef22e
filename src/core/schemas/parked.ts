import * as z from 'zod';
import { NonEmptyText } from './common.js';

/**
 * A topic the room put aside for later: in a section (`section`), or a whole section parked
 * (`section` and `whole_section`). It stays open until a later session's action review closes it.
 */
export const ParkedTopicSchema = z.strictObject({
  topic: NonEmptyText.describe('the topic put aside'),
  section: z.string().optional().describe('the id of the section it came up in'),
  whole_section: z.boolean().optional().describe('true when the whole section was parked'),
});

export const PARKED_CLOSINGS = ['discussed', 'dropped'] as const;

/** A later session closing a parked topic: discussed at last, or dropped. */
export const ParkedReviewSchema = z.strictObject({
  session: z.string().min(1).describe('the id of the session that parked the topic'),
  topic: NonEmptyText.describe('the parked topic, as it was written'),
  status: z.enum(PARKED_CLOSINGS).describe('discussed at last, or dropped'),
  note: z.string().optional().describe('what was said about it'),
});

/** How a section ended when it was not run: skipped (nothing captured) or parked for the next sync. */
export const SECTION_LEFT = ['skipped', 'parked'] as const;
