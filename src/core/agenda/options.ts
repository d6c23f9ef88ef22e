import { UserError } from '../errors.js';
import type { Repeat, RepeatFrequency } from './timing.js';
import { canonicalZone } from './zone.js';

/** `--start`: a 24-hour time, HH:MM (a single-digit hour is accepted and padded). */
export function parseTime(text: string, flag = '--start'): string {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) {
    throw new UserError(`${flag} ${JSON.stringify(text)} is not a time of day`, `write it HH:MM on a 24-hour clock, for example ${flag} 09:30 or ${flag} 14:00`);
  }
  return `${m[1]!.padStart(2, '0')}:${m[2]}`;
}

/** `--tz`: an IANA zone name, as Intl knows it; returned in its canonical spelling. */
export function parseZone(text: string): string {
  const zone = canonicalZone(text);
  if (!zone) {
    throw new UserError(`--tz ${JSON.stringify(text)} is not a time zone`, 'use an IANA zone name such as Europe/Berlin, America/New_York or UTC');
  }
  return zone;
}

/** The rhythms a repeating meeting may have. */
export const RHYTHMS = ['weekly', 'biweekly', 'monthly'] as const;

export function parseRepeat(repeat: string | undefined, count: string | undefined): Repeat | undefined {
  if (count !== undefined && repeat === undefined) {
    throw new UserError('--count needs --repeat', 'for example --repeat biweekly --count 6');
  }
  if (repeat === undefined) return undefined;
  if (!(RHYTHMS as readonly string[]).includes(repeat)) {
    throw new UserError(`--repeat ${JSON.stringify(repeat)} is not a rhythm align knows`, 'use --repeat weekly, biweekly or monthly');
  }
  if (count === undefined) return { frequency: repeat as RepeatFrequency };
  const n = Number(count);
  if (!/^\d+$/.test(count) || n < 1 || n > 500) {
    throw new UserError(`--count ${JSON.stringify(count)} is not a number of meetings`, 'give a whole number from 1 to 500, the first meeting included');
  }
  return { frequency: repeat as RepeatFrequency, count: n };
}
