import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as git from '../../src/adapters/git/repo.js';
import { tempRepo, type TempRepo } from '../helpers/workspace.js';

let repo: TempRepo;
afterEach(() => repo?.cleanup());

// The adapter runs git with the test's isolated config through the environment.
async function withEnv<T>(env: Record<string, string | undefined>, fn: () => Promise<T>): Promise<T> {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    return await fn();
  } finally {
    process.env = saved;
  }
}

describe('git adapter', () => {
  it('commits exactly the given paths and leaves unrelated staged and unstaged changes alone', async () => {
    repo = await tempRepo();
    repo.write('notes.txt', 'unrelated work\n');
    repo.write('staged.txt', 'staged by the user\n');
    await repo.git('add', 'staged.txt');
    repo.write('README.md', '# edited but not ours\n');
    repo.write('goals.yaml', 'goals: []\n');
    const r = await withEnv(repo.env, () => git.commitPaths(repo.dir, ['goals.yaml'], 'ours'));
    expect(r.ok).toBe(true);
    expect((await repo.git('show', '--name-only', '--format=', 'HEAD')).trim()).toBe('goals.yaml');
    const status = await repo.git('status', '--porcelain');
    expect(status).toContain('A  staged.txt');
    expect(status).toContain(' M README.md');
    expect(status).toContain('?? notes.txt');
  });

  it('reads a file at a revision, and null where it did not exist', async () => {
    repo = await tempRepo();
    repo.write('rubric.yaml', 'v: 1\n');
    await repo.git('add', 'rubric.yaml');
    await repo.git('commit', '-qm', 'v1');
    repo.write('rubric.yaml', 'v: 2\n');
    await withEnv(repo.env, async () => {
      expect(await git.showFile(repo.dir, 'HEAD', 'rubric.yaml')).toBe('v: 1');
      expect(await git.showFile(repo.dir, 'HEAD~1', 'rubric.yaml')).toBeNull();
      await expect(git.showFile(repo.dir, 'no-such-rev', 'rubric.yaml')).rejects.toThrow(/cannot read/);
      expect(await git.dirtyPaths(repo.dir)).toEqual(['rubric.yaml']);
      const log = await git.logOf(repo.dir, 'rubric.yaml');
      expect(log.map((e) => e.subject)).toEqual(['v1']);
      expect(log[0]!.author).toBe('Test User');
    });
  });

  it('refuses to commit on a detached HEAD and says what to run', async () => {
    repo = await tempRepo();
    await repo.git('checkout', '-q', '--detach');
    repo.write('goals.yaml', 'goals: []\n');
    const r = await withEnv(repo.env, () => git.commitPaths(repo.dir, ['goals.yaml'], 'ours'));
    expect(r).toMatchObject({ ok: false, reason: expect.stringMatching(/detached/) });
    expect(!r.ok && r.retry).toMatch(/git commit -m ours -- goals\.yaml/);
  });

  it('reports a hook that rejects the commit', async () => {
    repo = await tempRepo();
    const hook = join(repo.dir, '.git', 'hooks', 'pre-commit');
    writeFileSync(hook, '#!/bin/sh\necho "no commits on Fridays" >&2\nexit 1\n');
    chmodSync(hook, 0o755);
    repo.write('goals.yaml', 'goals: []\n');
    const r = await withEnv(repo.env, () => git.commitPaths(repo.dir, ['goals.yaml'], 'ours'));
    expect(r).toMatchObject({ ok: false, reason: expect.stringMatching(/no commits on Fridays/) });
    expect(repo.read('goals.yaml')).toBe('goals: []\n');
  });
});
