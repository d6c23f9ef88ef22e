import { spawn } from 'node:child_process';
import { AlignError, UserError } from '../../core/errors.js';

/** Where git runs: a folder, and the environment of whoever runs align (its HOME, its config). */
export interface Repo {
  dir: string;
  env: NodeJS.ProcessEnv;
}

export interface GitResult {
  code: number;
  stdout: Buffer;
  stderr: string;
}

/**
 * The one way align runs git: an argument array (never a shell), the caller's environment
 * with the language pinned, so that what git prints is the same on every machine, and no
 * terminal prompts. Callers decide by exit code and plumbing commands, never by the words
 * git prints. node:child_process rather than execa: `rubric log` is meant to start about as
 * fast as bare node, and execa costs more to import than a warm log takes to print.
 */
export function runGit(repo: Repo, args: string[], input?: string): Promise<GitResult> {
  return new Promise((done, fail) => {
    const env = { ...repo.env, LC_ALL: 'C', LANGUAGE: '', GIT_TERMINAL_PROMPT: '0' };
    const child = spawn('git', args, { cwd: repo.dir, env, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
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

/**
 * A revision a user named (`--rubric HEAD~1`, `rubric diff v1 v2`), checked before it goes to
 * git, where callers pass it after `--end-of-options` as well: one that starts with `-` would be
 * read as an option (`--output=FILE` makes git write a file), and a control character or a line
 * break is no part of any revision.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses
const CONTROL = /[\x00-\x1f\x7f]/;

export function checkedRevision(rev: string): string {
  if (rev === '' || rev.startsWith('-') || CONTROL.test(rev)) {
    throw new UserError(`${JSON.stringify(rev)} is not a git revision: a revision does not start with "-" and holds no control characters`, 'name a commit, a branch or a tag (HEAD~1, main, v1.0), or REV:PATH');
  }
  return rev;
}

/** git's output as text, without its final newline; a failure is an error naming the git command. */
export async function gitText(repo: Repo, args: string[]): Promise<string> {
  const r = await runGit(repo, args);
  if (r.code !== 0) throw new GitFailed(args, r);
  return r.stdout.toString('utf8').replace(/\n$/, '');
}

/** A git command that failed where align expected it to work (exit 1): git's own words are kept for the user. */
export class GitFailed extends AlignError {
  constructor(args: string[], r: GitResult) {
    super(`git ${args[0]} failed (exit ${r.code})${r.stderr.trim() ? `: ${r.stderr.trim()}` : ''}`, 1);
  }
}

/** A folder that is in no git repository, where the command needs one. */
export class NotARepository extends UserError {
  constructor(dir: string) {
    super(`${dir} is not in a git repository`, 'the rubric history lives in git: run `git init` and commit rubric.yaml');
  }
}

/** The repository's top folder, or null when the folder is in no repository. */
export async function repoRoot(repo: Repo): Promise<string | null> {
  const r = await runGit(repo, ['rev-parse', '--show-toplevel']);
  return r.code === 0 ? r.stdout.toString('utf8').trim() : null;
}

/** Whether HEAD names a commit (false in a repository with no commits yet). */
export async function hasCommits(repo: Repo): Promise<boolean> {
  return (await runGit(repo, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'])).code === 0;
}

/** Whether this is a shallow clone (`git clone --depth`, CI's default checkout): its history stops short. */
export async function isShallow(repo: Repo): Promise<boolean> {
  const r = await runGit(repo, ['rev-parse', '--is-shallow-repository']);
  return r.code === 0 && r.stdout.toString('utf8').trim() === 'true';
}
