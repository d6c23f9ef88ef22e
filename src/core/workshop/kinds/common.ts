import { z } from 'zod';
import { NonEmptyText } from '../../schemas/common.js';

/** Keys any section's answers may have, whatever its capture kind. */
export const COMMON_SHAPE = {
  notes: z.array(NonEmptyText).optional(),
  minutes_used: z.number().min(0).optional(),
};

export const TextList = z.array(NonEmptyText);
