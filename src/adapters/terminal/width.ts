import type { Stream } from '../context.js';

/** Where a stream has no width of its own (a pipe, a file), output is laid out for 80 columns. */
const DEFAULT_COLUMNS = 80;
/** Narrower than this, tables and wrapped text stop being readable; they are laid out for it and the terminal wraps. */
const NARROWEST = 40;

/** The columns output to this stream is laid out for: the terminal's width, else 80. */
export function terminalColumns(stream: Stream): number {
  const c = stream.columns;
  return typeof c === 'number' && c > 0 ? Math.max(NARROWEST, c) : DEFAULT_COLUMNS;
}
