/**
 * Text comparisons without allocating: a lead's cell is compared with the rubric's
 * (lower-cased) text by char codes, folding ASCII case and skipping surrounding white
 * space. Any non-ASCII character sends the cell to the general path (trim + toLowerCase),
 * whose answer is the definition these must agree with.
 */

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 160 || c === 12 || c === 11;
}

/** 1: equal, 0: not equal, -1: cannot tell on the fast path. */
function compareAt(s: string, at: number, want: string): number {
  for (let k = 0; k < want.length; k++) {
    let c = s.charCodeAt(at + k);
    if (c > 127) return -1;
    if (c >= 65 && c <= 90) c |= 32;
    if (c !== want.charCodeAt(k)) return 0;
  }
  return 1;
}

function start(s: string): number {
  let i = 0;
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  return i;
}

function end(s: string, from: number): number {
  let e = s.length;
  while (e > from && isSpace(s.charCodeAt(e - 1))) e--;
  return e;
}

function hasNonAscii(s: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (s.charCodeAt(k) > 127) return true;
  return false;
}

/** Tri-state fast tests: true/false when sure, undefined to fall back. */
export function equalsFolded(s: string, want: string): boolean | undefined {
  const i = start(s);
  const e = end(s, i);
  if (e - i !== want.length) return hasNonAscii(s, i, e) ? undefined : false;
  const r = compareAt(s, i, want);
  return r < 0 ? undefined : r === 1;
}

export function startsFolded(s: string, want: string): boolean | undefined {
  const i = start(s);
  const e = end(s, i);
  if (e - i < want.length) return hasNonAscii(s, i, e) ? undefined : false;
  const r = compareAt(s, i, want);
  return r < 0 ? undefined : r === 1;
}

export function endsFolded(s: string, want: string): boolean | undefined {
  const i = start(s);
  const e = end(s, i);
  if (e - i < want.length) return hasNonAscii(s, i, e) ? undefined : false;
  const r = compareAt(s, e - want.length, want);
  if (r < 0) return undefined;
  // a non-ASCII character before the tail could lower-case into something longer
  return r === 1 ? true : hasNonAscii(s, i, e) ? undefined : false;
}

/** Whether the cell equals one of `members` (lower-cased, non-empty); undefined to fall back. */
export function inFolded(s: string, members: readonly string[]): boolean | undefined {
  const i = start(s);
  const e = end(s, i);
  const len = e - i;
  let unsure = false;
  for (let k = 0; k < members.length; k++) {
    const m = members[k]!;
    if (m.length !== len) continue;
    const r = compareAt(s, i, m);
    if (r === 1) return true;
    if (r < 0) unsure = true;
  }
  // a non-ASCII cell of another length could still lower-case to a member
  return unsure || hasNonAscii(s, i, e) ? undefined : false;
}
