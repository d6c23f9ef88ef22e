import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempRepo, type TempRepo } from '../helpers/workspace.js';

let repo: TempRepo;
beforeAll(async () => {
  repo = await tempRepo();
});
afterAll(() => repo?.cleanup());

/** Every command path that `align --help` and its groups list, e.g. ['rubric', 'score']. */
async function commandPaths(prefix: string[] = []): Promise<string[][]> {
  const r = await repo.align([...prefix, '--help']);
  const section = r.stdout.split(/\nCommands:\n/)[1];
  if (!section) return [];
  const names = section
    .split('\n\n')[0]!
    .split('\n')
    .map((l) => /^ {2}(\S+)/.exec(l)?.[1])
    .filter((n): n is string => Boolean(n) && n !== 'help');
  const out: string[][] = [];
  for (const n of names) {
    out.push([...prefix, n]);
    out.push(...(await commandPaths([...prefix, n])));
  }
  return out;
}

describe('the CLI shell', () => {
  it('--version prints the package version', async () => {
    const r = await repo.spawn(['--version']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });

  it('the quick `--help` (rendered at build time) is exactly what the program renders', async () => {
    const quick = await repo.spawn(['--help']);
    const live = await execa('node', [join(ROOT, 'dist', 'cli', 'main.js'), '--help'], { env: repo.env, reject: false });
    expect(quick.exitCode).toBe(0);
    expect(quick.stdout).toBe(live.stdout);
    expect(quick.stdout).toMatch(/Commands:\n/);
  });

  it('--help on every command shows at least one example', async () => {
    const paths = await commandPaths();
    expect(paths.map((p) => p.join(' '))).toEqual(expect.arrayContaining(['init', 'validate']));
    for (const p of paths) {
      const r = await repo.align([...p, '--help']);
      expect(r.exitCode, p.join(' ')).toBe(0);
      expect(r.stdout, p.join(' ')).toMatch(/Examples?:\n\s+\$ align /);
    }
  });

  it('wrong usage exits 2 with a pointer to --help', async () => {
    for (const args of [['frobnicate'], ['validate', '--frob'], ['validate', '--format', 'xml'], ['--color', 'sometimes', 'validate']]) {
      const r = await repo.align(args);
      expect(r.exitCode, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(/error|invalid|unknown/i);
    }
  });

  it('-C runs in another folder', async () => {
    const r = await repo.align(['-C', repo.dir, 'init', 'sub', '--yes', '--no-commit']);
    expect(r.exitCode).toBe(0);
    const v = await repo.align(['-C', join(repo.dir, 'sub'), 'validate', '--format', 'json']);
    expect(v.exitCode).toBe(0);
    expect(JSON.parse(v.stdout)).toMatchObject({ valid: true, files: 3, problems: [] });
  });

  it('-C takes the folder as typed: spaces and non-ASCII letters are not URL-encoded', async () => {
    const r = await repo.align(['-C', 'my ws/équipe', 'init', '--yes', '--no-commit']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(existsSync(join(repo.dir, 'my ws', 'équipe', 'align.yaml'))).toBe(true);
    expect(readdirSync(repo.dir).filter((f) => f.includes('%'))).toEqual([]);
    const v = await repo.spawn(['-C', join(repo.dir, 'my ws', 'équipe'), 'validate']);
    expect(v.exitCode, v.stderr).toBe(0);
    expect(v.stdout).toMatch(/workspace is valid/);
    const empty = await repo.align(['-C', '', 'validate']);
    expect(empty.exitCode).toBe(2);
    expect(empty.stderr).toMatch(/-C needs a folder/);
  });

  it('colour only when asked: --color always colours, NO_COLOR and pipes do not', async () => {
    const plain = await repo.align(['-C', join(repo.dir, 'sub'), 'validate']);
    expect(plain.stdout).not.toMatch(/\x1b\[/);
    const forced = await repo.align(['-C', join(repo.dir, 'sub'), '--color', 'always', 'validate']);
    expect(forced.stdout).toMatch(/\x1b\[/);
    const forcedEnv = await repo.align(['-C', join(repo.dir, 'sub'), 'validate'], { env: { ...repo.env, NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(forcedEnv.stdout).toMatch(/\x1b\[/);
  });
});
