import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { UserError } from '../../core/errors.js';
import type { Context } from '../context.js';
import { insideRoot } from '../files/inside.js';
import { acquireLock } from '../files/lock.js';
import { recoverWrite, type Recovered } from '../files/recover.js';
import { removeEmptyFolder } from '../files/folders.js';
import { writeTogether, type FileWrite } from '../files/transaction.js';
import { println } from '../terminal/style.js';
import { terminalSafe } from '../../core/text/terminal.js';
import { EDITOR_SCHEMAS_DIR, writeEditorSchemas } from './editor-schemas.js';
import { JOURNAL_FILE, LOCK_FILE } from './root.js';

/** What writing the workspace needs from the command's context: where to report, the environment, the clock. */
export type WriteIo = Pick<Context, 'stderr' | 'env' | 'now'>;

/** The workspace, locked by this process: its files are written through `write`, all together. */
export interface LockedWorkspace {
  /** Writes the files together (files/transaction.ts); `changedHint` says what to do when one changed on disk since it was read. */
  write(files: FileWrite[], changedHint: string): void;
  release(): void;
}

/**
 * Locks the workspace for a command that writes it (.align/lock, naming this process), then
 * finishes or rolls back a write an earlier run left interrupted, saying which on stderr. Two
 * align processes never write one workspace at once: the second stops with exit 2, naming the
 * first. Hold it until the files are committed, so that a commit takes exactly what was written.
 */
export function lockWorkspace(root: string, command: string, io: WriteIo): LockedWorkspace {
  const lockPath = insideRoot(root, LOCK_FILE);
  const journal = insideRoot(root, JOURNAL_FILE);
  let acquired: ReturnType<typeof acquireLock>;
  try {
    acquired = acquireLock(lockPath, { command, now: io.now() }, LOCK_FILE);
  } catch (e) {
    removeEmptyFolder(dirname(lockPath)); // made for the lock, which could not be taken
    throw e;
  }
  const { lock, tookOver } = acquired;
  const release = () => {
    lock.release();
    removeEmptyFolder(dirname(lockPath));
  };
  try {
    if (tookOver) println(io.stderr, terminalSafe(`align: took over ${LOCK_FILE} from \`align ${tookOver.command}\` (pid ${tookOver.pid}, since ${tookOver.since}), which is no longer running`));
    const step = crashSeam(io.env);
    step('locked');
    report(io, recoverWrite(root, journal, JOURNAL_FILE));
    return {
      write(files, changedHint) {
        if (!lock.held()) throw new UserError(`another process took ${LOCK_FILE} while align held it; nothing was written`, 'make sure one align at a time writes this workspace, then run the command again');
        writeTogether({ root, journal, command, now: io.now(), files, changedHint, step });
        step('written');
        editorSchemas(root, io);
      },
      release,
    };
  } catch (e) {
    release();
    throw e;
  }
}

/** The schemas the files' modelines name, for editors; the files are written whatever becomes of them. */
function editorSchemas(root: string, io: WriteIo): void {
  try {
    writeEditorSchemas(root);
  } catch (e) {
    println(io.stderr, terminalSafe(`align: warning: could not write the editors' schemas into ${EDITOR_SCHEMAS_DIR} (${(e as Error).message})`));
  }
}

/** Finishes or rolls back a write an earlier run left interrupted, if there is one (under the lock, briefly). */
export function recoverInterrupted(root: string, command: string, io: WriteIo): void {
  if (!existsSync(join(root, JOURNAL_FILE))) return;
  lockWorkspace(root, command, io).release();
}

function report(io: WriteIo, r: Recovered | null): void {
  if (!r) return;
  const j = r.journal;
  const files = j.files.map((f) => f.path).join(', ');
  const what = `an interrupted write (\`align ${j.command}\`, pid ${j.pid}, started ${j.started})`;
  // The interrupted run never reached its commit: the files finished are left for the user to commit.
  const done = r.outcome === 'finished' ? `align: finished ${what}: ${files} are as it meant them, written but not committed (see \`git status\`)` : `align: rolled back ${what}: ${files} are as they were before it`;
  const kept = r.kept.length ? `; changed since, and left as they are: ${r.kept.join(', ')}` : '';
  println(io.stderr, terminalSafe(`${done}${kept}`));
}

/**
 * Test-only fault injection: ALIGN_TEST_CRASH_AT=<step> kills this process with SIGKILL at that
 * step of a workspace write, as a crash or `kill -9` would (docs/limits.md lists the steps).
 */
function crashSeam(env: NodeJS.ProcessEnv): (step: string) => void {
  const at = env.ALIGN_TEST_CRASH_AT;
  if (!at) return () => {};
  return (step) => {
    if (step === at) process.kill(process.pid, 'SIGKILL');
  };
}
