import { existsSync, linkSync, renameSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { AlignError, UserError } from '../../core/errors.js';
import { FileExists, readIfExists, writeAtomic, writeTag } from './atomic.js';
import { makeFolders, missingFolders } from './folders.js';
import { removeIfThere } from './remove.js';
import { fileError } from './target.js';

/** Who holds a lock: written in the lock file, so that whoever finds it can name the holder. */
export interface LockHolder {
  pid: number;
  host: string;
  command: string;
  since: string;
  /** Tells this holder from a later one with the same pid. */
  nonce: string;
}

export interface Lock {
  /** Whether the lock file is still this process's. */
  held(): boolean;
  release(): void;
}

/** How many times a lock that is released or taken over meanwhile is tried again: each try takes microseconds. */
const TRIES = 20;

/**
 * Takes the lock at `path`: a file created only if there is none (a whole file linked into
 * place, never half written), naming this process. When another process holds it, a
 * UserError names that process. A lock left by a process that is no longer running on this
 * host is taken over: moved aside, and taken only when what was moved is the very lock judged
 * dead (one taken meanwhile by a live process is put back). `shown` names the lock in messages.
 */
export function acquireLock(path: string, who: { command: string; now: Date }, shown: string): { lock: Lock; tookOver?: LockHolder } {
  const mine: LockHolder = { pid: process.pid, host: hostname(), command: who.command, since: who.now.toISOString(), nonce: writeTag() };
  let tookOver: LockHolder | undefined;
  let last: LockHolder | undefined;
  for (let i = 0; i < TRIES; i++) {
    makeFolders(missingFolders(dirname(path)));
    try {
      writeAtomic(path, `${JSON.stringify(mine)}\n`, 'create');
      return { lock: handle(path, mine), ...(tookOver ? { tookOver } : {}) };
    } catch (e) {
      if (!(e instanceof FileExists)) {
        if (!existsSync(dirname(path))) continue; // its folder went away with a lock released meanwhile: make it again
        throw e instanceof AlignError ? e : fileError(e, path);
      }
    }
    const holder = readHolder(path);
    if (holder === null) continue; // released meanwhile
    if (holder === 'unreadable') {
      throw new UserError(`the workspace is locked by ${shown}, which align cannot read`, `if no align is running on this workspace, delete ${shown}`);
    }
    last = holder;
    if (!isDead(holder)) throw busy(holder, shown);
    if (takeOver(path, holder, mine)) tookOver = holder;
  }
  throw last ? busy(last, shown) : new UserError(`cannot take ${shown}: other processes keep taking and releasing it`, 'run the command again');
}

/** The holder named in a lock file: null when there is no file, 'unreadable' when it is not a lock align wrote. */
export function readHolder(path: string): LockHolder | null | 'unreadable' {
  let bytes: Buffer | null;
  try {
    bytes = readIfExists(path);
  } catch {
    return 'unreadable';
  }
  if (bytes === null) return null;
  try {
    const h = JSON.parse(bytes.toString('utf8')) as LockHolder;
    const ok = Number.isInteger(h.pid) && h.pid > 0 && typeof h.host === 'string' && typeof h.command === 'string' && typeof h.since === 'string' && typeof h.nonce === 'string';
    return ok ? h : 'unreadable';
  } catch {
    return 'unreadable';
  }
}

/** Whether the holder is known to be gone: a process of this host that no longer runs. Another host's is never judged. */
export function isDead(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return false;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (e) {
    // EPERM: it runs, as another user.
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** Moves a dead holder's lock aside; true when what was moved is that lock, so the next try may take it. */
function takeOver(path: string, dead: LockHolder, mine: LockHolder): boolean {
  const aside = `${path}.${mine.nonce}.stale`;
  try {
    renameSync(path, aside);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false; // someone else moved it first
    throw fileError(e, path);
  }
  const moved = readHolder(aside);
  const wasDead = moved !== null && moved !== 'unreadable' && moved.nonce === dead.nonce;
  if (!wasDead) {
    // A live process took the lock between the look and the move: give it back.
    try {
      linkSync(aside, path);
    } catch {
      /* a third process holds it now; this one tries again and finds it */
    }
  }
  removeIfThere(aside);
  return wasDead;
}

function handle(path: string, mine: LockHolder): Lock {
  const held = () => {
    const now = readHolder(path);
    return now !== null && now !== 'unreadable' && now.nonce === mine.nonce;
  };
  return {
    held,
    release() {
      try {
        if (held()) removeIfThere(path);
      } catch {
        /* a lock that cannot be removed is taken over once this process has ended */
      }
    },
  };
}

function busy(holder: LockHolder, shown: string): UserError {
  const where = `pid ${holder.pid} on host ${holder.host}${holder.host === hostname() ? '' : ', which align cannot check from here'}`;
  return new UserError(
    `the workspace is being written by another align: \`align ${holder.command}\` (${where}), since ${holder.since}; nothing was changed`,
    `wait for it to finish, then run the command again; if that align is no longer running, delete ${shown}`,
  );
}
