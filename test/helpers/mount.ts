import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, truncateSync, fstatSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pinnedEnv } from './env.js';

/*
 * Real file systems for the tests of a full disk and a read-only workspace: a small tmpfs, and
 * a read-only bind mount. Mounting needs root; where it cannot be done the tests that need it
 * are skipped with a message. Every mount is undone by the test that made it (afterAll/finally).
 */

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { env: pinnedEnv(), stdio: 'pipe' });

let available: boolean | undefined;

/** Whether this process may mount file systems (root, with the right to mount); says why not once. */
export function canMount(): boolean {
  if (available !== undefined) return available;
  available = false;
  if (process.getuid?.() !== 0) {
    console.warn('not running as root: skipping the tests that mount a full tmpfs or a read-only folder');
    return available;
  }
  const probe = mkdtempSync(join(tmpdir(), 'align-mount-probe-'));
  try {
    run('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe]);
    run('umount', [probe]);
    available = true;
  } catch (e) {
    console.warn(`cannot mount here (${(e as Error).message.split('\n')[0]}): skipping the tests that mount a full tmpfs or a read-only folder`);
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
  return available;
}

/** A small tmpfs at a new folder, that a test can fill to the last page. */
export interface SmallDisk {
  dir: string;
  /** Fills the disk, leaving about `leaveKb` KiB free (0: none at all). */
  fill(leaveKb?: number): void;
  /** Frees what fill() took. */
  unfill(): void;
  unmount(): void;
}

export function smallDisk(sizeKb: number): SmallDisk {
  const dir = mkdtempSync(join(tmpdir(), 'align-disk-'));
  run('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k,mode=0755`, 'tmpfs', dir]);
  const filler = join(dir, 'filler');
  return {
    dir,
    fill(leaveKb = 0) {
      const fd = openSync(filler, 'w');
      const chunk = Buffer.alloc(64 * 1024, 1);
      try {
        for (;;) writeSync(fd, chunk);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e;
      }
      // Whatever is left is less than a chunk: take it too, then give back what was asked.
      try {
        for (;;) writeSync(fd, chunk, 0, 512);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e;
      }
      if (leaveKb > 0) truncateSync(filler, Math.max(0, fstatSync(fd).size - leaveKb * 1024));
      closeSync(fd);
    },
    unfill: () => rmSync(filler, { force: true }),
    unmount() {
      run('umount', [dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Makes `dir` read-only where it is (a read-only bind mount over itself) until the returned function undoes it. */
export function readOnly(dir: string): () => void {
  run('mount', ['--bind', dir, dir]);
  try {
    run('mount', ['-o', 'remount,bind,ro', dir]);
  } catch (e) {
    run('umount', [dir]);
    throw e;
  }
  return () => run('umount', [dir]);
}

/** Copies a folder onto another with everything in it (links, modes), as `cp -a` does. */
export function copyTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  run('cp', ['-a', `${from}/.`, to]);
}
