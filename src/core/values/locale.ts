/**
 * The locales align reads lead values in: how a date's day and month are ordered and which
 * marks separate a number's thousands and decimals. ISO 8601 dates and plain numbers (`1200`,
 * `-3`) read the same in every locale; docs/values.md states every rule.
 */
export const LOCALES = ['en', 'en-GB', 'de', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

export interface LocaleRules {
  /** The order of a date written with separators: 11/20/2026 (month first) or 20.11.2026. */
  dates: 'mdy' | 'dmy';
  /** What separates a date's parts. */
  dateMark: '/' | '.';
  /** The decimal mark. */
  decimal: '.' | ',';
  /** The characters that group thousands (as a regular expression class body). */
  group: string;
  /** Whether `1.5e3` is read: only where the decimal mark is a point. */
  exponent: boolean;
}

export const RULES: Record<Locale, LocaleRules> = {
  en: { dates: 'mdy', dateMark: '/', decimal: '.', group: ',', exponent: true },
  'en-GB': { dates: 'dmy', dateMark: '/', decimal: '.', group: ',', exponent: true },
  de: { dates: 'dmy', dateMark: '.', decimal: ',', group: '\\.', exponent: false },
  // French groups thousands with a space, usually a no-break space or a narrow one
  fr: { dates: 'dmy', dateMark: '/', decimal: ',', group: ' \\u00a0\\u202f', exponent: false },
};

export function isLocale(v: string): v is Locale {
  return (LOCALES as readonly string[]).includes(v);
}
