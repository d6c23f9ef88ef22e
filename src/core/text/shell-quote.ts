/** A word as a POSIX shell reads it back: as it is when it is plain, else in single quotes. */
export function shellQuote(s: string): string {
  return /^[\w./@%+=:,-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
