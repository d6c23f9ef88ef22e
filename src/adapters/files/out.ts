import { mkdirSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import type { Context } from '../context.js';
import { UserError } from '../../core/errors.js';
import { openAtomic, type AtomicFile } from './atomic.js';
import { removeEmptyFolder } from './folders.js';
import { fileError, targetKind } from './target.js';

/**
 * The one --out/--force policy of every command that has --out:
 * - the path is relative to the folder align runs in;
 * - an existing file is replaced only with --force, and only a regular file (never a
 *   folder, FIFO, device or socket, with or without --force);
 * - the folder must exist: align creates none for an --out path;
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
  const kind = targetKind(path);
  if (kind === 'file' && !force) throw new UserError(`${target.shown} already exists; align will not overwrite it`, 'pass --force to replace it, or choose another --out');
  if (kind !== 'file' && kind !== 'missing') throw new UserError(`--out ${given} is ${kind}, not a file; align writes only regular files and changed nothing`, 'give the path of a file to write');
  requireFolder(ctx, resolve(path, '..'), given);
  return target;
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
 * with the path written printed on stdout (so a script can use it).
 */
export function emit(ctx: Pick<Context, 'stdout'>, target: OutTarget | undefined, text: string): void {
  if (!target) {
    ctx.stdout.write(text);
    return;
  }
  writeOut(target, text);
  ctx.stdout.write(`${target.shown}\n`);
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
