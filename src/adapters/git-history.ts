import { execa } from 'execa';
import { AlignError, UserError } from '../errors.js';
import type { HistoryVersion } from '../core/rubric/log.js';

const ENV = { GIT_TERMINAL_PROMPT: '0' };

export interface FileCommit {
  commit: string;
  date: string;
  author: string;
  subject: string;
}

/** The commits that touched one file, newest first, from one `git log`. `path` is relative to `cwd`. */
export async function commitsOf(cwd: string, path: string): Promise<FileCommit[]> {
  const log = await execa('git', ['log', '--format=%H%x1f%aI%x1f%an%x1f%s%x1e', '--', path], { cwd, reject: false, env: ENV });
  if (log.failed && (log as { code?: string }).code === 'ENOENT') throw new UserError('git is not installed or not on PATH', 'install git, then run the command again');
  if (log.exitCode !== 0) {
    if (/does not have any commits yet|bad default revision|unknown revision/.test(log.stderr)) return [];
    if (/not a git repository/.test(log.stderr)) throw new UserError(`${cwd} is not in a git repository`, 'the rubric history lives in git: run `git init` and commit rubric.yaml');
    throw new AlignError(`git log failed: ${log.stderr.trim()}`, 1);
  }
  return log.stdout.split('\x1e').map((s) => s.trim()).filter(Boolean).map((rec) => {
    const [commit = '', date = '', author = '', subject = ''] = rec.split('\x1f');
    return { commit, date, author, subject };
  });
}

/**
 * The file's bytes at each commit from one `git cat-file --batch` fed every COMMIT:PATH at
 * once, so a long history costs one process, not one per version.
 */
export async function versionsAt(cwd: string, path: string, commits: FileCommit[]): Promise<HistoryVersion[]> {
  if (commits.length === 0) return [];
  const rel = path.startsWith('./') || path.startsWith('/') ? path : `./${path}`;
  const input = commits.map((c) => `${c.commit}:${rel}\n`).join('');
  const batch = await execa('git', ['cat-file', '--batch'], { cwd, input, encoding: 'buffer', reject: false, env: ENV });
  if (batch.exitCode !== 0) throw new AlignError(`git cat-file failed: ${Buffer.from(batch.stderr).toString().trim()}`, 1);
  const blobs = parseBatch(Buffer.from(batch.stdout));
  if (blobs.length !== commits.length) throw new AlignError(`git cat-file answered ${blobs.length} of ${commits.length} objects`, 1);
  return commits.map((c, i) => ({ ...c, bytes: blobs[i]! }));
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
