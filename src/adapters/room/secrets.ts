import { randomBytes, timingSafeEqual } from 'node:crypto';

/** A secret for a URL or a header: 144 random bits, URL-safe. */
export function newSecret(): string {
  return randomBytes(18).toString('base64url');
}

/** Whether a secret given equals the one expected, in time that does not tell how much of it matched. */
export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
