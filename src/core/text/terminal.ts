/**
 * User text made safe to show on a terminal. A name, a key, a CSV header or a commit subject
 * may hold characters a terminal obeys instead of showing: ESC starts sequences that clear the
 * screen, retitle the window or rewrite what is already there; a carriage return or a
 * backspace writes over a line; C1 controls (U+0080–U+009F) act as ESC sequences on some
 * terminals; bidirectional overrides make a line read differently from what it holds.
 *
 * Each such character is shown as the escape a programmer would write for it: `\x1b` for ESC,
 * `\r`, `\x7f`, `\x9b`, `\u202e`. Nothing is dropped, so two texts that differ still look
 * different. A tab and a line feed are layout: kept where the text may take several lines
 * (`'lines'`), shown as `\t` and `\n` where it must stay on one (`'line'`: a table cell, a
 * message, a log entry).
 */

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this finds
const UNSAFE_IN_LINE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this finds
const UNSAFE_IN_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function visible(c: string): string {
  const code = c.charCodeAt(0);
  return NAMED[c] ?? (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
}

export function terminalSafe(text: string, layout: 'line' | 'lines' = 'line'): string {
  const unsafe = layout === 'line' ? UNSAFE_IN_LINE : UNSAFE_IN_LINES;
  unsafe.lastIndex = 0;
  // Most text has none: it is returned as it is, not copied.
  if (!unsafe.test(text)) return text;
  return text.replace(unsafe, visible);
}
