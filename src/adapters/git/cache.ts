import { existsSync, statSync } from 'node:fs';
import { writeAtomic } from '../files/atomic.js';
import { readChecked } from '../files/read.js';
import { dirname, join, resolve } from 'node:path';
import { packageInfo } from '../package/info.js';

/** Past this a cache is not align's (they hold a few hundred kilobytes) and is ignored. */
const MAX_CACHE_BYTES = 64 * 1024 * 1024;

/**
 * Caches of work derived from what git already holds (checked session records, rubric
 * versions compared) live in the repository's git folder: they are true only for this
 * repository, never show in `git status`, and are dropped when align's version changes,
 * since another version may check or compare differently. A cache that cannot be read is
 * absent; one that cannot be written is skipped: neither fails a command.
 */
export function readGitCache<T>(root: string, name: string, valid: (data: unknown) => data is T): T | null {
  const text = readGitCacheText(root, name);
  if (text === null) return null;
  try {
    const data: unknown = JSON.parse(text);
    return valid(data) ? data : null;
  } catch {
    return null;
  }
}

export function writeGitCache(root: string, name: string, data: unknown): void {
  writeGitCacheText(root, name, JSON.stringify(data));
}

/** A cache as its text, after a first line naming the align version that wrote it: null when there is none, or another version's. */
export function readGitCacheText(root: string, name: string): string | null {
  try {
    const dir = gitDir(root);
    if (!dir) return null;
    const read = readChecked(join(dir, name), name, { maxBytes: MAX_CACHE_BYTES });
    if (read.kind !== 'read') return null;
    const text = read.bytes.toString('utf8');
    const head = versionLine();
    return text.startsWith(head) ? text.slice(head.length) : null;
  } catch {
    return null;
  }
}

export function writeGitCacheText(root: string, name: string, text: string): void {
  try {
    const dir = gitDir(root);
    // Not flushed to disk: a cache lost to a power cut is rebuilt, and one read torn is ignored.
    if (dir) writeAtomic(join(dir, name), versionLine() + text, 'replace', false);
  } catch {
    // A read-only repository, a full disk, an odd .git: the command goes without a cache, and the
    // atomic writer has removed its temporary file.
  }
}

function versionLine(): string {
  return `align ${packageInfo().version}\n`;
}

/** The repository's git folder, found without a process: `.git` is a folder, or a file naming it (worktrees). */
function gitDir(root: string): string | null {
  for (let dir = resolve(root); ; dir = dirname(dir)) {
    const dotGit = join(dir, '.git');
    if (existsSync(dotGit)) {
      if (statSync(dotGit).isDirectory()) return dotGit;
      const read = readChecked(dotGit, '.git', { maxBytes: 64 * 1024 });
      const m = read.kind === 'read' ? /^gitdir: (.+)$/m.exec(read.bytes.toString('utf8')) : null;
      return m ? resolve(dir, m[1]!.trim()) : null;
    }
    if (dirname(dir) === dir) return null;
  }
}
