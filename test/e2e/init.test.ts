import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { hashTree, tempRepo, type TempRepo } from '../helpers/workspace.js';

let repo: TempRepo;
afterEach(() => repo?.cleanup());

const ANSWERS = ['--org', 'Acme Corp', '--sales', 'Dana Kim, Lee Park', '--marketing', 'Sam Ortiz,Ana Ruiz'];

describe('align init', () => {
  it('creates the workspace files, commits exactly them, and validates clean', async () => {
    repo = await tempRepo();
    const r = await repo.align(['init', ...ANSWERS, '--rubric', 'meddic']);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(r.exitCode).toBe(0);
    const config = parse(repo.read('align.yaml'));
    expect(config).toEqual({
      organization: 'Acme Corp',
      teams: { sales: { name: 'Sales', members: ['Dana Kim', 'Lee Park'] }, marketing: { name: 'Marketing', members: ['Sam Ortiz', 'Ana Ruiz'] } },
    });
    expect(repo.read('align.yaml').split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=\S+align\.schema\.json$/);
    expect(repo.read('rubric.yaml')).toContain('MEDDIC');
    expect(repo.read('.gitignore')).toMatch(/^\.align\/$/m);
    // stdout lists the files created, one path per line
    expect(r.stdout.trim().split('\n').map((l) => l.slice(repo.dir.length + 1)).sort()).toEqual(
      ['.gitignore', 'align.yaml', 'goals.yaml', 'rubric.yaml', 'sessions/.gitkeep'].sort(),
    );
    const files = (await repo.git('show', '--name-only', '--format=%s', 'HEAD')).trim().split('\n');
    expect(files[0]).toBe('align: start the Acme Corp workspace');
    expect(files.slice(1).filter(Boolean).sort()).toEqual(['.gitignore', 'align.yaml', 'goals.yaml', 'rubric.yaml', 'sessions/.gitkeep']);
    expect(await repo.git('status', '--porcelain')).toBe('');

    const v = await repo.align(['validate']);
    expect(v.exitCode).toBe(0);
    expect(v.stdout).toMatch(/valid: 3 files/);
  });

  it('refuses to touch an existing workspace: exit 2, nothing changed, no new commit', async () => {
    repo = await tempRepo();
    expect((await repo.align(['init', ...ANSWERS])).exitCode).toBe(0);
    repo.write('goals.yaml', 'goals: []  # hand edit\n');
    const before = hashTree(repo.dir);
    const head = await repo.git('rev-parse', 'HEAD');
    const r = await repo.align(['init', ...ANSWERS, '--rubric', 'champ']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/already holds a workspace/);
    expect(r.stderr).toMatch(/hint:/);
    expect(hashTree(repo.dir)).toBe(before);
    expect(await repo.git('rev-parse', 'HEAD')).toBe(head);
  });

  it('without a git identity writes the files and says exactly what to run', async () => {
    repo = await tempRepo({ identity: false });
    const r = await repo.align(['init', ...ANSWERS]);
    expect(r.exitCode).toBe(1);
    for (const f of ['align.yaml', 'goals.yaml', 'rubric.yaml']) expect(existsSync(join(repo.dir, f))).toBe(true);
    expect(r.stderr).toMatch(/not committed/);
    expect(r.stderr).toMatch(/git config user\.name/);
    expect(r.stderr).toMatch(/git add -- .*align\.yaml.* && git commit -m/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect((await repo.align(['validate'])).exitCode).toBe(0);
  });

  it('creates the folder and a git repository where there is none; --no-commit leaves files uncommitted', async () => {
    repo = await tempRepo({ git: false });
    const r = await repo.align(['init', 'acme-hq', '--yes', '--no-commit']);
    expect(r.exitCode).toBe(0);
    expect(existsSync(join(repo.dir, 'acme-hq', '.git'))).toBe(true);
    expect(parse(readFileSync(join(repo.dir, 'acme-hq', 'align.yaml'), 'utf8')).organization).toBe('Acme Hq');
    expect(r.stderr).toMatch(/using defaults/);
  });

  it('without a terminal and without answers uses defaults and says so', async () => {
    repo = await tempRepo();
    const r = await repo.align(['init']);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toMatch(/no terminal to ask on, so using defaults/);
    expect(parse(repo.read('align.yaml')).teams.sales.members).toEqual([]);
  });

  it.each(['blank', 'bant', 'champ', 'meddic', 'gpctba', 'anum'])('starter rubric %s validates', async (starter) => {
    repo = await tempRepo();
    expect((await repo.align(['init', ...ANSWERS, '--rubric', starter, '--no-commit'])).exitCode).toBe(0);
    const rubric = parse(repo.read('rubric.yaml'));
    expect(rubric.criteria.length).toBeGreaterThanOrEqual(2);
    expect(rubric.stages.length).toBeGreaterThanOrEqual(2);
    expect(rubric.sla.follow_up_hours).toBeGreaterThan(0);
    expect(rubric.tests.length).toBeGreaterThanOrEqual(3);
    expect((await repo.align(['validate'])).exitCode).toBe(0);
  });

  it('rejects an unknown starter with exit 2', async () => {
    repo = await tempRepo();
    const r = await repo.align(['init', '--rubric', 'spin', '--yes']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/spin/);
    expect(existsSync(join(repo.dir, 'align.yaml'))).toBe(false);
  });
});
