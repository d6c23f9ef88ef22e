import * as z from 'zod';
import { ROOM_LIMITS } from './limits.js';
import { RoomRefusal } from './refusal.js';

/** What a participant's page may send: each POST's body, checked before anything else reads it. */

const Text = (max: number, what: string) =>
  z
    .string()
    .transform((s) => s.trim())
    .pipe(z.string().min(1, { message: `expected ${what}` }).max(max, { message: `${what} is longer than ${max} characters` }));

export const JoinBody = z.strictObject({
  name: Text(ROOM_LIMITS.nameChars, 'a name').describe('The member name picked, or the name a guest typed'),
  guest: z.boolean().optional().describe('True when the name is typed as a guest, not picked from the members'),
});
export type JoinBody = z.infer<typeof JoinBody>;

export const ContributeBody = z.strictObject({
  text: Text(ROOM_LIMITS.textChars, 'a note').describe('The note or idea, added to the current section'),
});
export type ContributeBody = z.infer<typeof ContributeBody>;

export const BallotBody = z.strictObject({
  voteId: z.string().min(1).max(100).describe('The vote this ballot is for'),
  dots: z
    .record(z.string().max(100), z.number().int().min(0).max(ROOM_LIMITS.budget))
    .describe('Candidate id → dots: the participant’s whole ballot, replacing the one before'),
});
export type BallotBody = z.infer<typeof BallotBody>;

/** The body checked against its schema, or a refusal naming the first problem. */
export function readBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
  throw new RoomRefusal('invalid', `${where}${issue.message}`);
}
