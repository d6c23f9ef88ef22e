import { realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { UserError } from '../../core/errors.js';
import { fileError } from './target.js';

/**
 * The absolute path of `rel` inside the folder `root`, for a file align writes there. A path
 * built from data (a draft's id, a session's name, a journal's entry) must not leave the
 * folder: an absolute path, a `..` part, or a link on the way (the file's own, or a folder's)
 * that points outside is refused before anything is written.
 */
export function insideRoot(root: string, rel: string): string {
  if (rel === '' || isAbsolute(rel) || rel.includes('\0') || rel.split(/[\\/]/).some((part) => part === '..')) throw outside(root, rel);
  const path = join(root, rel);
  const base = realpath(root, root);
  if (base === null) throw fileError(Object.assign(new Error('missing'), { code: 'ENOENT' }), path);
  // The nearest part of the path that exists, links followed, must be inside: what is
  // missing below it is made by align, inside it.
  for (let probe = path; ; probe = dirname(probe)) {
    const real = realpath(probe, root);
    if (real === null) continue;
    if (real !== base && !real.startsWith(base.endsWith(sep) ? base : base + sep)) throw outside(root, rel, real);
    return path;
  }
}

/** Where a path really is, or null when nothing is there (a dangling link included). */
function realpath(path: string, root: string): string | null {
  try {
    return realpathSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    if (code === 'ELOOP') throw new UserError(`cannot write ${relative(root, path) || path}: a loop of symbolic links`, 'remove the loop, then run the command again');
    throw fileError(e, path);
  }
}

function outside(root: string, rel: string, real?: string): UserError {
  const where = real ? `: it leads to ${real}` : '';
  return new UserError(`refusing to write ${JSON.stringify(rel)}: it is outside the workspace ${root}${where}; align writes only inside it`, 'a link or a name made of `..` points out of the workspace: remove it, or move the file inside');
}
