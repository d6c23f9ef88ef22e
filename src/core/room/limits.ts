/** What one room holds at most: a room is a meeting, and these keep a stray script from filling memory. */
export const ROOM_LIMITS = {
  /** A name picked or typed, in characters. */
  nameChars: 80,
  /** A note's text, in characters (a request body is at most 16 KB besides). */
  textChars: 16_000,
  participants: 500,
  contributions: 10_000,
  /** Dots one participant may have in a vote: the facilitator's budget is at most this. */
  budget: 20,
  candidates: 50,
} as const;
