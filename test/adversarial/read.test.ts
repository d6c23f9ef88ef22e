// Reading hostile files: every workspace file and every file named on the command line goes
// through one reader (adapters/files/read.ts) and one bounded YAML pipeline (core/yaml). Whatever
// is at a path, align answers with a located problem (validate: exit 1) or bad input (exit 2):
// never a crash (exit 70), a V8 abort, a hang, a file echoed from outside the workspace, or a change.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pinnedEnv } from '../helpers/env.js';
import { spawnAlign } from '../helpers/pty.js';
import type { RunResult } from '../helpers/run.js';
import { ALIGN, ROOT, tempRepo, type TempRepo } from '../helpers/workspace.js';

const STACK = /\n\s+at .+:\d+:\d+/;
const asRoot = process.getuid?.() === 0;

let repo: TempRepo;
beforeAll(async () => {
  repo = await tempRepo();
  const init = await repo.align(['init', '--org', 'Acme', '--sales', 'Dana Kim', '--marketing', 'Sam Ortiz', '--yes']);
  expect(init.exitCode, init.stderr).toBe(0);
  repo.write('leads.csv', 'id,employees\n1,300\n');
  repo.write('archive/2026-11-20-kickoff.yaml', 'id: 2026-11-20-kickoff\ntemplate: kickoff\ndate: 2026-11-20\nfacilitator: Sam Ortiz\n');
  await repo.git('add', '-A');
  await repo.git('commit', '-qm', 'workspace');
});
afterAll(() => repo?.cleanup());

/** Puts things in place, runs, and always restores the workspace as committed. */
async function withFiles(place: (abs: (rel: string) => string) => void, run: () => Promise<void>) {
  const abs = (rel: string) => {
    const path = join(repo.dir, rel);
    mkdirSync(dirname(path), { recursive: true });
    rmSync(path, { recursive: true, force: true });
    return path;
  };
  try {
    place(abs);
    await run();
  } finally {
    await repo.git('checkout', '--', '.');
    await repo.git('clean', '-fdqx');
  }
}

/**
 * What is in the workspace (but .git), without reading anything that is not a regular file: links
 * by their target, FIFOs and devices by their kind. hashTree would block on a FIFO.
 */
function treeState(dir = repo.dir): string {
  const h = createHash('sha256');
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      if (name === '.git') continue;
      const p = join(d, name);
      const s = lstatSync(p);
      h.update(`${relative(dir, p)}\0${s.mode}\0`);
      if (s.isDirectory()) walk(p);
      else if (s.isSymbolicLink()) h.update(readlinkSync(p));
      else if (s.isFile() && s.size < 2 ** 24) h.update(readFileSync(p));
      else h.update(String(s.size));
    }
  };
  walk(dir);
  return h.digest('hex');
}

/** Neither a crash nor a trace, and the exit code asked for. */
function expectClean(r: RunResult, code: number) {
  expect(r.stderr, r.stderr).not.toMatch(/internal error|a bug in align|Maximum call stack|Allocation failed/);
  expect(r.stderr).not.toMatch(STACK);
  expect(r.exitCode, r.stderr).toBe(code);
}

/** Spawns the binary, killed if it has not answered in time: a FIFO or a device must not hold it. */
const spawned = (args: string[]) => repo.spawn(args, { timeout: 20_000 });

// ---------------------------------------------------------------------------------------------
// 1. Nesting, long collections, many keys: one family of shapes, in every file align reads.

const DEPTH = /: lists and mappings nested more than 64 levels deep$/m;
const ITEMS = /: a list with more than 10,000 items$/m;
const KEYS = /: a mapping with more than 1,000 keys$/m;

/** Hostile YAML texts: what each is, the text, and what align must say with its position. */
const SHAPES: [string, () => string, RegExp][] = [
  ['[ ten thousand times', () => `deep: ${'['.repeat(10_000)}\n`, DEPTH],
  ['{a: ten thousand times', () => `deep: ${'{a: '.repeat(10_000)}\n`, DEPTH],
  // 1,400 mappings each indented one column further: just under 1 MiB, and past the old stack.
  ['mappings indented 1,400 deep', () => `deep:\n${Array.from({ length: 1400 }, (_, i) => `${' '.repeat(i + 1)}a:\n`).join('')}`, DEPTH],
  ['- on one line 100,000 times', () => `deep:\n${'- '.repeat(100_000)}x\n`, DEPTH],
  ['a flow list of 250,000 items', () => `deep: [${'1, '.repeat(250_000)}1]\n`, ITEMS],
  ['60,000 keys', () => Array.from({ length: 60_000 }, (_, i) => `k${i}: v\n`).join(''), KEYS],
];

/** The position each shape is refused at: the collection or entry that passes the limit. */
function expectLocated(stderr: string, file: string, says: RegExp) {
  const line = stderr.split('\n').find((l) => l.startsWith(`${file}:`) && says.test(`${l}\n`));
  expect(line, stderr.slice(0, 2000)).toMatch(/^[^:]+:\d+:\d+: /);
  expect(stderr).not.toMatch(/aliases may expand/);
}

describe('deep nesting and long collections, in every file align reads (exit 1 or 2, located, named limit)', () => {
  const WORKSPACE: [string, string[], number][] = [
    ['align.yaml', ['status'], 2],
    ['goals.yaml', ['export'], 2],
    ['rubric.yaml', ['rubric', 'score', 'leads.csv'], 2],
    ['sessions/2026-11-27-deep.yaml', ['status'], 2],
    ['templates/deep.yaml', ['agenda', 'kickoff'], 2],
  ];
  it.each(WORKSPACE)('%s: validate (exit 1) for every shape; %j (exit %i) for the first', async (target, command, code) => {
    for (const [i, [, text, says]] of SHAPES.entries()) {
      await withFiles(
        (abs) => writeFileSync(abs(target), text()),
        async () => {
          const before = treeState();
          const v = await repo.align(['validate']);
          expectClean(v, 1);
          expectLocated(v.stderr, target, says);
          if (i === 0) {
            const r = await repo.align(command);
            expectClean(r, code);
            expectLocated(r.stderr, target, says);
          }
          expect(treeState()).toBe(before);
        },
      );
    }
  });

  const NAMED: [string, (file: string) => string[]][] = [
    ['an answers file', (f) => ['workshop', 'kickoff', '--answers', f, '--dry-run']],
    ['a --rubric file', (f) => ['rubric', 'score', 'leads.csv', '--rubric', f]],
    ['a rubric to test', (f) => ['rubric', 'test', f]],
  ];
  it.each(NAMED)('%s: every shape is bad input (exit 2)', async (_what, command) => {
    for (const [, text, says] of SHAPES) {
      await withFiles(
        (abs) => writeFileSync(abs('hostile.yaml'), text()),
        async () => {
          const r = await repo.align(command('hostile.yaml'));
          expectClean(r, 2);
          expectLocated(r.stderr, 'hostile.yaml', says);
        },
      );
    }
  });

  it('[ a hundred thousand times no longer aborts V8 (the binary, in a template and in align.yaml)', async () => {
    for (const target of ['templates/deep.yaml', 'align.yaml']) {
      await withFiles(
        (abs) => writeFileSync(abs(target), `deep: ${'['.repeat(100_000)}\n`),
        async () => {
          const r = await spawned(target === 'align.yaml' ? ['validate'] : ['templates']);
          expectClean(r, target === 'align.yaml' ? 1 : 2);
          expectLocated(r.stderr, target, DEPTH);
        },
      );
    }
  });

  it('60,000 keys in align.yaml (818 KB) are refused at the 1,001st', async () => {
    await withFiles(
      (abs) => writeFileSync(abs('align.yaml'), `organization: Acme\n${Array.from({ length: 60_000 }, (_, i) => `k${i}: v\n`).join('')}`),
      async () => {
        // Was minutes (each unknown key was placed by searching the whole mapping): the test's time
        // limit catches that; how fast it is now is measured by `npm run bench` (hostile-read).
        const r = await repo.align(['validate']);
        expectClean(r, 1);
        expect(r.stderr).toMatch(/^align\.yaml:1001:1: a mapping with more than 1,000 keys$/m);
      },
    );
  }, 15_000);

  it('a file full of problems lists the first 100 and counts the rest', async () => {
    await withFiles(
      (abs) => writeFileSync(abs('rubric.yaml'), `stages:\n  - { id: mql, min: 1 }\ncriteria: [${'1, '.repeat(9_999)}1]\n`),
      async () => {
        const r = await repo.align(['validate']);
        expectClean(r, 1);
        expect(r.stderr.split('\n').filter((l) => /^rubric\.yaml:3:\d+: criteria\[\d+\]: expected a mapping/.test(l))).toHaveLength(100);
        expect(r.stderr).toMatch(/^rubric\.yaml: and 9900 more problems in this file, not listed$/m);
      },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// 2. What is at a workspace path: only regular files inside the workspace are read.

/** The workspace files that can be broken, each a different reader before. */
const TARGETS = ['align.yaml', 'goals.yaml', 'rubric.yaml', 'sessions/2026-11-27-x.yaml', 'templates/x.yaml'];

/** Kinds of things at a path, made in place; what validate says about each; whether only a process can show it (it blocks or never ends). */
const KINDS: { kind: string; make: (path: string) => void; says: RegExp; spawn?: true; root?: true }[] = [
  { kind: 'a folder', make: (p) => mkdirSync(p), says: /cannot be read: it is a folder, not a regular file/ },
  { kind: 'a link loop', make: (p) => symlinkSync(p, p), says: /cannot be read: it is a loop of symbolic links/ },
  { kind: 'a dangling link', make: (p) => symlinkSync('no-such-file.yaml', p), says: /cannot be read: it is a symbolic link to nothing/ },
  { kind: 'a link to /etc/passwd', make: (p) => symlinkSync('/etc/passwd', p), says: /cannot be read: it is a symbolic link to a place outside the workspace/ },
  { kind: 'a link to /dev/zero', make: (p) => symlinkSync('/dev/zero', p), says: /cannot be read: it is a symbolic link to a place outside the workspace/, spawn: true },
  { kind: 'a FIFO', make: (p) => execFileSync('mkfifo', [p], { env: pinnedEnv() }), says: /cannot be read: it is a named pipe \(FIFO\), not a regular file/, spawn: true },
  // A zero device of the test's own, in the temp workspace (mknod needs root).
  { kind: 'a device', make: (p) => execFileSync('mknod', [p, 'c', '1', '5'], { env: pinnedEnv() }), says: /cannot be read: it is a device, not a regular file/, spawn: true, root: true },
];

describe('a workspace file that is not a regular file in the workspace is a problem, never read', () => {
  const run = (kind: (typeof KINDS)[number], args: string[]) => (kind.spawn ? spawned(args) : repo.align(args));

  it.for(KINDS.map((k) => [k.kind, k] as const))('%s as every workspace file: validate lists each (exit 1), status says the same (exit 2)', async ([, kind], ctx) => {
    ctx.skip(kind.root === true && !asRoot, `not root: cannot make ${kind.kind} with mknod`);
    await withFiles(
      (abs) => {
        for (const t of TARGETS) kind.make(abs(t));
      },
      async () => {
        const before = treeState();
        const v = await run(kind, ['validate']);
        expectClean(v, 1);
        for (const t of TARGETS) expect(v.stderr).toMatch(new RegExp(`^${t.replace('.', '\\.')}: ${kind.says.source}`, 'm'));
        expect(v.stderr).not.toMatch(/root:x:0:0/);
        const s = await run(kind, ['status']);
        expectClean(s, 2);
        expect(s.stderr).toMatch(new RegExp(`^align\\.yaml: ${kind.says.source}`, 'm'));
        expect(s.stderr).not.toMatch(/root:x:0:0/);
        expect(treeState()).toBe(before);
      },
    );
  });

  it.for(KINDS.map((k) => [k.kind, k] as const))('%s as a session file alone: validate exit 1, status and export exit 2, with the same problem', async ([, kind], ctx) => {
    ctx.skip(kind.root === true && !asRoot, `not root: cannot make ${kind.kind} with mknod`);
    const target = 'sessions/2026-11-27-x.yaml';
    await withFiles(
      (abs) => kind.make(abs(target)),
      async () => {
        const line = new RegExp(`^${target.replace('.', '\\.')}: ${kind.says.source}`, 'm');
        const v = await run(kind, ['validate']);
        expectClean(v, 1);
        expect(v.stderr).toMatch(line);
        for (const command of ['status', 'export']) {
          const r = await run(kind, [command]);
          expectClean(r, 2);
          expect(r.stderr).toMatch(line);
        }
      },
    );
  });

  it('sessions/ itself a link out of the workspace, or to nothing: a problem, its files neither listed nor read', async () => {
    for (const to of ['/etc', 'no-such-folder']) {
      await withFiles(
        (abs) => symlinkSync(to, abs('sessions')),
        async () => {
          const v = await repo.align(['validate']);
          expectClean(v, 1);
          expect(v.stderr).toMatch(/^sessions: cannot be read: /m);
          expect(v.stderr).not.toMatch(/passwd|hosts/);
          expectClean(await repo.align(['status']), 2);
        },
      );
    }
  });

  it('a link to another file inside the workspace is read as that file', async () => {
    await withFiles(
      (abs) => symlinkSync('../archive/2026-11-20-kickoff.yaml', abs('sessions/2026-11-20-kickoff.yaml')),
      async () => {
        const v = await repo.align(['validate']);
        expectClean(v, 0);
        const s = await repo.align(['status', '--format', 'json']);
        expectClean(s, 0);
        expect(s.stdout).toContain('2026-11-20');
      },
    );
  });

  it('align.yaml linked to /etc/passwd: its content is never shown, by any command', async () => {
    await withFiles(
      (abs) => symlinkSync('/etc/passwd', abs('align.yaml')),
      async () => {
        for (const args of [['validate'], ['status'], ['export'], ['agenda', 'kickoff'], ['validate', '--format', 'json']]) {
          const r = await repo.align(args);
          expect(r.exitCode, args.join(' ')).toBeGreaterThan(0);
          expect(r.exitCode).toBeLessThan(3);
          expect(`${r.stdout}${r.stderr}`).not.toMatch(/root:|nologin|\/bin\/(ba)?sh/);
        }
      },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// 3. Files named on the command line: --rubric, the rubric of `rubric test` and `rubric diff`, --answers.

describe('a file named on the command line that is no rubric or answers file is bad input (exit 2)', () => {
  it.each([
    ['--rubric ""', ['rubric', 'score', 'leads.csv', '--rubric', ''], /invalid --rubric ""/],
    ['rubric test ""', ['rubric', 'test', ''], /no rubric named: expected a rubric file, REV:PATH or a git revision/],
    ['--rubric ..', ['rubric', 'score', 'leads.csv', '--rubric', '..'], /cannot read the rubric .+: it is a folder, not a regular file/],
    ['rubric sql --rubric ..', ['rubric', 'sql', '--rubric', '..'], /it is a folder, not a regular file/],
    ['rubric test ..', ['rubric', 'test', '..'], /it is a folder, not a regular file/],
    ['rubric test .', ['rubric', 'test', '.'], /it is a folder, not a regular file/],
    ['rubric diff .. HEAD', ['rubric', 'diff', '..', 'HEAD'], /it is a folder, not a regular file/],
    ['--answers sessions', ['workshop', 'kickoff', '--answers', 'sessions'], /cannot read the answers file sessions: it is a folder, not a regular file/],
  ])('%s', async (_name, args, says) => {
    const before = treeState();
    const r = await repo.align(args);
    expectClean(r, 2);
    expect(r.stderr).toMatch(says);
    expect(treeState()).toBe(before);
  });

  it.each([
    ['--rubric /dev/zero', ['rubric', 'score', 'leads.csv', '--rubric', '/dev/zero'], /cannot read the rubric \/dev\/zero: it is a device/],
    ['--rubric /dev/urandom', ['rubric', 'score', 'leads.csv', '--rubric', '/dev/urandom'], /cannot read the rubric \/dev\/urandom: it is a device/],
    ['rubric test /dev/zero', ['rubric', 'test', '/dev/zero'], /it is a device/],
    ['--answers /dev/zero', ['workshop', 'kickoff', '--answers', '/dev/zero'], /cannot read the answers file \/dev\/zero: it is a device/],
    ['--rubric FIFO', ['rubric', 'score', 'leads.csv', '--rubric', 'pipe.yaml'], /cannot read the rubric pipe\.yaml: it is a named pipe \(FIFO\)/],
    ['--answers FIFO', ['workshop', 'kickoff', '--answers', 'pipe.yaml'], /cannot read the answers file pipe\.yaml: it is a named pipe \(FIFO\)/],
  ])('%s: refused before it is opened or read (the binary, which must not block)', async (_name, args, says) => {
    await withFiles(
      (abs) => execFileSync('mkfifo', [abs('pipe.yaml')], { env: pinnedEnv() }),
      async () => {
        const r = await spawned(args);
        expectClean(r, 2);
        expect(r.stderr).toMatch(says);
      },
    );
  });

  it('a 10 GiB file is refused by its size, not read (--rubric, rubric test, --answers, and as a workspace file)', async () => {
    await withFiles(
      (abs) => {
        // Sparse: it takes no room on the disk, but a read would want 10 GiB of memory.
        for (const f of ['huge.yaml', 'sessions/2026-11-27-huge.yaml']) {
          writeFileSync(abs(f), '');
          truncateSync(join(repo.dir, f), 10 * 2 ** 30);
        }
      },
      async () => {
        const size = /:1:1: file is 10737418240 bytes, over the 1048576-byte limit \(1 MiB\) for YAML files$/m;
        for (const args of [['rubric', 'score', 'leads.csv', '--rubric', 'huge.yaml'], ['rubric', 'test', 'huge.yaml'], ['workshop', 'kickoff', '--answers', 'huge.yaml']]) {
          const r = await repo.align(args);
          expectClean(r, 2);
          expect(r.stderr).toMatch(size);
        }
        const v = await repo.align(['validate']);
        expectClean(v, 1);
        expect(v.stderr).toMatch(/^sessions\/2026-11-27-huge\.yaml:1:1: file is 10737418240 bytes/m);
        expectClean(await repo.align(['status']), 2);
      },
    );
  });

  it('a named file inside the workspace that links out of it is refused, not shown; one outside the workspace is read as named', async () => {
    await withFiles(
      (abs) => {
        symlinkSync('/etc/passwd', abs('answers.yaml'));
        symlinkSync('/etc/passwd', abs('proposal.yaml'));
      },
      async () => {
        for (const args of [['workshop', 'kickoff', '--answers', 'answers.yaml'], ['rubric', 'test', 'proposal.yaml'], ['rubric', 'score', 'leads.csv', '--rubric', 'proposal.yaml']]) {
          const r = await repo.align(args);
          expectClean(r, 2);
          expect(r.stderr).toMatch(/it is a symbolic link to a place outside the workspace/);
          expect(r.stderr).not.toMatch(/root:/);
        }
        // Named by its own path, outside the workspace, it is the user's to read.
        writeFileSync(join(dirname(repo.dir), 'outside.yaml'), 'stages: 1\n');
        const outside = await repo.align(['rubric', 'test', '../outside.yaml']);
        expectClean(outside, 2);
        expect(outside.stderr).toMatch(/outside\.yaml:1:9: stages: expected a list/);
      },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// 4. Files the running user may not read: the binary run as `nobody` (needs root).

describe('files the user may not read (align run as nobody)', () => {
  /** Runs the built binary as nobody, in the workspace; git trusts the root-owned repository. */
  async function asNobody(args: string[]): Promise<RunResult> {
    const env = pinnedEnv({ ...repo.env, GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'safe.directory', GIT_CONFIG_VALUE_0: '*' });
    const r = await execa('runuser', ['-u', 'nobody', '--', process.execPath, ALIGN, ...args], { cwd: repo.dir, env, reject: false, stdin: 'ignore', timeout: 20_000 });
    return { exitCode: r.exitCode ?? -1, stdout: String(r.stdout), stderr: String(r.stderr) };
  }

  /** The workspace readable by nobody, but for the things made unreadable. */
  function openUp() {
    execFileSync('chmod', ['-R', 'a+rX', dirname(repo.dir)], { env: pinnedEnv() });
  }

  it('an unreadable session, template, --rubric and --answers file: problems and bad input, never a crash', async (ctx) => {
    ctx.skip(!asRoot, 'not root: cannot run align as another user (runuser needs root)');
    const cases: [string, string, string[], number, RegExp][] = [
      ['sessions/2026-11-27-x.yaml', 'id: x\n', ['validate'], 1, /^sessions\/2026-11-27-x\.yaml: cannot be read: permission denied$/m],
      ['sessions/2026-11-27-x.yaml', 'id: x\n', ['status'], 2, /^sessions\/2026-11-27-x\.yaml: cannot be read: permission denied$/m],
      ['sessions/2026-11-27-x.yaml', 'id: x\n', ['export'], 2, /^sessions\/2026-11-27-x\.yaml: cannot be read: permission denied$/m],
      ['templates/x.yaml', 'id: x\n', ['agenda', 'kickoff'], 2, /^templates\/x\.yaml: cannot be read: permission denied$/m],
      ['proposal.yaml', 'stages: []\n', ['rubric', 'test', 'proposal.yaml'], 2, /cannot read the rubric proposal\.yaml: permission denied/],
      ['answers.yaml', 'template: kickoff\n', ['workshop', 'kickoff', '--answers', 'answers.yaml'], 2, /cannot read the answers file answers\.yaml: permission denied/],
    ];
    for (const [locked, text, args, code, says] of cases) {
      await withFiles(
        (abs) => {
          writeFileSync(abs(locked), text);
          openUp();
          chmodSync(join(repo.dir, locked), 0o000);
        },
        async () => {
          const r = await asNobody(args);
          expectClean(r, code);
          expect(r.stderr, `${args.join(' ')} with ${locked} unreadable`).toMatch(says);
        },
      );
    }
  });

  it.for([
    ['align.yaml', 0o644],
    ['sessions', 0o755],
  ] as const)('%s unreadable: validate says so (exit 1), status too (exit 2)', async ([locked, mode], ctx) => {
    ctx.skip(!asRoot, 'not root: cannot run align as another user (runuser needs root)');
    const says = new RegExp(`^${locked.replace('.', '\\.')}: cannot be read: permission denied$`, 'm');
    openUp();
    chmodSync(join(repo.dir, locked), 0o000);
    try {
      const v = await asNobody(['validate']);
      expectClean(v, 1);
      expect(v.stderr).toMatch(says);
      const s = await asNobody(['status']);
      expectClean(s, 2);
      expect(s.stderr).toMatch(says);
    } finally {
      chmodSync(join(repo.dir, locked), mode);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// 4. align's own files in .align/ (drafts, the lock, the journal of a write) read by the same reader.

describe("align's own files in .align/ that are not regular files: refused in words, never waited on", () => {
  const fifo = (path: string) => execFileSync('mkfifo', [path], { env: pinnedEnv() });

  it('a draft that is a FIFO or a link out of the workspace is named as not resumable, and skipped', async () => {
    await withFiles(
      (abs) => {
        fifo(abs('.align/drafts/pipe.json'));
        symlinkSync('/etc/passwd', abs('.align/drafts/away.json'));
      },
      async () => {
        // On a terminal, as a facilitator resumes; a FIFO read would hold it until the test times out.
        const s = spawnAlign(['workshop', '--resume'], { cwd: repo.dir, env: repo.env });
        const code = await s.exited;
        const out = s.output();
        expect(code, out).toBe(2);
        expect(out).toMatch(/\.align\/drafts\/pipe\.json cannot be resumed .*named pipe \(FIFO\)/);
        expect(out).toMatch(/\.align\/drafts\/away\.json cannot be resumed .*outside the workspace/);
        expect(out).toContain('no unfinished workshop');
        expect(out).not.toMatch(/root:/);
        expect(out).not.toMatch(STACK);
      },
    );
  });

  it('the lock or the journal a FIFO: a write is refused in words (exit 2), nothing written', async () => {
    for (const rel of ['.align/lock', '.align/journal.json']) {
      await withFiles(
        (abs) => fifo(abs(rel)),
        async () => {
          const before = treeState();
          const r = await spawned(['workshop', 'kickoff', '--answers', join(ROOT, 'examples', 'kickoff.answers.yaml')]);
          expectClean(r, 2);
          expect(r.stderr, rel).toMatch(/named pipe \(FIFO\)/);
          expect(treeState()).toBe(before);
          // validate reads the lock only when a journal says a write is under way; the journal always.
          const v = await spawned(['validate']);
          expectClean(v, rel === '.align/lock' ? 0 : 1);
          if (rel !== '.align/lock') expect(v.stderr).toMatch(/^\.align\/journal\.json: .*named pipe \(FIFO\)/m);
        },
      );
    }
  });
});
