// Hostile input and a hostile environment when align writes the workspace: a full disk, a
// read-only workspace or file, two writers at once, a lock left behind, links and names that
// lead out of the workspace, revisions that look like options. Never exit 70, never a half
// written workspace, never a file outside it.
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { execa } from 'execa';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { pinnedEnv } from '../helpers/env.js';
import { canMount, copyTree, readOnly, smallDisk, type SmallDisk } from '../helpers/mount.js';
import { KEY, spawnAlign, type PtySession } from '../helpers/pty.js';
import { ALIGN, hashTree, ROOT, tempRepo, type TempRepo } from '../helpers/workspace.js';

const example = (t: string) => join(ROOT, 'examples', `${t}.answers.yaml`);
const KICKOFF = ['workshop', 'kickoff', '--answers', example('kickoff')];
const SESSION = 'sessions/2026-11-27-kickoff.yaml';
const isRoot = process.getuid?.() === 0;
/** Leads with every column the starter rubric reads. */
const LEADS = 'id,annual_budget,budget_confirmed,demo_requested,employees,is_competitor,last_activity,pain_point,purchase_timeline_days,title\n1,60000,true,true,300,false,2026-11-20,slow hand-off,30,VP Sales\n';

let template: TempRepo;
let repo: TempRepo | undefined;
beforeAll(async () => {
  template = await tempRepo();
  const init = await template.align(['init', '--org', 'Acme Corp', '--sales', 'Dana Kim,Lee Park', '--marketing', 'Sam Ortiz,Ana Ruiz', '--yes']);
  expect(init.exitCode, init.stderr).toBe(0);
});
afterAll(() => template?.cleanup());
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

/** A new copy of the README's demo workspace, committed, in its own temporary repository. */
async function demo(): Promise<TempRepo> {
  const r = await tempRepo({ git: false });
  cpSync(template.dir, r.dir, { recursive: true });
  return r;
}

/** Files align leaves only while it writes: temporary files, backups, a journal, a lock; anywhere, the git folder included. */
function strays(dir: string): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(tmp|old|stale)$/.test(name) || /^\.align\/(lock|journal\.json)$/.test(relative(dir, p))) found.push(relative(dir, p));
    }
  };
  walk(dir);
  return found;
}

/** A hash of every file under dir, the git folder included. */
function hashAll(dir: string): string {
  return execFileSync('sh', ['-c', 'find . -type f | LC_ALL=C sort | xargs -d "\\n" sha256sum | sha256sum'], { cwd: dir, env: pinnedEnv() }).toString();
}

/** The built binary, as another user (nobody), in the workspace, with the repository's git settings. */
async function spawnAsNobody(r: TempRepo, args: string[]) {
  const res = await execa('runuser', ['-m', '-u', 'nobody', '--', process.execPath, ALIGN, ...args], { cwd: r.dir, env: pinnedEnv(r.env), reject: false, stdin: 'ignore' });
  return { exitCode: res.exitCode ?? -1, stdout: String(res.stdout), stderr: String(res.stderr) };
}

/** Lets nobody reach the repository and use git in it (git refuses a repository another user owns otherwise). */
function openToNobody(r: TempRepo): void {
  chmodSync(dirname(r.dir), 0o755);
  chmodSync(r.home, 0o755);
  writeFileSync(join(r.home, '.gitconfig'), '[safe]\n\tdirectory = *\n');
  chmodSync(join(r.home, '.gitconfig'), 0o644);
}

/** How a workshop on a terminal ended: its exit code, or -1 when it went on to ask the first question (then it is interrupted). */
async function endOf(s: PtySession): Promise<number> {
  const asked = await s.waitFor('Date of the session').then(
    () => true,
    () => false,
  );
  if (!asked) return s.exited;
  s.type(KEY.ctrlC);
  await s.exited;
  return -1;
}

describe('a workshop writes its files together or not at all', () => {
  it.skipIf(!isRoot || !canMount())('a goals.yaml that cannot be written (a read-only mount of the file): exit 2, no file written, validate still clean', async () => {
    repo = await demo();
    const before = hashTree(repo.dir);
    const undo = readOnly(join(repo.dir, 'goals.yaml'));
    try {
      const r = await repo.align(KICKOFF);
      expect(r.exitCode, r.stderr).toBe(2);
      expect(r.stderr).toMatch(/cannot write .*goals\.yaml: the file system is read-only/);
      expect(existsSync(join(repo.dir, SESSION))).toBe(false);
      expect(hashTree(repo.dir)).toBe(before);
      expect(strays(repo.dir)).toEqual([]);
    } finally {
      undo();
    }
    const v = await repo.align(['validate']);
    expect(v.exitCode, v.stderr).toBe(0);
  });

  it.skipIf(!isRoot)('a user who may write sessions/ but not the workspace folder: exit 2, no session file, nothing left behind', async () => {
    repo = await demo();
    openToNobody(repo);
    chownSync(join(repo.dir, 'sessions'), 65534, 65534);
    const before = hashTree(repo.dir);
    const r = await spawnAsNobody(repo, [...KICKOFF, '--no-commit']);
    expect(r.exitCode, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/permission denied/);
    expect(r.stderr).not.toMatch(/bug in align|at .*\.js:\d+/);
    expect(existsSync(join(repo.dir, SESSION))).toBe(false);
    expect(hashTree(repo.dir)).toBe(before);
    expect(strays(repo.dir)).toEqual([]);
  });

  it.skipIf(!isRoot)('a goals.yaml its owner made read-only is not replaced, though its folder would allow it', async () => {
    repo = await demo();
    openToNobody(repo);
    execFileSync('chown', ['-R', 'nobody', repo.dir], { env: pinnedEnv() });
    chmodSync(join(repo.dir, 'goals.yaml'), 0o444);
    const before = hashTree(repo.dir);
    const r = await spawnAsNobody(repo, [...KICKOFF, '--no-commit']);
    expect(r.exitCode, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/cannot write .*goals\.yaml: permission denied/);
    expect(hashTree(repo.dir)).toBe(before);
    expect(strays(repo.dir)).toEqual([]);
  });

  it('eight workshops at once: each lands whole and committed, or stops with exit 2 and writes nothing', async () => {
    repo = await demo();
    expect((await repo.align(KICKOFF)).exitCode).toBe(0);
    const days = ['01', '02', '03', '04', '05', '06', '07', '08'];
    for (const d of days) {
      const answers = `template: sync\ndate: 2026-12-${d}\nfacilitator: Dana Kim\nattendees: [Dana Kim, Sam Ortiz]\nsections:\n  goal-progress:\n    progress:\n      - { goal: grow-pipeline-from-sales-ready-leads, value: 14${d}000, status: on-track }\n`;
      writeFileSync(join(repo.home, `sync-${d}.yaml`), answers);
    }
    const runs = await Promise.all(days.map((d) => repo!.spawn(['workshop', 'sync', '--answers', join(repo!.home, `sync-${d}.yaml`)])));
    const goals = parse(repo.read('goals.yaml'));
    const log = await repo.git('log', '--format=%s');
    runs.forEach((r, i) => {
      const session = join(repo!.dir, `sessions/2026-12-${days[i]}-sync.yaml`);
      expect([0, 2], r.stderr).toContain(r.exitCode);
      if (r.exitCode === 0) {
        expect(existsSync(session)).toBe(true);
        expect(log).toContain(`(2026-12-${days[i]})`);
      } else {
        expect(r.stderr).toMatch(/being written by another align|changed on disk|appeared on disk/);
        expect(existsSync(session), r.stderr).toBe(false);
      }
    });
    expect(runs.some((r) => r.exitCode === 0)).toBe(true);
    // goals.yaml holds the progress of the last workshop that landed, the newest commit.
    const last = days.filter((_, i) => runs[i]!.exitCode === 0).map((d) => `2026-12-${d}`);
    const newest = log.split('\n')[0]!;
    expect(last.some((d) => newest.includes(d))).toBe(true);
    expect(JSON.stringify(goals)).toContain(`14${newest.match(/2026-12-(\d\d)/)![1]}000`);
    expect(await repo.git('status', '--porcelain')).toBe('');
    expect(strays(repo.dir)).toEqual([]);
    expect((await repo.align(['validate'])).exitCode).toBe(0);
  });
});

describe('the workspace lock', () => {
  const lock = (holder: Record<string, unknown>) => {
    mkdirSync(join(repo!.dir, '.align'), { recursive: true });
    writeFileSync(join(repo!.dir, '.align', 'lock'), JSON.stringify(holder));
  };

  it('a second writer stops with exit 2 naming the holder: command, pid, host and since when; nothing changes', async () => {
    repo = await demo();
    lock({ pid: process.pid, host: hostname(), command: 'workshop', since: '2026-11-27T09:58:00.000Z', nonce: 'held' });
    const before = hashTree(repo.dir);
    const r = await repo.align(KICKOFF);
    expect(r.exitCode, r.stderr).toBe(2);
    expect(r.stderr).toContain(`\`align workshop\` (pid ${process.pid} on host ${hostname()}), since 2026-11-27T09:58:00.000Z`);
    expect(r.stderr).toContain('delete .align/lock');
    expect(hashTree(repo.dir)).toBe(before);
  });

  it('a lock left by a process that is no longer running is taken over, and said so', async () => {
    repo = await demo();
    const gone = execa(process.execPath, ['-e', '']);
    await gone;
    lock({ pid: gone.pid, host: hostname(), command: 'workshop', since: '2026-11-27T09:00:00.000Z', nonce: 'dead' });
    const r = await repo.align(KICKOFF);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stderr).toContain(`took over .align/lock from \`align workshop\` (pid ${gone.pid}, since 2026-11-27T09:00:00.000Z), which is no longer running`);
    expect(existsSync(join(repo.dir, SESSION))).toBe(true);
    expect(existsSync(join(repo.dir, '.align', 'lock'))).toBe(false);
  });

  it("another host's lock, or one align cannot read, is never taken over", async () => {
    repo = await demo();
    lock({ pid: 1, host: 'elsewhere.example', command: 'init', since: '2026-11-27T09:00:00.000Z', nonce: 'far' });
    let r = await repo.align(KICKOFF);
    expect(r.exitCode, r.stderr).toBe(2);
    expect(r.stderr).toContain('(pid 1 on host elsewhere.example, which align cannot check from here)');
    writeFileSync(join(repo.dir, '.align', 'lock'), 'not a lock');
    r = await repo.align(KICKOFF);
    expect(r.exitCode, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/locked by \.align\/lock, which align cannot read/);
    expect(existsSync(join(repo.dir, SESSION))).toBe(false);
  });
});

describe('an interrupted write', () => {
  it('a journal that names a file outside the workspace is refused, and nothing it names is touched', async () => {
    repo = await demo();
    const outside = mkdtempSync(join(tmpdir(), 'align-outside-'));
    try {
      writeFileSync(join(outside, 'victim'), 'keep me\n');
      const rel = relative(repo.dir, join(outside, 'victim'));
      const journal = { align: 'journal/1', command: 'workshop', pid: 1, host: hostname(), started: '2026-11-27T09:00:00.000Z', tag: '1.abcdef01', folders: [], files: [{ path: rel, before: null, after: 'a'.repeat(64) }] };
      mkdirSync(join(repo.dir, '.align'), { recursive: true }); // init left its editors' schemas there
      writeFileSync(join(repo.dir, '.align', 'journal.json'), JSON.stringify(journal));
      const r = await repo.align(KICKOFF);
      expect(r.exitCode, r.stderr).toBe(2);
      expect(r.stderr).toMatch(/\.align\/journal\.json is not a journal .* outside the workspace.*align changed nothing/);
      expect(readFileSync(join(outside, 'victim'), 'utf8')).toBe('keep me\n');
      // Readers do not take the files for valid while it is there.
      const v = await repo.align(['validate']);
      expect(v.exitCode).toBe(1);
      expect(v.stderr).toMatch(/\.align\/journal\.json: .*not a journal/);
      const s = await repo.align(['status']);
      expect(s.exitCode).toBe(2);
      expect(s.stderr).toContain('.align/journal.json');
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});

describe('a write under way in another process', () => {
  it('readers say the workspace is being written and do not read it; validate does not settle it', async () => {
    repo = await demo();
    const journal = { align: 'journal/1', command: 'workshop', pid: process.pid, host: hostname(), started: '2026-11-27T09:59:00.000Z', tag: '1.abcdef01', folders: [], files: [{ path: 'goals.yaml', before: null, after: 'a'.repeat(64) }] };
    repo.write('.align/journal.json', JSON.stringify(journal));
    repo.write('.align/lock', JSON.stringify({ pid: process.pid, host: hostname(), command: 'workshop', since: '2026-11-27T09:59:00.000Z', nonce: 'live' }));
    const before = hashTree(repo.dir);
    const s = await repo.align(['status']);
    expect(s.exitCode, s.stderr).toBe(2);
    expect(s.stderr).toContain(`.align/journal.json: the workspace is being written by another align right now: \`align workshop\` (pid ${process.pid} on host ${hostname()})`);
    const v = await repo.align(['validate']);
    expect(v.exitCode, v.stderr).toBe(1);
    expect(v.stderr).toMatch(/being written by another align/);
    expect(hashTree(repo.dir)).toBe(before);
  });
});

describe('align writes only inside the workspace', () => {
  let outside: string;
  beforeAll(() => {
    outside = mkdtempSync(join(tmpdir(), 'align-outside-'));
  });
  afterAll(() => rmSync(outside, { recursive: true, force: true }));

  it('sessions/ as a link to a folder outside: exit 2, nothing written there or here', async () => {
    repo = await demo();
    const target = join(outside, 'sessions');
    mkdirSync(target);
    rmSync(join(repo.dir, 'sessions'), { recursive: true });
    symlinkSync(target, join(repo.dir, 'sessions'));
    const r = await repo.align(KICKOFF);
    expect(r.exitCode, r.stderr).toBe(2);
    expect(readdirSync(target)).toEqual([]);
    expect(repo.read('goals.yaml')).toBe(template.read('goals.yaml'));
  });

  it('goals.yaml as a link to a file outside: exit 2, the file outside unchanged', async () => {
    repo = await demo();
    const target = join(outside, 'goals.yaml');
    cpSync(join(repo.dir, 'goals.yaml'), target);
    rmSync(join(repo.dir, 'goals.yaml'));
    symlinkSync(target, join(repo.dir, 'goals.yaml'));
    const r = await repo.align(KICKOFF);
    expect(r.exitCode, r.stderr).toBe(2);
    // Refused as it is read, before anything is asked or written: align neither reads nor writes through it.
    expect(r.stderr).toMatch(/goals\.yaml: cannot be read: it is a symbolic link to a place outside the workspace/);
    expect(readFileSync(target, 'utf8')).toBe(template.read('goals.yaml'));
    expect(existsSync(join(repo.dir, SESSION))).toBe(false);
  });

  it('a draft whose id is a path out of the workspace is skipped by name; --resume writes nothing outside', async () => {
    repo = await demo();
    const away = relative(join(repo.dir, '.align', 'drafts'), join(outside, 'x'));
    const draft = { version: 1, id: away, template: 'kickoff', answers: { sections: {} }, position: { step: 'setup' }, pending: {}, elapsedMs: 0, sectionMs: {}, updated: '2026-11-27T09:00:00.000Z' };
    repo.write('.align/drafts/evil.json', JSON.stringify(draft));
    const s = spawnAlign(['workshop', '--resume'], { cwd: repo.dir, env: repo.env });
    const code = await endOf(s);
    expect(existsSync(join(outside, 'x.json'))).toBe(false);
    expect(code, s.output()).toBe(2);
    expect(s.output()).toMatch(/\.align\/drafts\/evil\.json cannot be resumed .*it is skipped/);
    expect(s.output()).toContain('no unfinished workshop');
    expect(existsSync(join(outside, 'x.json'))).toBe(false);
  });

  it('a draft whose answers lack sections is skipped by name, not a crash', async () => {
    repo = await demo();
    const draft = { version: 1, id: 'cut', template: 'kickoff', answers: {}, position: { step: 'summary' }, pending: {}, elapsedMs: 0, sectionMs: {}, updated: '2026-11-27T09:00:00.000Z' };
    repo.write('.align/drafts/cut.json', JSON.stringify(draft));
    const s = spawnAlign(['workshop', '--resume'], { cwd: repo.dir, env: repo.env });
    const code = await endOf(s);
    expect(code, s.output()).toBe(2);
    expect(s.output()).toMatch(/\.align\/drafts\/cut\.json cannot be resumed \(not a workshop draft: answers\.sections: .*\); it is skipped/);
    expect(s.output()).not.toMatch(/bug in align/);
  });

  it('.align as a link out of the workspace: a workshop on a terminal saves no draft there', async () => {
    repo = await demo();
    const target = join(outside, 'dot-align');
    mkdirSync(target);
    rmSync(join(repo.dir, '.align'), { recursive: true }); // init left its editors' schemas there
    symlinkSync(target, join(repo.dir, '.align'));
    const s = spawnAlign(['workshop', 'kickoff'], { cwd: repo.dir, env: repo.env });
    const code = await endOf(s);
    expect(readdirSync(target)).toEqual([]);
    expect(code, s.output()).toBe(2);
    expect(s.output()).toMatch(/outside the workspace/);
    expect(readdirSync(target)).toEqual([]);
  });
});

describe('a revision never reaches git as an option', () => {
  let bin: string;
  let gitLog: string;
  beforeAll(() => {
    bin = mkdtempSync(join(tmpdir(), 'align-git-wrapper-'));
    gitLog = join(bin, 'calls');
    const realGit = execFileSync('sh', ['-c', 'command -v git'], { env: pinnedEnv() }).toString().trim();
    // A wrapper that records every argument list align gives git, then runs the real git.
    writeFileSync(join(bin, 'git'), `#!/bin/sh\nfor a in "$@"; do printf '%s\\n' "$a" >> '${gitLog}'; done\nprintf '%s\\n' '--END--' >> '${gitLog}'\nexec '${realGit}' "$@"\n`);
    chmodSync(join(bin, 'git'), 0o755);
  });
  afterAll(() => rmSync(bin, { recursive: true, force: true }));

  const calls = () => (existsSync(gitLog) ? readFileSync(gitLog, 'utf8').split('--END--\n').filter(Boolean).map((c) => c.trimEnd().split('\n')) : []);

  it.each([
    ['rubric score --rubric=--output=FILE', (f: string) => ['rubric', 'score', 'leads.csv', `--rubric=--output=${f}`]],
    ['rubric sql --rubric=-p', () => ['rubric', 'sql', '--rubric=-p']],
    ['rubric sql --rubric=--output=FILE:rubric.yaml', (f: string) => ['rubric', 'sql', `--rubric=--output=${f}:rubric.yaml`]],
    ['rubric diff -- --output=FILE HEAD', (f: string) => ['rubric', 'diff', '--', `--output=${f}`, 'HEAD']],
    ['rubric test -- -p', () => ['rubric', 'test', '--', '-p']],
  ])('%s: exit 2, the revision refused by name, git never given it', async (_name, args) => {
    repo = await demo();
    repo.write('leads.csv', 'id,employees\n1,10\n');
    rmSync(gitLog, { force: true });
    const written = join(bin, 'written-by-git');
    const r = await repo.align(args(written), { env: { ...repo.env, PATH: `${bin}:${process.env.PATH}` } });
    expect(r.exitCode, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/is not a git revision: a revision does not start with "-"/);
    expect(existsSync(written)).toBe(false);
    expect(calls().flat().filter((a) => a.startsWith('-p') || a.includes('--output'))).toEqual([]);
  });

  it('a revision git is given comes after --end-of-options', async () => {
    repo = await demo();
    rmSync(gitLog, { force: true });
    const r = await repo.align(['rubric', 'diff', 'HEAD', 'HEAD:rubric.yaml'], { env: { ...repo.env, PATH: `${bin}:${process.env.PATH}` } });
    expect(r.exitCode, r.stderr).toBe(0);
    const withRevision = calls().filter((c) => c.some((a) => a.startsWith('HEAD:') || a === 'HEAD^{commit}'));
    expect(withRevision.length).toBeGreaterThan(0);
    for (const c of withRevision) expect(c[c.length - 2], c.join(' ')).toBe('--end-of-options');
  });
});

describe('any other refusal of the system', () => {
  it('an --out name too long for the file system: exit 2 saying so, not a bug', async () => {
    repo = await demo();
    const r = await repo.align(['agenda', 'kickoff', '--out', `${'x'.repeat(300)}.md`]);
    expect(r.exitCode, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/ENAMETOOLONG/);
    expect(r.stderr).not.toMatch(/bug in align/);
  });
});

describe('a workspace in no git repository', () => {
  it('a workshop says so when it cannot commit, and what to do: git init, or --no-commit', async () => {
    repo = await tempRepo({ git: false });
    expect((await repo.align(['init', '--org', 'Acme Corp', '--sales', 'Dana Kim,Lee Park', '--marketing', 'Sam Ortiz,Ana Ruiz', '--yes', '--no-commit'])).exitCode).toBe(0);
    rmSync(join(repo.dir, '.git'), { recursive: true, force: true });
    const r = await repo.align(KICKOFF);
    expect(r.exitCode, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/the files are written but were not committed: git finds no repository at .*Run `git init` there, or pass --no-commit/);
    expect(r.stderr).not.toMatch(/detached/);
    expect(r.stderr).toMatch(/git init && git add -- /);
    expect(existsSync(join(repo.dir, SESSION))).toBe(true);
  });
});

/** Each command that writes, and where it writes: run on a full disk and on a read-only workspace. */
const WRITERS: { name: string; args: string[]; wrote: string }[] = [
  { name: 'workshop', args: KICKOFF, wrote: SESSION },
  { name: 'agenda --out FILE', args: ['agenda', 'kickoff', '--date', '2026-12-03', '--out', 'agenda.md'], wrote: 'agenda.md' },
  { name: 'agenda --out DIR', args: ['agenda', 'kickoff', '--date', '2026-12-03', '--out', '.'], wrote: 'agendas' },
  { name: 'export --out', args: ['export', '--out', 'summary.md'], wrote: 'summary.md' },
  { name: 'rubric sql --out', args: ['rubric', 'sql', '--out', 'score.sql'], wrote: 'score.sql' },
  { name: 'rubric score --out', args: ['rubric', 'score', 'leads.csv', '--out', 'scored.csv'], wrote: 'scored.csv' },
  { name: 'init', args: ['init', 'fresh', '--yes'], wrote: 'fresh' },
];

describe.skipIf(!isRoot || !canMount())('a full disk (a real tmpfs, filled)', () => {
  let disk: SmallDisk;
  let work: string;
  beforeAll(async () => {
    disk = smallDisk(2048);
    work = join(disk.dir, 'work');
    copyTree(template.dir, work);
    writeFileSync(join(work, 'leads.csv'), LEADS);
    execFileSync('git', ['add', 'leads.csv'], { cwd: work, env: pinnedEnv(template.env) });
    execFileSync('git', ['commit', '-qm', 'leads'], { cwd: work, env: pinnedEnv(template.env) });
  });
  afterAll(() => disk?.unmount());

  const run = (args: string[]) => template.align(args, { cwd: work });

  it.each(WRITERS)('$name: exit 2, "no space left", nothing changed and nothing left behind, in the workspace or in .git', async ({ args, wrote }) => {
    const before = hashAll(work);
    disk.fill();
    let r: Awaited<ReturnType<typeof run>>;
    try {
      r = await run(args);
    } finally {
      disk.unfill();
    }
    expect(r.exitCode, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/no space left on the device/);
    expect(r.stderr).not.toMatch(/bug in align/);
    expect(existsSync(join(work, wrote))).toBe(false);
    expect(strays(work)).toEqual([]);
    expect(hashAll(work)).toBe(before);
  });

  it('status and export on a full disk: the caches in .git are skipped silently, and leave nothing behind', async () => {
    rmSync(join(work, '.git', 'align-sessions.json'), { force: true });
    rmSync(join(work, '.git', 'align-rubric-log'), { force: true });
    const before = hashAll(work);
    disk.fill();
    try {
      for (const args of [['status'], ['export'], ['rubric', 'log']]) {
        const r = await run(args);
        expect(r.exitCode, r.stderr).toBe(0);
        expect(r.stderr).toBe('');
      }
    } finally {
      disk.unfill();
    }
    expect(strays(work)).toEqual([]);
    expect(hashAll(work)).toBe(before);
  });

  it('a workshop on a disk that fills up part-way: all of its files or none, never exit 70', async () => {
    const copy = join(disk.dir, 'part');
    copyTree(work, copy);
    const before = hashTree(copy);
    const outcomes = new Set<number>();
    try {
      for (const leave of [4, 8, 12, 16, 24, 32, 48]) {
        disk.fill(leave);
        let r: Awaited<ReturnType<typeof run>>;
        try {
          r = await template.align([...KICKOFF, '--no-commit'], { cwd: copy });
        } finally {
          disk.unfill();
        }
        expect([0, 2], r.stderr).toContain(r.exitCode);
        outcomes.add(r.exitCode);
        expect(strays(copy)).toEqual([]);
        if (r.exitCode === 2) {
          expect(hashTree(copy)).toBe(before);
          continue;
        }
        // Whole: the session, goals and align.yaml all written; then undone for the next size.
        expect(existsSync(join(copy, SESSION))).toBe(true);
        expect(readFileSync(join(copy, 'goals.yaml'), 'utf8')).toContain('Grow pipeline from sales-ready leads');
        expect(readFileSync(join(copy, 'align.yaml'), 'utf8')).toContain('Priya Shah');
        rmSync(join(copy, SESSION));
        execFileSync('git', ['checkout', '--', 'goals.yaml', 'align.yaml'], { cwd: copy, env: pinnedEnv(template.env) });
        expect(hashTree(copy)).toBe(before);
      }
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
    expect(outcomes.has(2)).toBe(true);
  });
});

describe.skipIf(!isRoot || !canMount())('a read-only workspace (a read-only mount)', () => {
  let ro: TempRepo;
  let undo: (() => void) | undefined;
  beforeAll(async () => {
    ro = await demo();
    ro.write('leads.csv', LEADS);
    await ro.git('add', 'leads.csv');
    await ro.git('commit', '-qm', 'leads');
    rmSync(join(ro.dir, '.git', 'align-sessions.json'), { force: true });
    undo = readOnly(ro.dir);
  });
  afterAll(() => {
    undo?.();
    ro?.cleanup();
  });

  it.each(WRITERS)('$name: exit 2, "read-only", nothing written', async ({ args, wrote }) => {
    const before = hashAll(ro.dir);
    const r = await ro.align(args);
    expect(r.exitCode, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/the file system is read-only/);
    expect(r.stderr).not.toMatch(/bug in align/);
    expect(existsSync(join(ro.dir, wrote))).toBe(false);
    expect(hashAll(ro.dir)).toBe(before);
  });

  it('readers work: validate, status and export exit 0, the caches in .git skipped silently', async () => {
    for (const args of [['validate'], ['status'], ['export'], ['rubric', 'log']]) {
      const r = await ro.align(args);
      expect(r.exitCode, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      expect(r.stderr).not.toMatch(/bug in align|read-only/);
    }
  });
});
