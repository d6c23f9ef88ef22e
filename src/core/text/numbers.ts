/**
 * A whole number with its thousands grouped by commas, as `toLocaleString('en-US')` writes it
 * (1,000,000), without waking the locale data: the first `toLocaleString` of a process costs
 * tens of milliseconds, more than reading a session folder.
 */
export function grouped(n: number): string {
  if (!Number.isSafeInteger(n)) return n.toLocaleString('en-US');
  const digits = String(Math.abs(n)).replace(/\B(?=(\d{3})+$)/g, ',');
  return n < 0 || Object.is(n, -0) ? `-${digits}` : digits;
}
