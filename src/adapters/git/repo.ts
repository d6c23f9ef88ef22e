import { execa } from 'execa';
import { AlignError, UserError } from '../../core/errors.js';

async function git(cwd: string, args: string[], input?: string) {
  return execa('git', args, { cwd, reject: false, input, stripFinalNewline: true, env: { GIT_TERMINAL_PROMPT: '0' } });
}

async function gitOk(cwd: string, args: string[]): Promise<string> {
  const r = await git(cwd, args);
  if (r.exitCode !== 0) throw new AlignError(`git ${args[0]} failed: ${r.stderr || r.stdout}`.trim(), 1);
  return r.stdout;
}

/** The repository's top folder, or null when the folder is in no repository. */
export async function repoRoot(cwd: string): Promise<string | null> {
  const r = await git(cwd, ['rev-parse', '--show-toplevel']);
  if (r.failed && r.code === 'ENOENT') throw new UserError('git is not installed or not on PATH', 'install git, then run the command again');
  return r.exitCode === 0 ? r.stdout : null;
}

export async function init(dir: string): Promise<void> {
  await gitOk(dir, ['init', '--quiet']);
}

export async function hasHead(cwd: string): Promise<boolean> {
  return (await git(cwd, ['rev-parse', '--verify', '--quiet', 'HEAD'])).exitCode === 0;
}

/** Paths (relative to cwd) with uncommitted changes, staged or not, untracked included. */
export async function dirtyPaths(cwd: string): Promise<string[]> {
  const out = await gitOk(cwd, ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--', '.']);
  return out.split('\0').filter(Boolean).map((l) => l.slice(3));
}

/** A file as it was at a revision, or null when it did not exist there. */
export async function showFile(cwd: string, rev: string, path: string): Promise<string | null> {
  const r = await git(cwd, ['show', `${rev}:./${path}`]);
  if (r.exitCode === 0) return r.stdout;
  if (/does not exist|exists on disk, but not in|not in '/.test(r.stderr)) return null;
  throw new UserError(`cannot read ${path} at ${rev}: ${r.stderr.split('\n')[0]}`, 'check the revision name with `git log --oneline`');
}

export interface LogEntry {
  commit: string;
  date: string;
  author: string;
  subject: string;
}

/** Commits that touched one path, newest first. */
export async function logOf(cwd: string, path: string, limit?: number): Promise<LogEntry[]> {
  const args = ['log', '--format=%H%x1f%aI%x1f%an%x1f%s%x1e', ...(limit ? [`-n${limit}`] : []), '--', path];
  const out = await gitOk(cwd, args);
  return out
    .split('\x1e')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((rec) => {
      const [commit = '', date = '', author = '', subject = ''] = rec.split('\x1f');
      return { commit, date, author, subject };
    });
}

export type CommitResult = { ok: true; commit: string } | { ok: false; reason: string; retry: string };

/**
 * Commits exactly the given paths (relative to cwd), whatever else is staged or changed.
 * A failure leaves the files in place and says what to run.
 */
export async function commitPaths(cwd: string, paths: string[], message: string): Promise<CommitResult> {
  const quoted = paths.map(shellQuote).join(' ');
  const retry = `git add -- ${quoted} && git commit -m ${shellQuote(message.split('\n')[0] ?? message)} -- ${quoted}`;
  const branch = await git(cwd, ['symbolic-ref', '--quiet', 'HEAD']);
  if (branch.exitCode !== 0) {
    return { ok: false, reason: 'HEAD is detached, so a commit here could be lost. Switch to a branch first (git switch -c NAME)', retry };
  }
  const add = await git(cwd, ['add', '--', ...paths]);
  if (add.exitCode !== 0) return { ok: false, reason: add.stderr, retry };
  const commit = await git(cwd, ['commit', '--quiet', '-m', message, '--only', '--', ...paths]);
  if (commit.exitCode !== 0) return { ok: false, reason: explainCommitFailure(commit.stderr || commit.stdout), retry };
  return { ok: true, commit: await gitOk(cwd, ['rev-parse', 'HEAD']) };
}

function explainCommitFailure(stderr: string): string {
  if (/Author identity unknown|unable to auto-detect email|empty ident name/i.test(stderr)) {
    return 'git does not know who you are. Run: git config user.name "Your Name" && git config user.email "you@example.com"';
  }
  if (/hook/i.test(stderr)) return `a git hook rejected the commit: ${stderr.trim()}`;
  return stderr.trim() || 'git commit failed';
}

export function shellQuote(s: string): string {
  return /^[\w./@%+=:,-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
