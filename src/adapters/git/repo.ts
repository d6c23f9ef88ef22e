import { accessSync, constants } from 'node:fs';
import { join, resolve } from 'node:path';
import { UserError } from '../../core/errors.js';
import { FETCH_HISTORY_HINT } from '../../core/rubric/history/shallow.js';
import { shellQuote } from '../../core/text/shell-quote.js';
import { checkedRevision, gitText, hasCommits, isShallow, NotARepository, repoRoot, runGit, type Repo } from './run.js';

export async function initRepo(repo: Repo): Promise<void> {
  await gitText(repo, ['init', '--quiet']);
}

/**
 * A file as it was at a revision, or null when the revision exists but the file did not.
 * What went wrong is found by plumbing (is this a repository, does the revision name a
 * commit), not by reading git's messages.
 */
export async function showFile(repo: Repo, rev: string, path: string): Promise<string | null> {
  checkedRevision(rev);
  const r = await runGit(repo, ['cat-file', 'blob', '--end-of-options', `${rev}:./${path}`]);
  if (r.code === 0) return r.stdout.toString('utf8');
  if ((await repoRoot(repo)) === null) throw new NotARepository(repo.dir);
  // cat-file, not rev-parse: it takes --end-of-options from git 2.24, rev-parse only from 2.30.
  if ((await runGit(repo, ['cat-file', '-e', '--end-of-options', `${rev}^{commit}`])).code !== 0) {
    const hint = !(await hasCommits(repo))
      ? 'this repository has no commits yet: commit the rubric first'
      : (await isShallow(repo))
        ? FETCH_HISTORY_HINT
        : 'check the revision name with `git log --oneline`';
    throw new UserError(`cannot read ${path} at ${rev}: ${rev} names no commit here`, hint);
  }
  return null;
}

export type CommitResult = { ok: true; commit: string } | { ok: false; reason: string; retry: string };

/** Hooks that can refuse a commit, in the order git runs them. */
const COMMIT_HOOKS = ['pre-commit', 'prepare-commit-msg', 'commit-msg'];

/**
 * Commits exactly the given paths (relative to the repo's folder), whatever else is staged or
 * changed. A failure leaves the files in place and says what to run.
 */
export async function commitPaths(repo: Repo, paths: string[], message: string): Promise<CommitResult> {
  const quoted = paths.map(shellQuote).join(' ');
  const retry = `git add -- ${quoted} && git commit -m ${shellQuote(message.split('\n')[0] ?? message)} -- ${quoted}`;
  if ((await repoRoot(repo)) === null) {
    return { ok: false, reason: `git finds no repository at ${repo.dir}, so there is nothing to commit to. Run \`git init\` there, or pass --no-commit`, retry: `git init && ${retry}` };
  }
  if ((await runGit(repo, ['symbolic-ref', '--quiet', 'HEAD'])).code !== 0) {
    return { ok: false, reason: 'HEAD is detached, so a commit here could be lost. Switch to a branch first (git switch -c NAME)', retry };
  }
  if ((await runGit(repo, ['var', 'GIT_AUTHOR_IDENT'])).code !== 0 || (await runGit(repo, ['var', 'GIT_COMMITTER_IDENT'])).code !== 0) {
    return { ok: false, reason: 'git does not know who you are. Run: git config user.name "Your Name" && git config user.email "you@example.com"', retry };
  }
  const add = await runGit(repo, ['add', '--', ...paths]);
  if (add.code !== 0) return { ok: false, reason: `git add failed (exit ${add.code}): ${add.stderr.trim()}`, retry };
  const commit = await runGit(repo, ['commit', '--quiet', '-m', message, '--only', '--', ...paths]);
  if (commit.code !== 0) {
    const said = (commit.stderr || commit.stdout.toString('utf8')).trim();
    const hooks = await commitHooks(repo);
    const reason = hooks.length ? `a git hook (${hooks.join(', ')}) rejected the commit` : `git commit failed (exit ${commit.code})`;
    return { ok: false, reason: said ? `${reason}: ${said}` : reason, retry };
  }
  return { ok: true, commit: await gitText(repo, ['rev-parse', 'HEAD']) };
}

/** The commit hooks this repository would run (core.hooksPath honoured). */
async function commitHooks(repo: Repo): Promise<string[]> {
  const dir = resolve(repo.dir, await gitText(repo, ['rev-parse', '--git-path', 'hooks']));
  return COMMIT_HOOKS.filter((h) => {
    try {
      accessSync(join(dir, h), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

