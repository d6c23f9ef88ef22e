import { spawn } from 'node:child_process';
import { AlignError, UserError } from '../../core/errors.js';
import type { FileCommit, HistoryVersion } from '../../core/rubric/history/log.js';
import type { LogCache } from '../../core/rubric/history/cache.js';
import { readGitCache, writeGitCache } from './cache.js';

interface GitResult {
  code: number;
  stdout: Buffer;
  stderr: string;
}

/**
 * git with an argument array and optional stdin. node:child_process rather than execa here:
 * `rubric log` is meant to start about as fast as bare node, and execa costs more to import
 * than the whole warm log takes to print.
 */
function git(cwd: string, args: string[], input?: string): Promise<GitResult> {
  return new Promise((done, fail) => {
    const child = spawn('git', args, { cwd, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' }, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout!.on('data', (b: Buffer) => out.push(b));
    child.stderr!.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e: NodeJS.ErrnoException) =>
      fail(e.code === 'ENOENT' ? new UserError('git is not installed or not on PATH', 'install git, then run the command again') : e));
    child.on('close', (code) => done({ code: code ?? 1, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8') }));
    if (input !== undefined) {
      // git stops reading when it fails early; its exit code tells what happened, not the pipe.
      child.stdin!.on('error', () => {});
      child.stdin!.end(input);
    }
  });
}
const NULL_OID = /^0+$/;

/**
 * The commits that touched one file, newest first, each with the file's blob id there, from
 * one `git log --raw`. `path` is relative to `cwd`.
 */
export async function commitsOf(cwd: string, path: string): Promise<FileCommit[]> {
  const args = ['log', '--raw', '--no-abbrev', '--no-renames', '--format=%x1e%H%x1f%aI%x1f%an%x1f%s', '--', path];
  const log = await git(cwd, args);
  if (log.code !== 0) {
    if (/does not have any commits yet|bad default revision|unknown revision/.test(log.stderr)) return [];
    if (/not a git repository/.test(log.stderr)) throw new UserError(`${cwd} is not in a git repository`, 'the rubric history lives in git: run `git init` and commit rubric.yaml');
    throw new AlignError(`git log failed: ${log.stderr.trim()}`, 1);
  }
  return log.stdout.toString('utf8').split('\x1e').filter((s) => s.trim()).map((rec) => {
    const nl = rec.indexOf('\n');
    const [commit = '', date = '', author = '', subject = ''] = (nl < 0 ? rec : rec.slice(0, nl)).split('\x1f');
    // ":100644 100644 OLD NEW M\tpath"; a merge shows no raw line, so its blob is read by commit:path.
    const raw = nl < 0 ? undefined : /^:\d+ \d+ [0-9a-f]+ ([0-9a-f]+) ([A-Z])/m.exec(rec.slice(nl + 1));
    const blob = raw ? (raw[2] === 'D' || NULL_OID.test(raw[1]!) ? null : raw[1]!) : undefined;
    return { commit, date, author, subject: subject.trimEnd(), blob };
  });
}

/**
 * The file's bytes at each commit from one `git cat-file --batch` fed every object name at
 * once (the blob id, or COMMIT:PATH when it is not known), so a long history costs one
 * process, not one per version.
 */
export async function versionsAt(cwd: string, path: string, commits: FileCommit[]): Promise<HistoryVersion[]> {
  const asked = commits.filter((c) => c.blob !== null);
  const rel = path.startsWith('./') || path.startsWith('/') ? path : `./${path}`;
  let blobs: (Uint8Array | null)[] = [];
  if (asked.length) {
    const input = asked.map((c) => `${c.blob ?? `${c.commit}:${rel}`}\n`).join('');
    const batch = await git(cwd, ['cat-file', '--batch'], input);
    if (batch.code !== 0) throw new AlignError(`git cat-file failed: ${batch.stderr.trim()}`, 1);
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

const CACHE_FILE = 'align-rubric-log.json';

/**
 * The log cache lives in the git folder: keyed by blob ids, it is only ever true for this
 * repository, and it never shows in `git status`. A cache that cannot be read is empty.
 */
export function readLogCache(root: string): LogCache {
  return readGitCache(root, CACHE_FILE, isLogCache) ?? { v: 1, entries: {} };
}

function isLogCache(c: unknown): c is LogCache {
  return typeof c === 'object' && c !== null && (c as LogCache).v === 1 && typeof (c as LogCache).entries === 'object';
}

/** Best effort and atomic (see git-cache.ts). */
export function writeLogCache(root: string, cache: LogCache): void {
  writeGitCache(root, CACHE_FILE, cache);
}
