import type { Problem } from '../errors.js';
import { MAX_FILE_BYTES, sizeProblem } from './limits.js';

export type Decoded = { ok: true; text: string } | { ok: false; problem: Problem };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Bytes to text, refusing what is not a YAML file a person wrote: too big, binary, not UTF-8, mid-merge. */
export function decodeYamlBytes(file: string, bytes: Uint8Array): Decoded {
  // Files on disk are measured before they are read (adapters/files/read.ts); bytes from git are measured here.
  if (bytes.length > MAX_FILE_BYTES) return { ok: false, problem: sizeProblem(file, bytes.length) };
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const { line, col } = byteToPosition(bytes, nul);
    return fail(file, line, col, 'binary data (a NUL byte) in a YAML file', 'this does not look like a text file; restore it from git');
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const { line, col } = byteToPosition(bytes, at);
    return fail(file, line, col, 'not valid UTF-8 text', 'save the file as UTF-8');
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // Most files have no run of seven '<', '=' or '>' at all: three plain searches say so faster than the pattern.
  const conflict = mayHoldConflict(text) ? /^(<{7}|={7}|>{7})(?: |$)/m.exec(text) : null;
  if (conflict) {
    const line = text.slice(0, conflict.index).split('\n').length;
    return fail(file, line, 1, 'unresolved git merge-conflict marker', 'resolve the conflict (keep one side, delete the <<<<<<<, ======= and >>>>>>> lines), then run `align validate`');
  }
  return { ok: true, text };
}

const mayHoldConflict = (text: string): boolean => text.includes('<<<<<<<') || text.includes('=======') || text.includes('>>>>>>>');

function fail(file: string, line: number, col: number, message: string, hint: string): Decoded {
  return { ok: false, problem: { file, line, col, message, hint } };
}

function byteToPosition(bytes: Uint8Array, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, col: offset - lineStart + 1 };
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return 0;
}
