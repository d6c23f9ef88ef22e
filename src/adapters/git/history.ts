import { AlignError } from '../../core/errors.js';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { GitFailed, gitText, hasCommits, isShallow, NotARepository, repoRoot, runGit, type Repo } from './run.js';
import type { FileCommit, HistoryVersion } from '../../core/rubric/history/log.js';
import { logCacheText, parseLogCache, type LogCache } from '../../core/rubric/history/cache.js';
import { readGitCacheText, writeGitCacheText } from './cache.js';

const NULL_OID = /^0+$/;

/**
 * The commits that touched one file, newest first, each with the file's blob id there, from
 * one `git log --raw`. `path` is relative to `cwd`.
 */
export async function commitsOf(repo: Repo, path: string): Promise<FileCommit[]> {
  const args = ['log', '--raw', '--no-abbrev', '--no-renames', '--format=%x1e%H%x1f%P%x1f%aI%x1f%an%x1f%s', '--', path];
  const log = await runGit(repo, args);
  if (log.code !== 0) {
    // Told apart by plumbing, one question at a time, only once the log has failed.
    if ((await repoRoot(repo)) === null) throw new NotARepository(repo.dir);
    if (!(await hasCommits(repo))) return [];
    throw new GitFailed(args, log);
  }
  return log.stdout.toString('utf8').split('\x1e').filter((s) => s.trim()).map((rec) => {
    const nl = rec.indexOf('\n');
    const [commit = '', parents = '', date = '', author = '', subject = ''] = (nl < 0 ? rec : rec.slice(0, nl)).split('\x1f');
    // ":100644 100644 OLD NEW M\tpath"; a merge shows no raw line, so its blob is read by commit:path.
    const raw = nl < 0 ? undefined : /^:\d+ \d+ [0-9a-f]+ ([0-9a-f]+) ([A-Z])/m.exec(rec.slice(nl + 1));
    const blob = raw ? (raw[2] === 'D' || NULL_OID.test(raw[1]!) ? null : raw[1]!) : undefined;
    return { commit, date, author, subject: subject.trimEnd(), blob, ...(parents === '' ? { root: true } : {}) };
  });
}

/**
 * The commits where a shallow clone's history stops (git shows them without parents); empty
 * in a full clone. Asked only when a history has a commit without parents: a root commit,
 * or such a boundary.
 */
export async function shallowBoundary(repo: Repo): Promise<Set<string>> {
  if (!(await isShallow(repo))) return new Set();
  const file = resolve(repo.dir, await gitText(repo, ['rev-parse', '--git-path', 'shallow']));
  try {
    return new Set(readFileSync(file, 'utf8').split('\n').filter((l) => /^[0-9a-f]+$/.test(l)));
  } catch {
    return new Set();
  }
}

/**
 * The file's bytes at each commit from one `git cat-file --batch` fed every object name at
 * once (the blob id, or COMMIT:PATH when it is not known), so a long history costs one
 * process, not one per version.
 */
export async function versionsAt(repo: Repo, path: string, commits: FileCommit[]): Promise<HistoryVersion[]> {
  const asked = commits.filter((c) => c.blob !== null);
  const rel = path.startsWith('./') || path.startsWith('/') ? path : `./${path}`;
  let blobs: (Uint8Array | null)[] = [];
  if (asked.length) {
    const input = asked.map((c) => `${c.blob ?? `${c.commit}:${rel}`}\n`).join('');
    const args = ['cat-file', '--batch'];
    const batch = await runGit(repo, args, input);
    if (batch.code !== 0) throw new GitFailed(args, batch);
    blobs = parseBatch(batch.stdout);
    if (blobs.length !== asked.length) throw new AlignError(`git cat-file answered ${blobs.length} of ${asked.length} objects`, 1);
  }
  let k = 0;
  return commits.map((c) => ({ ...c, bytes: c.blob === null ? null : blobs[k++]! }));
}

/**
 * Splits `git cat-file --batch` output by the byte lengths in its headers: "<oid> <type> <size>\n<content>\n"
 * per object, or "<name> missing\n" for a path absent at that commit.
 */
export function parseBatch(out: Buffer): (Uint8Array | null)[] {
  const blobs: (Uint8Array | null)[] = [];
  let at = 0;
  while (at < out.length) {
    const eol = out.indexOf(0x0a, at);
    if (eol < 0) throw new AlignError('git cat-file output ended inside a header', 1);
    const header = out.toString('utf8', at, eol);
    at = eol + 1;
    if (/ (missing|ambiguous)$/.test(header)) {
      blobs.push(null);
      continue;
    }
    const m = / (\w+) (\d+)$/.exec(header);
    if (!m) throw new AlignError(`unexpected git cat-file header: ${header}`, 1);
    const size = Number(m[2]);
    blobs.push(m[1] === 'blob' ? out.subarray(at, at + size) : null);
    at += size + 1;
  }
  return blobs;
}

const CACHE_FILE = 'align-rubric-log';

/**
 * The log cache lives in the git folder: keyed by blob ids, it is only ever true for this
 * repository, and it never shows in `git status`. A cache that cannot be read is empty.
 */
export function readLogCache(root: string): LogCache {
  const text = readGitCacheText(root, CACHE_FILE);
  return (text === null ? null : parseLogCache(text)) ?? { v: 3, entries: {} };
}

/** Best effort and atomic (see git-cache.ts). */
export function writeLogCache(root: string, cache: LogCache): void {
  writeGitCacheText(root, CACHE_FILE, logCacheText(cache));
}
