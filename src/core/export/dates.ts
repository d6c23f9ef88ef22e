/** Whole days from date `a` to date `b` (YYYY-MM-DD each): positive when b is later. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export function inPeriod(date: string, since: string | undefined, until: string | undefined): boolean {
  const day = date.slice(0, 10);
  return (since === undefined || day >= since) && (until === undefined || day <= until);
}

/** Orders text by code unit, the same on every machine whatever its locale (localeCompare is not). */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
