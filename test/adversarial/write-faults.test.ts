// Fault injection into the multi-file write: a workshop killed (SIGKILL) at every step of its
// write, and a property test of the write under a crash, ENOSPC, EROFS or EACCES at any step.
// Whatever happens, the files end all as they were or all as the write meant them, once the
// next run has finished or rolled back what the interrupted one left.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { execa } from 'execa';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSnapshot } from '../../src/adapters/files/atomic.js';
import { recoverWrite } from '../../src/adapters/files/recover.js';
import { Halt, writeTogether, type FileWrite } from '../../src/adapters/files/transaction.js';
import { AlignError } from '../../src/core/errors.js';
import { pinnedEnv } from '../helpers/env.js';
import { canMount, smallDisk, type SmallDisk } from '../helpers/mount.js';
import { ALIGN, ROOT, tempRepo, type TempRepo } from '../helpers/workspace.js';

const isRoot = process.getuid?.() === 0;

/** Every file under dir but the git folder and align's own (.align), by path: what the workspace holds. */
function files(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const rel = relative(dir, p);
      if (rel === '.git' || rel === '.align') continue;
      if (statSync(p).isDirectory()) walk(p);
      else out[rel] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

/** Leftovers of a write under way: temporary files, backups, the journal. */
function leftovers(dir: string): string[] {
  const all: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (name === '.git') continue;
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(tmp|old)$/.test(name) || name === 'journal.json') all.push(relative(dir, p));
    }
  };
  walk(dir);
  return all.sort();
}

describe('align workshop killed at every step of its write (kill -9)', () => {
  // kickoff writes three files: the new session, goals.yaml and align.yaml (a new attendee).
  const KICKOFF = ['workshop', 'kickoff', '--answers', join(ROOT, 'examples', 'kickoff.answers.yaml')];
  /** Each step, what the next run does with what it left (null: there is no journal), and what the workspace then holds. */
  const STEPS: { step: string; next: 'finished' | 'rolled back' | null; ends: 'before' | 'after'; outcome: string }[] = [
    { step: 'locked', next: null, ends: 'before', outcome: 'no write is left to finish' },
    { step: 'journal', next: 'rolled back', ends: 'before', outcome: 'the next run rolls the write back' },
    { step: 'stage-1', next: 'rolled back', ends: 'before', outcome: 'the next run rolls the write back' },
    { step: 'stage-2', next: 'rolled back', ends: 'before', outcome: 'the next run rolls the write back' },
    { step: 'stage-3', next: 'finished', ends: 'after', outcome: 'the next run finishes the write' },
    { step: 'backup', next: 'finished', ends: 'after', outcome: 'the next run finishes the write' },
    { step: 'rename-1', next: 'finished', ends: 'after', outcome: 'the next run finishes the write' },
    { step: 'rename-2', next: 'finished', ends: 'after', outcome: 'the next run finishes the write' },
    { step: 'rename-3', next: 'finished', ends: 'after', outcome: 'the next run finishes the write' },
    { step: 'cleanup', next: 'finished', ends: 'after', outcome: 'the next run finishes the write' },
    { step: 'written', next: null, ends: 'after', outcome: 'no write is left to finish' },
  ];

  let base: TempRepo;
  let before: Record<string, string>;
  let after: Record<string, string>;
  const copies: TempRepo[] = [];
  const crashed = new Map<string, { repo: TempRepo; signal: string | undefined; stderr: string }>();

  beforeAll(async () => {
    base = await tempRepo();
    expect((await base.align(['init', '--org', 'Acme Corp', '--sales', 'Dana Kim,Lee Park', '--marketing', 'Sam Ortiz,Ana Ruiz', '--yes'])).exitCode).toBe(0);
    before = files(base.dir);
    const clean = await copy();
    const r = await clean.align([...KICKOFF, '--no-commit']);
    expect(r.exitCode, r.stderr).toBe(0);
    after = files(clean.dir);
    expect(Object.keys(after)).toContain('sessions/2026-11-27-kickoff.yaml');
    // Every crash at once: each in its own copy of the workspace.
    await Promise.all(
      STEPS.map(async ({ step }) => {
        const repo = await copy();
        const p = await execa(process.execPath, [ALIGN, ...KICKOFF], { cwd: repo.dir, env: pinnedEnv({ ...repo.env, ALIGN_TEST_CRASH_AT: step }), reject: false, stdin: 'ignore' });
        crashed.set(step, { repo, signal: p.signal, stderr: String(p.stderr) });
      }),
    );
  }, 120_000);
  afterAll(() => {
    for (const c of copies) c.cleanup();
    base?.cleanup();
  });

  async function copy(): Promise<TempRepo> {
    const r = await tempRepo({ git: false });
    cpSync(base.dir, r.dir, { recursive: true });
    copies.push(r);
    return r;
  }

  for (const { step, next, ends, outcome } of STEPS) {
    it(`killed after ${step}: ${outcome}; no reader takes the files for valid before; the workspace ends as ${ends} the workshop`, async () => {
      const { repo, signal, stderr } = crashed.get(step)!;
      expect(signal, `the process was to be killed at ${step}: ${stderr}`).toBe('SIGKILL');
      const pending = existsSync(join(repo.dir, '.align', 'journal.json'));
      expect(pending).toBe(next !== null);
      const now = files(repo.dir);
      if (!pending) expect(now).toEqual(ends === 'before' ? before : after);
      // A reader refuses while a write is pending, naming it; it never reads a half-written workspace as valid.
      const status = await repo.align(['status']);
      expect(status.exitCode, status.stderr).toBe(pending ? 2 : 0);
      if (pending) expect(status.stderr).toMatch(/\.align\/journal\.json: a write by `align workshop` \(pid \d+, started .*\) was interrupted/);
      // validate finishes or rolls back the write first, says which, then finds the workspace valid.
      const v = await repo.align(['validate']);
      expect(v.exitCode, v.stderr).toBe(0);
      if (next) {
        expect(v.stderr).toMatch(/^align: took over \.align\/lock from `align workshop`/);
        expect(v.stderr).toMatch(new RegExp(`^align: ${next} an interrupted write \\(\`align workshop\`, pid \\d+`, 'm'));
      } else expect(v.stderr).toBe('');
      expect(files(repo.dir)).toEqual(ends === 'before' ? before : after);
      expect(leftovers(repo.dir)).toEqual([]);
      // The next writer takes over a lock the killed one left, and works; what the killed one wrote stays for the user to commit.
      const again = await repo.align(['workshop', 'exchange', '--answers', join(ROOT, 'examples', 'exchange.answers.yaml')]);
      expect(again.exitCode, again.stderr).toBe(0);
      if (next === null) expect(again.stderr).toMatch(/^align: took over \.align\/lock from `align workshop`/);
      const uncommitted = (await repo.git('status', '--porcelain')).split('\n').filter(Boolean).sort();
      expect(uncommitted).toEqual(ends === 'before' ? [] : [' M align.yaml', ' M goals.yaml', '?? sessions/2026-11-27-kickoff.yaml']);
      // No lock or journal is left: .align/ holds only the schemas editors read (docs/editors.md).
      expect(readdirSync(join(repo.dir, '.align'))).toEqual(['schemas']);
    });
  }
});

describe('the multi-file write under injected faults (property)', () => {
  let dir: string;
  let disk: SmallDisk | undefined;
  beforeAll(() => {
    // On a tmpfs when one can be mounted: flushing to disk costs nothing there, so many more cases fit in the time.
    disk = isRoot && canMount() ? smallDisk(16 * 1024) : undefined;
    dir = disk?.dir ?? mkdtempSync(join(tmpdir(), 'align-faults-'));
  });
  afterAll(() => (disk ? disk.unmount() : rmSync(dir, { recursive: true, force: true })));

  type Fault = { kind: 'crash' | 'ENOSPC' | 'EROFS' | 'EACCES' | 'none'; at: number };
  const plan = fc.record({
    files: fc.uniqueArray(
      fc.record({
        name: fc.constantFrom('a.yaml', 'b.yaml', 'c.yaml', 'sub/d.yaml', 'sub/deeper/e.yaml', 'f.yaml'),
        before: fc.option(fc.string({ maxLength: 40 }), { nil: null }),
        after: fc.string({ maxLength: 40 }),
      }),
      { minLength: 1, maxLength: 5, selector: (f) => f.name },
    ),
    fault: fc.record({ kind: fc.constantFrom<Fault['kind']>('crash', 'ENOSPC', 'EROFS', 'EACCES', 'none'), at: fc.nat({ max: 20 }) }),
  });

  it('ends with every file as it was, or every file as written: never a mix, never a leftover', () => {
    let n = 0;
    fc.assert(
      fc.property(plan, ({ files: spec, fault }) => {
        const root = join(dir, String(n++));
        mkdirSync(join(root, '.align'), { recursive: true });
        for (const f of spec) {
          if (f.before === null) continue;
          mkdirSync(join(root, f.name, '..'), { recursive: true });
          writeFileSync(join(root, f.name), f.before);
        }
        const writes: FileWrite[] = spec.map((f) => ({ rel: f.name, text: f.after, mode: f.before === null ? 'create' : readSnapshot(join(root, f.name)).snapshot }));
        const journal = join(root, '.align', 'journal.json');
        const steps: string[] = [];
        let failed: unknown;
        try {
          writeTogether({
            root,
            journal,
            command: 'test',
            now: new Date(0),
            files: writes,
            changedHint: 'test',
            step(name) {
              steps.push(name);
              if (fault.kind === 'none' || steps.length - 1 !== fault.at) return;
              if (fault.kind === 'crash') throw new Halt(name);
              throw Object.assign(new Error(`injected ${fault.kind} after ${name}`), { code: fault.kind });
            },
          });
        } catch (e) {
          failed = e;
        }
        // An injected failure surfaces as bad input (exit 2) saying what went wrong, never as a bug.
        if (failed !== undefined && !(failed instanceof Halt)) {
          expect(failed).toBeInstanceOf(AlignError);
          expect((failed as AlignError).exitCode).toBe(2);
          expect((failed as Error).message).toMatch(/no space left|read-only|permission denied/);
        }
        // The next run finds what a crash (or a failure past the last rename) left, and settles it.
        recoverWrite(root, journal, '.align/journal.json');
        const now = spec.map((f) => (existsSync(join(root, f.name)) ? readFileSync(join(root, f.name), 'utf8') : null));
        const asBefore = spec.map((f) => f.before);
        const asAfter = spec.map((f) => f.after);
        expect([asBefore, asAfter]).toContainEqual(now);
        if (failed === undefined) expect(now).toEqual(asAfter);
        expect(leftovers(root)).toEqual([]);
        // Folders the write made are gone again when it was rolled back.
        if (now.every((v, i) => v === asBefore[i]) && !spec.some((f) => f.name.startsWith('sub/') && f.before !== null)) {
          expect(existsSync(join(root, 'sub'))).toBe(false);
        }
        rmSync(root, { recursive: true, force: true });
      }),
      { numRuns: 150 },
    );
  });
});
