import { lstatSync, realpathSync, statSync, type Stats } from 'node:fs';
import { dirname } from 'node:path';
import { UserError } from '../../core/errors.js';

/** What is at a path, following links, in words a message can use. */
export type TargetKind = 'missing' | 'file' | 'a folder' | 'a named pipe (FIFO)' | 'a device' | 'a socket' | 'a dangling link' | 'a link loop' | 'something other than a file';

export function targetKind(path: string): TargetKind {
  try {
    return kindOf(statSync(path));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return 'a link loop';
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw fileError(e, path);
    try {
      if (lstatSync(path).isSymbolicLink()) return 'a dangling link';
    } catch {
      /* nothing there at all */
    }
    return 'missing';
  }
}

/** What a status says is there; links are followed before. */
export function kindOf(s: Stats): TargetKind {
  if (s.isFile()) return 'file';
  if (s.isDirectory()) return 'a folder';
  if (s.isFIFO()) return 'a named pipe (FIFO)';
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'a device';
  if (s.isSocket()) return 'a socket';
  return 'something other than a file';
}

/**
 * A file-system failure as the user should read it: what could not be written and why, with
 * what to do. Permission, space and read-only file systems are the user's to fix (exit 2);
 * anything else is reported as it came.
 */
export function fileError(e: unknown, path: string): Error {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new UserError(`cannot write ${path}: the folder ${dirname(path)} does not exist; align creates no folders for it`, `create it first (mkdir -p ${dirname(path)}), or choose another path`);
    case 'EACCES':
    case 'EPERM':
      return new UserError(`cannot write ${path}: permission denied`, 'choose a folder you may write to, or fix its permissions');
    case 'EROFS':
      return new UserError(`cannot write ${path}: the file system is read-only`, 'choose a path on a writable file system');
    case 'ENOSPC':
    case 'EDQUOT':
      return new UserError(`cannot write ${path}: no space left on the device; nothing was changed`, 'free some space, then run the command again');
    case 'EISDIR':
      return new UserError(`cannot write ${path}: it is a folder`, 'choose the path of a file');
    default:
      // Any other refusal of the system (an I/O error, too many open files, a name too long) is
      // the machine's, not a bug in align: said as the system said it.
      if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return new UserError(`cannot write ${path}: ${(e as Error).message}`, 'fix what stops align writing there, then run the command again');
      return e instanceof Error ? e : new Error(String(e));
  }
}

/** The file a path names: through a link to a regular file, so the link stays a link. */
export function throughLinks(path: string): string {
  try {
    return lstatSync(path).isSymbolicLink() && statSync(path).isFile() ? realpathSync(path) : path;
  } catch {
    return path;
  }
}
