// What align prints and renders, against hostile places to print and hostile text to print.
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, existsSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pinnedEnv } from '../helpers/env.js';
import { ALIGN, hashTree, ROOT, tempRepo, type TempRepo } from '../helpers/workspace.js';

let repo: TempRepo;
beforeAll(async () => {
  repo = await tempRepo();
  const init = await repo.align(['init', '--org', 'Acme', '--sales', 'Dana Kim', '--marketing', 'Sam Ortiz', '--yes']);
  expect(init.exitCode, init.stderr).toBe(0);
  repo.write('leads.csv', readFileSync(join(ROOT, 'test/fixtures/leads/quirks.csv')));
  repo.write('scoring.yaml', readFileSync(join(ROOT, 'test/fixtures/leads/rubric.yaml')));
});
afterAll(() => repo?.cleanup());

/** Every command that writes a file with --out, as a user would call it. */
const WITH_OUT: [string, string[]][] = [
  ['agenda', ['agenda', 'sync']],
  ['export', ['export']],
  ['rubric sql', ['rubric', 'sql']],
  ['rubric score', ['rubric', 'score', 'leads.csv', '--rubric', 'scoring.yaml', '--format', 'csv']],
];

interface Spawned {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The built binary with its stdout and stderr on the given file descriptors ('pipe' to read
 * them), killed after 20 s so that a hang fails the test instead of stopping the suite.
 */
function spawnOn(args: string[], stdio: { stdout: number | 'pipe'; stderr: number | 'pipe' }): Promise<Spawned> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [ALIGN, ...args], { cwd: repo.dir, env: pinnedEnv(repo.env), stdio: ['ignore', stdio.stdout, stdio.stderr] });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (b: Buffer) => (stdout += b.toString('utf8')));
    child.stderr?.on('data', (b: Buffer) => (stderr += b.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** A descriptor on /dev/full: every write to it fails with ENOSPC. Opened for writing, which changes nothing on the device. */
function withFull<T>(use: (fd: number) => Promise<T>): Promise<T> {
  const fd = openSync('/dev/full', 'w');
  return use(fd).finally(() => closeSync(fd));
}

describe('stdout or stderr that cannot be written', () => {
  const PRINTERS: [string, string[]][] = [
    ...WITH_OUT,
    ['rubric score (table)', ['rubric', 'score', 'leads.csv', '--rubric', 'scoring.yaml']],
    ['status', ['status']],
    ['rubric log', ['rubric', 'log']],
  ];
  const FULL_STDOUT = 'align: cannot write to standard output (ENOSPC: no space left on device); the output is incomplete\n';

  it.each(PRINTERS)('%s > /dev/full: one line on stderr, exit 74, no stack', async (_name, args) => {
    const r = await withFull((fd) => spawnOn(args, { stdout: fd, stderr: 'pipe' }));
    // rubric score warns about the fixture's skipped rows first.
    expect(r.stderr.endsWith(FULL_STDOUT), r.stderr).toBe(true);
    expect(r.stderr).not.toMatch(/^\s+at |Error:|internal error/m);
    expect(r.code).toBe(74);
  });

  it('2> /dev/full: exit 74 and nothing else, whether the command succeeds or fails', async () => {
    const saved = repo.read('goals.yaml');
    try {
      const ok = await withFull((fd) => spawnOn(['rubric', 'score', 'leads.csv', '--rubric', 'scoring.yaml', '--format', 'csv'], { stdout: 'pipe', stderr: fd }));
      // The rows went out; the skipped rows' problems on stderr could not.
      expect(ok.stdout).toMatch(/^id,fit,engagement,score,stage\n/);
      expect(ok.code).toBe(74);
      repo.write('goals.yaml', 'goals: [\n');
      const bad = await withFull((fd) => spawnOn(['validate'], { stdout: 'pipe', stderr: fd }));
      expect(bad).toEqual({ code: 74, stdout: '', stderr: '' });
    } finally {
      repo.write('goals.yaml', saved);
    }
  });

  it('both on /dev/full: exit 74', async () => {
    const r = await withFull((fd) => spawnOn(['export'], { stdout: fd, stderr: fd }));
    expect(r.code).toBe(74);
  });
});

describe('--out naming align\'s own output', () => {
  const REFUSED = (path: string) => `align: --out ${path} names one of align's own streams, not a file; align changed nothing\nhint: leave out --out to print on stdout (redirect it, \`> FILE\`, to save it)\n`;

  it.each(WITH_OUT)('%s --out /dev/stdout | cat: refused at once, nothing read or written', async (_name, args) => {
    for (const force of [[], ['--force']]) {
      const before = hashTree(repo.dir);
      const r = await spawnOn([...args, '--out', '/dev/stdout', ...force], { stdout: 'pipe', stderr: 'pipe' });
      expect(r, force.join('')).toEqual({ code: 2, stdout: '', stderr: REFUSED('/dev/stdout') });
      expect(hashTree(repo.dir)).toBe(before);
    }
  });

  it.each(['/dev/fd/1', '/proc/self/fd/1', '/dev/stderr', '/dev/stdin'])('--out %s is refused the same way', async (path) => {
    const r = await spawnOn(['export', '--out', path, '--force'], { stdout: 'pipe', stderr: 'pipe' });
    expect(r).toEqual({ code: 2, stdout: '', stderr: REFUSED(path) });
  });

  it.each(WITH_OUT)('%s --out /dev/stdout --force > FILE: the file stdout goes to is not replaced behind the shell', async (_name, args) => {
    const file = join(repo.dir, 'special', 'redirected.txt');
    mkdirSync(join(repo.dir, 'special'), { recursive: true });
    writeFileSync(file, 'kept\n');
    const inode = statSync(file).ino;
    const fd = openSync(file, 'a');
    try {
      const r = await spawnOn([...args, '--out', '/dev/stdout', '--force'], { stdout: fd, stderr: 'pipe' });
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(REFUSED('/dev/stdout'));
    } finally {
      closeSync(fd);
    }
    expect(statSync(file).ino).toBe(inode);
    expect(readFileSync(file, 'utf8')).toBe('kept\n');
  });

  it('a link to /proc/self/fd, or to /dev/stdout, in the user\'s folder is refused the same way', async () => {
    const dir = join(repo.dir, 'special');
    mkdirSync(dir, { recursive: true });
    if (!existsSync(join(dir, 'fds'))) symlinkSync('/proc/self/fd', join(dir, 'fds'));
    if (!existsSync(join(dir, 'out.md'))) symlinkSync('/dev/stdout', join(dir, 'out.md'));
    for (const path of ['special/fds/1', 'special/out.md']) {
      const r = await spawnOn(['export', '--out', path, '--force'], { stdout: 'pipe', stderr: 'pipe' });
      expect(r, path).toEqual({ code: 2, stdout: '', stderr: REFUSED(path) });
    }
    expect(lstatSync(join(dir, 'out.md')).isSymbolicLink()).toBe(true);
  });

  it('agenda --out into a folder where no folder can be made (/proc): exit 2, not a bug', async () => {
    const r = await repo.align(['agenda', 'sync', '--out', '/proc/']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/^align: --out: cannot make the folder \/proc\/agendas \(\w+\); align wrote nothing\nhint: /);
  });
});

describe('--out through a link to a device or a FIFO', () => {
  // Made in the test's own folder: a null device of our own (mknod) and a FIFO, and links to each.
  function specials(): string {
    const dir = join(repo.dir, 'linked');
    if (existsSync(dir)) return dir;
    mkdirSync(dir);
    execFileSync('mknod', [join(dir, 'null'), 'c', '1', '3'], { env: pinnedEnv() });
    execFileSync('mkfifo', [join(dir, 'fifo')], { env: pinnedEnv() });
    symlinkSync('null', join(dir, 'to-null'));
    symlinkSync(join(dir, 'fifo'), join(dir, 'to-fifo'));
    symlinkSync('to-null', join(dir, 'to-link'));
    return dir;
  }
  const TARGETS = [
    ['to-null', 'a device'],
    ['to-fifo', 'a named pipe (FIFO)'],
    ['to-link', 'a device'],
  ] as const;

  it.each(WITH_OUT)('%s never writes through the link, with or without --force, and leaves link and node as they were', async (_name, args) => {
    const dir = specials();
    for (const [link, kind] of TARGETS) {
      for (const force of [[], ['--force']]) {
        const r = await repo.align([...args, '--out', `linked/${link}`, ...force]);
        expect(r.exitCode, `${link} ${force.join('')}: ${r.stderr}`).toBe(2);
        expect(r.stderr).toBe(`align: --out linked/${link} is ${kind}, not a file; align writes only regular files and changed nothing\nhint: give the path of a file to write`);
        expect(r.stdout).toBe('');
      }
    }
    expect(statSync(join(dir, 'null')).isCharacterDevice()).toBe(true);
    expect(statSync(join(dir, 'fifo')).isFIFO()).toBe(true);
    for (const [link] of TARGETS) expect(lstatSync(join(dir, link)).isSymbolicLink()).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['fifo', 'null', 'to-fifo', 'to-link', 'to-null']); // no temp files left
  });
});

describe('the dates an agenda prints', () => {
  it('a template of 99999999999 minutes is refused at its line, never an invite in a year with six digits', async () => {
    repo.write('templates/long.yaml', 'id: long\ntitle: Long\nsections:\n  - { id: a, title: A, minutes: 99999999999, capture: notes }\n');
    try {
      for (const format of ['ics', 'text', 'json']) {
        const r = await repo.align(['agenda', 'long', '--format', format]);
        expect(r.exitCode, format).toBe(2);
        expect(r.stdout).toBe('');
        expect(r.stderr).toMatch(/^templates\/long\.yaml:4:33: sections\[0\]\.minutes: expected at most 1440 minutes \(a day\) for a section\nhint: /);
      }
    } finally {
      rmSync(join(repo.dir, 'templates'), { recursive: true });
    }
  });

  it('ALIGN_NOW=2026-02-30 is refused as a usage error, not read as March 2nd', async () => {
    for (const args of [['agenda', 'sync'], ['status']]) {
      const r = await repo.align(args, { env: { ...repo.env, ALIGN_NOW: '2026-02-30' } });
      expect(r).toEqual({ exitCode: 2, stdout: '', stderr: 'align: ALIGN_NOW is not a real date or ISO timestamp: 2026-02-30\nhint: set ALIGN_NOW to an ISO date such as 2026-11-27, or unset it' });
    }
  });
});
