import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync, realpathSync, type Stats, statSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { InputError, type Problem, UserError } from '../../core/errors.js';
import { sizeProblem } from '../../core/yaml/limits.js';
import { kindOf } from './target.js';

/** What a read may meet, beyond a regular file of any size anywhere. */
export interface ReadRules {
  /** Refused past this many bytes, measured before reading; YAML files take MAX_FILE_BYTES. */
  maxBytes?: number;
  /** A folder the file must be in once every link is resolved: the workspace, for its own files. */
  inside?: string;
}

/** A read: the bytes, nothing at the path, or why the file was not read (a problem about the whole file). */
export type ReadOutcome = { kind: 'read'; bytes: Buffer } | { kind: 'missing' } | { kind: 'refused'; problem: Problem; reason: string };

const ERRNO: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ELOOP: 'it is a loop of symbolic links',
  ENOTDIR: 'a part of the path is not a folder',
  ENAMETOOLONG: 'the path is too long',
  EIO: 'an input/output error from the device',
};

const HINTS = {
  kind: 'align reads only regular files: put the file itself here',
  link: 'point the link at an existing file, or remove it',
  outside: 'copy the file into the workspace instead of linking to it',
  permission: 'give the user running align permission to read it (chmod a+r), or run align as one who may',
  other: 'check the file, then run the command again',
};

/**
 * The one way align reads a file it is given to read (every workspace file, and every file named
 * on the command line): only a regular file, of at most `maxBytes`, and with `inside`, only one
 * that is in that folder once its links are resolved (a link to another file of the workspace is
 * fine; one to /etc/passwd is refused, its content never read nor shown). What is at the path is
 * looked at before it is opened: a FIFO is never opened (it would block), a device never read
 * (/dev/zero never ends), and a file too big is refused by its size, not read to find out.
 */
export function readChecked(path: string, display: string, rules: ReadRules = {}): ReadOutcome {
  const found = lookAt(path, display, rules, 'file');
  if (found.kind !== 'found') return found;
  const { target } = found;
  const refuse = (reason: string, hint: string) => refused(display, reason, hint);
  const tooBig = (size: number | null): ReadOutcome => {
    const problem = sizeProblem(display, size, rules.maxBytes);
    return { kind: 'refused', reason: problem.message, problem };
  };
  const failed = (e: unknown) => failure(e, path, display);
  let fd: number;
  try {
    // Not blocking, should the file have become a FIFO since; not following a link put in place of the resolved path.
    fd = openSync(target, constants.O_RDONLY | constants.O_NONBLOCK | (rules.inside === undefined ? 0 : constants.O_NOFOLLOW));
  } catch (e) {
    return failed(e);
  }
  try {
    const s = fstatSync(fd);
    const kind = kindOf(s);
    if (kind !== 'file') return refuse(`it is ${kind}, not a regular file`, HINTS.kind);
    const max = rules.maxBytes ?? Number.POSITIVE_INFINITY;
    if (s.size > max) return tooBig(s.size);
    const bytes = readUpTo(fd, s.size, max);
    return bytes ? { kind: 'read', bytes } : tooBig(null);
  } catch (e) {
    return failed(e);
  } finally {
    closeSync(fd);
  }
}

/**
 * The whole file, or null when it holds more than `max` bytes: the size it had when looked at is
 * where reading starts, not where it stops (a file may grow, and some report no size at all).
 */
function readUpTo(fd: number, size: number, max: number): Buffer | null {
  let buf = Buffer.allocUnsafe(Math.min(size, max) + 1);
  let length = 0;
  for (;;) {
    if (length === buf.length) {
      if (length > max) return null;
      const grown = Buffer.allocUnsafe(Math.min(buf.length * 2, max + 1));
      buf.copy(grown, 0, 0, length);
      buf = grown;
    }
    const n = readSync(fd, buf, length, buf.length - length, null);
    if (n === 0) return buf.subarray(0, length);
    length += n;
  }
}

/**
 * The names in a folder given to read (sessions/, templates/), by the same rules: inside the
 * workspace with `inside`, a folder, and readable. Nothing there is no names.
 */
export function listChecked(path: string, display: string, rules: Pick<ReadRules, 'inside'> = {}): { kind: 'listed'; names: string[] } | Exclude<ReadOutcome, { kind: 'read' }> {
  const found = lookAt(path, display, rules, 'a folder');
  if (found.kind !== 'found') return found;
  try {
    return { kind: 'listed', names: readdirSync(found.target) };
  } catch (e) {
    return failure(e, path, display);
  }
}

/** The path with its links resolved, if it is what is wanted (a file or a folder) and where it may be. */
function lookAt(path: string, display: string, rules: Pick<ReadRules, 'inside'>, want: 'file' | 'a folder'): { kind: 'found'; target: string } | Exclude<ReadOutcome, { kind: 'read' }> {
  try {
    let target = path;
    let stats: Stats | null = null;
    if (rules.inside !== undefined) {
      // A file that is no link, in a folder known to hold no link and to be inside, is where it says:
      // one lstat instead of resolving every part of the path again (a session folder is read file by file).
      const own = lstatSync(path);
      if (!own.isSymbolicLink() && realFolderInside(dirname(path), rules.inside)) stats = own;
      else {
        target = realpathSync.native(path);
        // A resolved path has no link in it: when it starts with the folder as given, the folder is no link
        // either and would resolve to itself, so it is resolved (once per file read) only when that is not so.
        if (!isInside(target, rules.inside) && !isInside(target, realpathSync.native(rules.inside))) return refused(display, 'it is a symbolic link to a place outside the workspace, which align does not read', HINTS.outside);
      }
    }
    const kind = kindOf(stats ?? statSync(target));
    if (kind !== want) return refused(display, `it is ${kind === 'file' ? 'a file' : kind}, not ${want === 'file' ? 'a regular file' : 'a folder'}`, HINTS.kind);
    return { kind: 'found', target };
  } catch (e) {
    return failure(e, path, display);
  }
}

/**
 * Folders found to be their own real path and inside their workspace, remembered for the
 * synchronous pass that asked (a loop reading a folder's files) and forgotten when it ends, so a
 * folder swapped for a link later is looked at again.
 */
const realFolders = new Set<string>();
let forgetScheduled = false;

function realFolderInside(folder: string, inside: string): boolean {
  const key = `${folder}\0${inside}`;
  if (realFolders.has(key)) return true;
  const real = realpathSync.native(folder);
  if (real !== folder || !(isInside(real, inside) || isInside(real, realpathSync.native(inside)))) return false;
  realFolders.add(key);
  if (!forgetScheduled) {
    forgetScheduled = true;
    setImmediate(() => {
      realFolders.clear();
      forgetScheduled = false;
    }).unref();
  }
  return true;
}

function refused(display: string, reason: string, hint: string): { kind: 'refused'; problem: Problem; reason: string } {
  return { kind: 'refused', reason, problem: { file: display, message: `cannot be read: ${reason}`, hint } };
}

/** A failed call on the file system, in words: nothing there is missing, a link to nothing is not. */
function failure(e: unknown, path: string, display: string): Exclude<ReadOutcome, { kind: 'read' }> {
  const code = (e as NodeJS.ErrnoException).code ?? '';
  if (code === 'ENOENT') return danglingLink(path) ? refused(display, 'it is a symbolic link to nothing (its target does not exist)', HINTS.link) : { kind: 'missing' };
  if (code === 'ELOOP') return refused(display, ERRNO.ELOOP!, HINTS.link);
  if (code === 'EACCES' || code === 'EPERM') return refused(display, ERRNO[code]!, HINTS.permission);
  return refused(display, ERRNO[code] ?? `${code || 'error'}: ${(e as Error).message}`, HINTS.other);
}

function danglingLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

function isInside(path: string, folder: string): boolean {
  return path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}

/**
 * The rules for a file named on the command line: any regular file the user may read, but one in
 * the workspace folder is held to the workspace's rule, so that a link committed to a repository
 * cannot make align show a file from outside it.
 */
export function namedFileRules(path: string, workspace: string | null, maxBytes?: number): ReadRules {
  return { ...(maxBytes === undefined ? {} : { maxBytes }), ...(workspace !== null && isInside(path, workspace) ? { inside: workspace } : {}) };
}

/**
 * A file the user named on the command line (`--answers`), read by readChecked with
 * `namedFileRules`; one that cannot be read is bad input (exit 2) that says why, in words, and
 * what to do. Over `maxBytes` it is refused with its size and the limit, as a workspace file is.
 */
export function readInputFile(cwd: string, given: string, what: string, hint: string, opts: { workspace?: string; maxBytes?: number } = {}): Buffer {
  const path = resolve(cwd, given);
  const read = readChecked(path, given, namedFileRules(path, opts.workspace ?? null, opts.maxBytes));
  if (read.kind === 'read') return read.bytes;
  if (read.kind === 'missing') throw new UserError(`cannot read ${what} ${given}: no such file`, hint);
  throw refusedError(read, what, hint);
}

/** A file named on the command line that was refused: over the size, placed in the file as a workspace file's would be; else a sentence. */
export function refusedError(read: { problem: Problem; reason: string }, what: string, hint: string): Error {
  if (read.problem.line !== undefined) return new InputError([read.problem], hint);
  return new UserError(`cannot read ${what} ${read.problem.file}: ${read.reason}`, read.problem.hint);
}
