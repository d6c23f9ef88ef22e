import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { hashTree, ROOT, tempRepo, type TempRepo } from '../helpers/workspace.js';

const BAD = join(ROOT, 'test/fixtures/bad');
const cases = Object.entries(parse(readFileSync(join(BAD, 'index.yaml'), 'utf8')) as Record<string, { target: string; line: number; says: string }>);
const STACK = /\n\s+at .+:\d+:\d+/;

let repo: TempRepo;
beforeAll(async () => {
  repo = await tempRepo();
  const init = await repo.align(['init', '--org', 'Acme', '--sales', 'Dana Kim', '--marketing', 'Sam Ortiz']);
  expect(init.exitCode).toBe(0);
  repo.write('leads.csv', 'id,employees,title\n1,300,VP Sales\n');
  await repo.git('add', 'leads.csv');
  await repo.git('commit', '-qm', 'leads');
});
afterAll(() => repo?.cleanup());

/** Puts a bad file in place, runs align, and always restores the workspace. */
async function withFile(target: string, bytes: Buffer, run: () => Promise<void>) {
  const path = join(repo.dir, target);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, bytes);
  try {
    await run();
  } finally {
    await repo.git('checkout', '--', '.');
    await repo.git('clean', '-fdq');
  }
}

describe('the bad-input corpus', () => {
  it('has at least 25 cases, each file present', () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
    for (const [file] of cases) expect(() => readFileSync(join(BAD, file))).not.toThrow();
  });

  it.each(cases)('%s: validate names file:line:column, exits 1, changes nothing', async (file, c) => {
    await withFile(c.target, readFileSync(join(BAD, file)), async () => {
      const before = hashTree(repo.dir);
      const r = await repo.align(['validate']);
      expect(r.exitCode).toBe(1);
      const located = r.stderr.split('\n').filter((l) => l.startsWith(`${c.target}:`));
      expect(located.length, r.stderr).toBeGreaterThan(0);
      for (const l of located) expect(l).toMatch(/^[^:]+:\d+:\d+: \S/);
      expect(located.some((l) => l.startsWith(`${c.target}:${c.line}:`)), r.stderr).toBe(true);
      expect(r.stderr).toMatch(new RegExp(c.says));
      expect(r.stderr).not.toMatch(STACK);
      expect(hashTree(repo.dir)).toBe(before);

      if (c.target === 'rubric.yaml') {
        // A command that needs the rubric treats it as bad input: exit 2, same position.
        const score = await repo.align(['rubric', 'score', 'leads.csv']);
        expect(score.exitCode, score.stderr).toBe(2);
        expect(score.stderr).toMatch(new RegExp(`^rubric\\.yaml:${c.line}:\\d+: `, 'm'));
        expect(score.stderr).not.toMatch(STACK);
        expect(hashTree(repo.dir)).toBe(before);
      }

      const json = await repo.align(['validate', '--format', 'json']);
      expect(json.exitCode).toBe(1);
      const doc = JSON.parse(json.stdout);
      expect(doc.valid).toBe(false);
      expect(doc.problems.some((p: { file: string; line: number }) => p.file === c.target && p.line === c.line)).toBe(true);
    });
  });

  it('a file far over the size limit is refused with its position and nothing read further', async () => {
    const big = Buffer.from(`stages:\n${'  - { id: mql, min: 40 }\n'.repeat(200_000)}criteria: []\n`);
    await withFile('rubric.yaml', big, async () => {
      const before = hashTree(repo.dir);
      const r = await repo.align(['validate']);
      expect(r.exitCode).toBe(1);
      expect(r.stderr).toMatch(/^rubric\.yaml:1:1: file is \d+ bytes, over the \d+-byte limit/m);
      expect(r.stderr).not.toMatch(STACK);
      expect(hashTree(repo.dir)).toBe(before);
    });
  });

  it('validate outside a workspace is a usage error (exit 2) with a hint', async () => {
    const r = await repo.align(['-C', dirname(repo.dir), 'validate']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/no align workspace here/);
    expect(r.stderr).toMatch(/hint: run `align init`/);
  });

  it('a clean workspace still validates after the corpus (the restore works)', async () => {
    copyFileSync(join(repo.dir, 'rubric.yaml'), join(repo.dir, '.align-check'));
    const r = await repo.align(['validate']);
    expect(r.exitCode).toBe(0);
  });
});
