// One way to do each thing: a flag, a write or a git question gives the same answer in every command.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pinnedEnv } from '../helpers/env.js';
import { hashTree, tempRepo, type TempRepo } from '../helpers/workspace.js';
import { outWorkspace, WITH_OUT } from '../helpers/out-commands.js';

let repo: TempRepo;
beforeAll(async () => {
  repo = await outWorkspace();
});
afterAll(() => repo?.cleanup());


describe('one reading of every flag', () => {
  const BAD_DATE: [string, string[], string][] = [
    ['rubric score', ['rubric', 'score', 'leads.csv', '--rubric', 'scoring.yaml'], '--as-of'],
    ['rubric sql', ['rubric', 'sql'], '--as-of'],
    ['rubric diff', ['rubric', 'diff', 'HEAD', 'scoring.yaml', '--leads', 'leads.csv'], '--as-of'],
    ['rubric test', ['rubric', 'test'], '--as-of'],
    ['export', ['export'], '--since'],
    ['agenda', ['agenda', 'sync'], '--date'],
  ];
  it.each(BAD_DATE)('%s refuses 2026-02-30 with the same words (exit 2, nothing written)', async (_name, args, flag) => {
    const before = hashTree(repo.dir);
    const r = await repo.align([...args, flag, '2026-02-30']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toBe(`align: invalid ${flag} "2026-02-30": expected a real calendar date written YYYY-MM-DD\nhint: for example ${flag} 2026-11-27`);
    expect(r.stdout).toBe('');
    expect(hashTree(repo.dir)).toBe(before);
  });

  it('every command that prints results calls its human format text, and still takes its old name', async () => {
    const cases: [string[], string][] = [
      [['validate'], 'text'],
      [['templates'], 'text'],
      [['status'], 'table'],
      [['rubric', 'log'], 'table'],
      [['rubric', 'test'], 'table'],
      [['rubric', 'diff', 'HEAD', 'scoring.yaml'], 'table'],
      [['rubric', 'score', 'leads.csv', '--rubric', 'scoring.yaml'], 'table'],
      [['export'], 'md'],
      [['agenda', 'sync'], 'md'],
    ];
    for (const [args, old] of cases) {
      const text = await repo.align([...args, '--format', 'text']);
      const plain = await repo.align(args);
      const aliased = await repo.align([...args, '--format', old]);
      expect(text.stdout, args.join(' ')).not.toBe('');
      expect(plain.stdout, args.join(' ')).toBe(text.stdout);
      expect(aliased.stdout, `${args.join(' ')} --format ${old}`).toBe(text.stdout);
    }
    // `md` is a format of its own in rubric diff: Markdown for a pull request, not the table.
    const md = await repo.align(['rubric', 'diff', 'HEAD', 'scoring.yaml', '--format', 'md']);
    expect(md.stdout).toMatch(/^## Rubric changes/);
  });
});

describe('one reading of a YAML file', () => {
  // A block scalar elsewhere in the file: none, one the fast reader takes, one it leaves to `yaml` (an indentation indicator).
  const text = '\n  Our shared definition,\n  agreed in the lead-definition session.\n';
  const BLOCK_SCALARS = { none: '', fast: `description: |${text}`, fallback: `description: |2${text}` };
  type BlockScalar = keyof typeof BLOCK_SCALARS;
  const rubric = (points: string, blockScalar: BlockScalar) =>
    `${BLOCK_SCALARS[blockScalar]}stages:\n  - { id: mql, min: 0.5 }\ncriteria:\n  - id: size\n    when: { field: employees, op: gte, value: 200 }\n    points: ${points}\n`;
  // Each command that reads rubric.yaml, and how it says the file is bad.
  const READERS: [string, string[], number][] = [
    ['validate', ['validate'], 1],
    ['rubric test', ['rubric', 'test'], 2],
    ['rubric score', ['rubric', 'score', 'leads.csv'], 2],
    ['rubric sql', ['rubric', 'sql'], 2],
    ['export', ['export'], 2],
    ['status', ['status'], 2],
  ];

  it.each<BlockScalar>(['none', 'fast', 'fallback'])('0b10100 is text, not 20, in every command (a block scalar elsewhere in the file: %s)', async (blockScalar) => {
    const saved = repo.read('rubric.yaml');
    repo.write('rubric.yaml', rubric('0b10100', blockScalar));
    const line = blockScalar === 'none' ? 6 : 9;
    try {
      for (const [name, args, code] of READERS) {
        const r = await repo.align(args);
        expect(r.exitCode, `${name}: ${r.stderr}`).toBe(code);
        expect(r.stderr, name).toMatch(new RegExp(`^rubric\\.yaml:${line}:13: criteria\\[0\\]\\.points: expected a number, found text "0b10100"`, 'm'));
      }
    } finally {
      repo.write('rubric.yaml', saved);
    }
  });

  it.each<BlockScalar>(['none', 'fast', 'fallback'])('+.5 is half a point in every command (a block scalar elsewhere in the file: %s)', async (blockScalar) => {
    const saved = repo.read('rubric.yaml');
    repo.write('rubric.yaml', rubric('+.5', blockScalar));
    try {
      for (const [name, args] of READERS) expect((await repo.align(args)).exitCode, name).toBe(0);
      repo.write('big.csv', 'id,employees\nA,500\n');
      const scored = await repo.align(['rubric', 'score', 'big.csv', '--format', 'csv']);
      expect(scored.stdout.split('\n')[1]).toBe('A,0.5,0,0.5,mql');
      const exported = JSON.parse((await repo.align(['export', '--format', 'json'])).stdout);
      expect(JSON.stringify(exported)).toContain('"points":0.5');
    } finally {
      repo.write('rubric.yaml', saved);
    }
  });
});

describe('one --out policy', () => {
  it.each(WITH_OUT)('%s refuses a folder that does not exist, creates nothing, and says how to make it', async (_name, args) => {
    const before = hashTree(repo.dir);
    const r = await repo.align([...args, '--out', 'reports/2026/out.txt']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toBe('align: --out reports/2026/out.txt: reports/2026 does not exist; align creates no folders for --out\nhint: create the folder first (mkdir -p reports/2026), or choose another path');
    expect(existsSync(join(repo.dir, 'reports'))).toBe(false);
    expect(hashTree(repo.dir)).toBe(before);
  });

  it.each(WITH_OUT)("%s refuses --out '' (it was exit 70) and writes nothing", async (_name, args) => {
    const before = hashTree(repo.dir);
    const r = await repo.align([...args, '--out', '']);
    expect(r.exitCode, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/^align: invalid --out "": expected a value\nhint: for example --out /);
    expect(hashTree(repo.dir)).toBe(before);
  });

  it.each(WITH_OUT)('%s never replaces a FIFO, a device or a folder, even with --force', async (name, args) => {
    const dir = join(repo.dir, 'special');
    mkdirSync(dir, { recursive: true });
    if (!existsSync(join(dir, 'fifo'))) execFileSync('mkfifo', [join(dir, 'fifo')], { env: pinnedEnv() });
    // A null device of our own, in a temp folder: never the machine's /dev/null.
    if (!existsSync(join(dir, 'null'))) execFileSync('mknod', [join(dir, 'null'), 'c', '1', '3'], { env: pinnedEnv() });
    mkdirSync(join(dir, 'folder'), { recursive: true });
    // `agenda --out DIR` writes into DIR/agendas/, a documented use of a folder.
    const targets = [['fifo', 'a named pipe (FIFO)'], ['null', 'a device'], ...(name === 'agenda' ? [] : [['folder', 'a folder']])] as const;
    for (const [target, kind] of targets) {
      for (const force of [[], ['--force']]) {
        const r = await repo.align([...args, '--out', `special/${target}`, ...force]);
        expect(r.exitCode, `${target} ${force.join('')}: ${r.stderr}`).toBe(2);
        expect(r.stderr).toBe(`align: --out special/${target} is ${kind}, not a file; align writes only regular files and changed nothing\nhint: give the path of a file to write`);
      }
    }
    expect(statSync(join(dir, 'fifo')).isFIFO()).toBe(true);
    expect(statSync(join(dir, 'null')).isCharacterDevice()).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['fifo', 'folder', 'null']); // no temp files left
  });

  it.each(WITH_OUT)('%s replaces a regular file only with --force, atomically, and prints where it wrote', async (_name, args) => {
    repo.write('out/result.txt', 'hand edits\n');
    const refused = await repo.align([...args, '--out', 'out/result.txt']);
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toBe('align: out/result.txt already exists; align will not overwrite it\nhint: pass --force to replace it, or choose another --out');
    expect(repo.read('out/result.txt')).toBe('hand edits\n');
    const forced = await repo.align([...args, '--out', 'out/result.txt', '--force']);
    expect(forced.exitCode, forced.stderr).toBe(0);
    expect(repo.read('out/result.txt')).not.toBe('hand edits\n');
    expect(`${forced.stdout}\n${forced.stderr}`).toContain('out/result.txt');
    expect(readdirSync(join(repo.dir, 'out'))).toEqual(['result.txt']);
  });
});

describe('one git runner', () => {
  it('answers the same whatever language git speaks: rubric log before the first commit', async () => {
    const fresh = await tempRepo({ commit: false });
    try {
      expect((await fresh.align(['init', '--yes', '--no-commit'])).exitCode).toBe(0);
      const german = { ...fresh.env, LANGUAGE: 'de', LC_ALL: 'C.UTF-8', LANG: 'de_DE.UTF-8' };
      const english = await fresh.align(['rubric', 'log', '--format', 'json']);
      const inGerman = await fresh.align(['rubric', 'log', '--format', 'json'], { env: german });
      expect(english.exitCode, english.stderr).toBe(0);
      expect(inGerman.exitCode, inGerman.stderr).toBe(0);
      expect(inGerman.stdout).toBe(english.stdout);
      const spawned = await fresh.spawn(['rubric', 'log'], { env: german });
      expect(spawned.exitCode, spawned.stderr).toBe(0);
    } finally {
      fresh.cleanup();
    }
  });
});
