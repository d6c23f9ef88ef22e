import type { z } from 'zod';
import { RubricSchema } from '../rubric.js';
import { SessionSchema } from '../session.js';
import { quickRubric } from './rubric.js';
import { quickSession } from './session.js';
import { UNSURE, type Quick } from './check.js';

/** Schemas with a quick check for clean data (check.ts), by schema. */
const QUICK = new Map<z.ZodType, Quick<unknown>>([
  [SessionSchema, quickSession],
  [RubricSchema, quickRubric],
]);

/**
 * The data zod would return for `value`, when the schema's quick check is sure it is clean;
 * else zod's own answer (its errors included).
 */
export function parseQuick<T>(schema: z.ZodType<T>, value: unknown): z.ZodSafeParseResult<T> {
  const quick = QUICK.get(schema);
  if (quick) {
    const data = quick(value);
    if (data !== UNSURE) return { success: true, data: data as T };
  }
  return schema.safeParse(value);
}
