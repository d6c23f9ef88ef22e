import { lstatSync, mkdirSync, readlinkSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { Context } from '../context.js';
import { UserError } from '../../core/errors.js';
import { terminalSafe } from '../../core/text/terminal.js';
import { openAtomic, type AtomicFile } from './atomic.js';
import { removeEmptyFolder } from './folders.js';
import { fileError, targetKind } from './target.js';

/**
 * The one --out/--force policy of every command that has --out:
 * - the path is relative to the folder align runs in;
 * - an existing file is replaced only with --force, and only a regular file (never a
 *   folder, FIFO, device or socket, with or without --force);
 * - the folder must exist: align creates none for an --out path;
 * - a path to one of the process's own streams (/dev/stdout, /dev/fd/1, /proc/self/fd/1) is
 *   refused: it is no file to write atomically, and printing is what leaving out --out does;
 * - all of this is checked before the command does its work, and the file is written
 *   atomically at the end, so a failed command leaves nothing behind.
 */
export interface OutTarget {
  /** Absolute path. */
  path: string;
  /** As messages show it: relative to the working folder when inside it. */
  shown: string;
  force: boolean;
  /** A folder of align's own that writing makes first when missing (the workspace's agendas/). */
  folder?: string;
}

export function outTarget(ctx: Pick<Context, 'cwd'>, given: string, force: boolean): OutTarget {
  const path = resolve(ctx.cwd, given);
  const target = { path, shown: shownPath(ctx, path), force };
  if (namesOwnStream(path)) throw new UserError(`--out ${given} names one of align's own streams, not a file; align changed nothing`, 'leave out --out to print on stdout (redirect it, `> FILE`, to save it)');
  const kind = targetKind(path);
  if (kind === 'file' && !force) throw new UserError(`${target.shown} already exists; align will not overwrite it`, 'pass --force to replace it, or choose another --out');
  if (kind !== 'file' && kind !== 'missing') throw new UserError(`--out ${given} is ${kind}, not a file; align writes only regular files and changed nothing`, 'give the path of a file to write');
  requireFolder(ctx, resolve(path, '..'), given);
  return target;
}

/** /dev/stdout, /dev/fd/N, /proc/self/fd/N and the like, named directly or through links and linked folders. */
const OWN_STREAM = /^\/(?:dev\/(?:std(?:in|out|err)|fd\/\d+)|proc\/(?:self|thread-self|\d+)\/fd\/\d+)$/;

/** Whether the path leads to a stream of a process rather than to a file; follows at most 40 links, as the kernel does. */
function namesOwnStream(path: string): boolean {
  let p = path;
  for (let hop = 0; hop < 40; hop++) {
    // The folder's real path: `ln -s /proc/self/fd fds` makes fds/1 a stream too.
    p = join(realFolder(dirname(p)), basename(p));
    if (OWN_STREAM.test(p)) return true;
    try {
      if (!lstatSync(p).isSymbolicLink()) return false;
      p = resolve(dirname(p), readlinkSync(p));
    } catch {
      return false;
    }
  }
  return false;
}

function realFolder(folder: string): string {
  try {
    return realpathSync(folder);
  } catch {
    return folder;
  }
}

/** The folder an --out path writes into must be there already. */
export function requireFolder(ctx: Pick<Context, 'cwd'>, folder: string, given: string): void {
  const kind = targetKind(folder);
  if (kind === 'a folder') return;
  const why = kind === 'missing' ? 'does not exist; align creates no folders for --out' : `is ${kind === 'file' ? 'a file' : kind}, not a folder`;
  const shown = shownPath(ctx, folder);
  throw new UserError(`--out ${given}: ${shown} ${why}`, `create the folder first (mkdir -p ${shown}), or choose another path`);
}

/** Opens the --out file for writing; commit puts it in place, abort leaves no trace (the folder made for it included). */
export function openOut(target: OutTarget): AtomicFile {
  const made = target.folder !== undefined && targetKind(target.folder) === 'missing' ? target.folder : undefined;
  if (made) {
    try {
      mkdirSync(made);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // /proc and /dev/fd exist yet take no new folder: say so, rather than that the folder is missing.
      if (code === 'ENOENT' || code === 'ENOTDIR') throw new UserError(`--out: cannot make the folder ${made} (${code}); align wrote nothing`, 'give --out a folder align may write into, or the path of a file');
      throw fileError(e, made);
    }
  }
  const undo = () => {
    if (made) removeEmptyFolder(made);
  };
  try {
    const file = openAtomic(target.path, target.force ? 'replace' : 'create');
    return {
      ...file,
      write(text) {
        try {
          file.write(text);
        } catch (e) {
          undo();
          throw e;
        }
      },
      commit() {
        try {
          file.commit();
        } catch (e) {
          undo();
          throw e;
        }
      },
      abort() {
        file.abort();
        undo();
      },
    };
  } catch (e) {
    undo();
    throw e;
  }
}

/**
 * A command's text where the user asked for it: on stdout, or into the --out file, atomically,
 * with the path written printed on stdout (so a script can use it; a control character in it is
 * shown escaped, as everywhere align prints a name).
 */
export function emit(ctx: Pick<Context, 'stdout'>, target: OutTarget | undefined, text: string): void {
  if (!target) {
    ctx.stdout.write(text);
    return;
  }
  writeOut(target, text);
  ctx.stdout.write(`${terminalSafe(target.shown)}\n`);
}

/** Writes a whole --out file. */
function writeOut(target: OutTarget, text: string): void {
  const file = openOut(target);
  file.write(text);
  file.commit();
}

export function shownPath(ctx: Pick<Context, 'cwd'>, path: string): string {
  const rel = relative(ctx.cwd, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}
