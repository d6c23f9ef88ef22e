import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa, type Options } from 'execa';
import { runAlign, type RunResult, type Terminal } from './run.js';
import { PINNED_ENV } from './env.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const ALIGN = join(ROOT, 'bin', 'align.js');

/**
 * A fixed clock, no colour, and a pinned language and zone, as every end-to-end test runs align
 * (and every process a test starts: git's messages and dates must not depend on the machine).
 */
export const TEST_ENV = { ALIGN_NOW: '2026-11-27T10:00:00Z', NO_COLOR: '1', ...PINNED_ENV, FORCE_COLOR: undefined, CI: 'true' };

/** Git config isolated from the machine's: no global identity leaks into tests. */
function gitEnv(home: string): Record<string, string> {
  return { HOME: home, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: join(home, '.gitconfig') };
}

export interface TempRepo {
  dir: string;
  home: string;
  env: Record<string, string | undefined>;
  git(...args: string[]): Promise<string>;
  /** Runs align in-process (see run.ts) in this folder, with this environment unless another is given. */
  /** With `terminal`, stdout and stderr are a terminal of that width (colour still follows the environment: NO_COLOR is pinned). */
  align(args: string[], opts?: { env?: Record<string, string | undefined>; cwd?: string; stripFinalNewline?: boolean; terminal?: Terminal }): Promise<RunResult>;
  /** Spawns the built binary, where the process itself is what is tested. */
  spawn(args: string[], opts?: Options): Promise<RunResult>;
  write(rel: string, text: string | Buffer): void;
  read(rel: string): string;
  cleanup(): void;
}

/** A temporary folder made the way a user's would be: git init, a name and e-mail, an initial commit. */
export async function tempRepo(opts: { identity?: boolean; commit?: boolean; git?: boolean } = {}): Promise<TempRepo> {
  const base = mkdtempSync(join(tmpdir(), 'align-test-'));
  const dir = join(base, 'work');
  const home = join(base, 'home');
  mkdirSync(dir);
  mkdirSync(home);
  writeFileSync(join(home, '.gitconfig'), '');
  const env = { ...TEST_ENV, ...gitEnv(home) };
  const git = async (...args: string[]) => (await execa('git', args, { cwd: dir, env })).stdout;
  if (opts.git !== false) {
    await git('init', '-q', '-b', 'main');
    if (opts.identity !== false) {
      await git('config', 'user.name', 'Test User');
      await git('config', 'user.email', 'test@example.com');
    } else {
      // Stop git guessing an identity from the host name.
      await git('config', 'user.useConfigOnly', 'true');
    }
    if (opts.commit !== false && opts.identity !== false) {
      writeFileSync(join(dir, 'README.md'), '# team workspace\n');
      await git('add', 'README.md');
      await git('commit', '-q', '-m', 'initial commit');
    }
  }
  return {
    dir,
    home,
    env,
    git,
    // Another environment given still has the language and zone pinned, unless it sets them itself.
    align: (args, o = {}) => runAlign(args, { cwd: o.cwd ?? dir, env: { ...process.env, ...PINNED_ENV, ...(o.env ?? env) }, ...(o.stripFinalNewline === false ? { stripFinalNewline: false } : {}), ...(o.terminal ? { terminal: o.terminal } : {}) }),
    async spawn(args, o = {}) {
      const r = await execa('node', [ALIGN, ...args], { cwd: dir, reject: false, stdin: 'ignore', ...o, env: { ...PINNED_ENV, ...(o.env ?? env) } });
      return { exitCode: r.exitCode ?? -1, stdout: String(r.stdout), stderr: String(r.stderr) };
    },
    write(rel, text) {
      mkdirSync(dirname(join(dir, rel)), { recursive: true });
      writeFileSync(join(dir, rel), text);
    },
    read: (rel) => readFileSync(join(dir, rel), 'utf8'),
    cleanup: () => rmSync(base, { recursive: true, force: true }),
  };
}

/** A hash of every file under dir (but .git), to prove a command changed nothing. */
export function hashTree(dir: string): string {
  const h = createHash('sha256');
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      if (name === '.git') continue;
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else h.update(relative(dir, p)).update('\0').update(readFileSync(p)).update('\0');
    }
  };
  walk(dir);
  return h.digest('hex');
}

/** The demo workspace of the README: `align init` for Acme Corp (Dana Kim and Lee Park in Sales, Sam Ortiz and Ana Ruiz in Marketing). */
export async function demoWorkspace(opts: { identity?: boolean } = {}): Promise<TempRepo> {
  const r = await tempRepo(opts);
  const init = await r.align(['init', '--org', 'Acme Corp', '--sales', 'Dana Kim,Lee Park', '--marketing', 'Sam Ortiz,Ana Ruiz', '--yes', ...(opts.identity === false ? ['--no-commit'] : [])]);
  if (init.exitCode !== 0) throw new Error(`align init failed: ${init.stderr}`);
  return r;
}
