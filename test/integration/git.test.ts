import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { commitPaths, showFile } from '../../src/adapters/git/repo.js';
import { commitsOf } from '../../src/adapters/git/history.js';
import { NotARepository, runGit, type Repo } from '../../src/adapters/git/run.js';
import { PINNED_ENV } from '../helpers/env.js';
import { tempRepo, type TempRepo } from '../helpers/workspace.js';

let repo: TempRepo;
afterEach(() => repo?.cleanup());

/** The adapter runs git with the environment it is given: the test's isolated config. */
const at = (r: TempRepo, extra: Record<string, string> = {}): Repo => ({ dir: r.dir, env: { ...process.env, ...r.env, ...extra } });

/** git speaking German, as it does on a machine set up in German. */
const GERMAN = { LANGUAGE: 'de', LC_ALL: 'C.UTF-8', LANG: 'de_DE.UTF-8' };

describe('git adapter', () => {
  it('commits exactly the given paths and leaves unrelated staged and unstaged changes alone', async () => {
    repo = await tempRepo();
    repo.write('notes.txt', 'unrelated work\n');
    repo.write('staged.txt', 'staged by the user\n');
    await repo.git('add', 'staged.txt');
    repo.write('README.md', '# edited but not ours\n');
    repo.write('goals.yaml', 'goals: []\n');
    const r = await commitPaths(at(repo), ['goals.yaml'], 'ours');
    expect(r.ok).toBe(true);
    expect((await repo.git('show', '--name-only', '--format=', 'HEAD')).trim()).toBe('goals.yaml');
    const status = await repo.git('status', '--porcelain');
    expect(status).toContain('A  staged.txt');
    expect(status).toContain(' M README.md');
    expect(status).toContain('?? notes.txt');
  });

  it('reads a file at a revision byte for byte, null where it did not exist, and names a bad revision', async () => {
    repo = await tempRepo();
    repo.write('rubric.yaml', 'v: 1\n');
    await repo.git('add', 'rubric.yaml');
    await repo.git('commit', '-qm', 'v1');
    repo.write('rubric.yaml', 'v: 2\n');
    expect(await showFile(at(repo), 'HEAD', 'rubric.yaml')).toBe('v: 1\n');
    expect(await showFile(at(repo), 'HEAD~1', 'rubric.yaml')).toBeNull();
    await expect(showFile(at(repo), 'no-such-rev', 'rubric.yaml')).rejects.toThrow(/cannot read rubric\.yaml at no-such-rev: no-such-rev names no commit here/);
  });

  it('tells its cases apart by exit code and plumbing, whatever language git speaks', async () => {
    repo = await tempRepo({ commit: false });
    // git itself answers in German here: the adapter must not depend on its words.
    const german = await runGit({ dir: repo.dir, env: { ...process.env, ...repo.env, ...GERMAN } }, ['log']);
    expect(german.code).not.toBe(0);
    // Debian's git package ships its German messages: unpinned, git really does answer in German here.
    const unpinned = spawnSync('git', ['log'], { cwd: repo.dir, env: { ...process.env, ...repo.env, ...GERMAN }, encoding: 'utf8' });
    expect(unpinned.stderr).toMatch(/Schwerwiegend/);
    expect(german.stderr).toMatch(/does not have any commits yet/); // the runner pins the language
    expect(await commitsOf(at(repo, GERMAN), 'rubric.yaml')).toEqual([]);
    expect(await showFile(at(repo, GERMAN), 'HEAD', 'rubric.yaml').catch((e: Error) => e.message)).toMatch(/names no commit here/);
    const outside = mkdtempSync(join(tmpdir(), 'align-no-repo-'));
    await expect(commitsOf({ dir: outside, env: { ...process.env, ...PINNED_ENV, ...GERMAN, GIT_CEILING_DIRECTORIES: tmpdir() } }, 'rubric.yaml')).rejects.toBeInstanceOf(NotARepository);
  });

  it('refuses a revision that git would read as an option, before running git', async () => {
    repo = await tempRepo();
    for (const rev of ['-p', '--output=/tmp/x', '', 'HEAD\nmain']) {
      await expect(showFile(at(repo), rev, 'rubric.yaml')).rejects.toThrow(/is not a git revision: a revision does not start with "-"/);
    }
  });

  it('outside any repository, says there is none, and what to do: git init, or --no-commit', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'align-no-repo-'));
    writeFileSync(join(outside, 'goals.yaml'), 'goals: []\n');
    const r = await commitPaths({ dir: outside, env: { ...process.env, ...PINNED_ENV, GIT_CEILING_DIRECTORIES: tmpdir() } }, ['goals.yaml'], 'ours');
    expect(r).toMatchObject({ ok: false, reason: expect.stringMatching(/^git finds no repository at .*Run `git init` there, or pass --no-commit$/) });
    expect(!r.ok && r.retry).toMatch(/^git init && git add -- goals\.yaml/);
  });

  it('refuses to commit on a detached HEAD and says what to run', async () => {
    repo = await tempRepo();
    await repo.git('checkout', '-q', '--detach');
    repo.write('goals.yaml', 'goals: []\n');
    const r = await commitPaths(at(repo), ['goals.yaml'], 'ours');
    expect(r).toMatchObject({ ok: false, reason: expect.stringMatching(/detached/) });
    expect(!r.ok && r.retry).toMatch(/git commit -m ours -- goals\.yaml/);
  });

  it('says git does not know who you are, in any language, and stages nothing', async () => {
    repo = await tempRepo({ identity: false });
    repo.write('goals.yaml', 'goals: []\n');
    const r = await commitPaths(at(repo, GERMAN), ['goals.yaml'], 'ours');
    expect(r).toMatchObject({ ok: false, reason: expect.stringMatching(/git does not know who you are/) });
    expect(await repo.git('status', '--porcelain')).toContain('?? goals.yaml');
  });

  it('reports a hook that rejects the commit, with what the hook said', async () => {
    repo = await tempRepo();
    const hook = join(repo.dir, '.git', 'hooks', 'pre-commit');
    writeFileSync(hook, '#!/bin/sh\necho "no commits on Fridays" >&2\nexit 1\n');
    chmodSync(hook, 0o755);
    repo.write('goals.yaml', 'goals: []\n');
    const r = await commitPaths(at(repo, GERMAN), ['goals.yaml'], 'ours');
    expect(r).toMatchObject({ ok: false, reason: expect.stringMatching(/^a git hook \(pre-commit\) rejected the commit: no commits on Fridays/) });
    expect(repo.read('goals.yaml')).toBe('goals: []\n');
  });
});
