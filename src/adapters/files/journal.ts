import { basename, dirname, join } from 'node:path';
import * as z from 'zod';
import { UserError } from '../../core/errors.js';
import { readIfExists } from './atomic.js';
import { insideRoot } from './inside.js';

/**
 * The record of a write of several files, kept in a file while the write is under way: what
 * each file held before (its hash; null when it was new) and will hold after, and the tag that
 * names the temporary files and backups beside them. A run that finds it knows the write was
 * interrupted and can finish it or undo it (recover.ts).
 */
export interface Journal {
  align: 'journal/1';
  command: string;
  pid: number;
  host: string;
  started: string;
  tag: string;
  /** Folders the write made, relative to the root, outermost first: removed again when it is undone. */
  folders: string[];
  files: JournalFile[];
}

interface JournalFile {
  /** Relative to the root. */
  path: string;
  before: string | null;
  after: string;
}

const HASH = z.string().regex(/^[0-9a-f]{64}$/);

// A journal is read before it is acted on, and nothing it names is touched unless all of it
// is what align writes: a hand-made or damaged one is refused, never half followed.
const JournalSchema = z.strictObject({
  align: z.literal('journal/1'),
  command: z.string().max(200),
  pid: z.number().int().positive(),
  host: z.string().max(300),
  started: z.string().max(100),
  tag: z.string().regex(/^\d{1,10}\.[0-9a-f]{8}$/),
  folders: z.array(z.string().min(1)).max(100),
  files: z
    .array(z.strictObject({ path: z.string().min(1), before: HASH.nullable(), after: HASH }))
    .min(1)
    .max(1000),
});

/** The backup of a file a write replaces: a second name for the old file, beside it, until the write is done. */
export function backupPath(path: string, tag: string): string {
  return join(dirname(path), `.${basename(path)}.${tag}.old`);
}

export function journalText(j: Journal): string {
  return `${JSON.stringify(j, null, 2)}\n`;
}

/** The journal at `path`, or null when there is none; one that is not a journal align wrote is refused by name. */
export function readJournal(root: string, path: string, shown: string): Journal | null {
  const bytes = readIfExists(path);
  if (bytes === null) return null;
  let data: unknown;
  try {
    data = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw notAJournal(shown, 'it is not JSON');
  }
  const parsed = JournalSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw notAJournal(shown, `${issue.path.join('.') || 'the file'}: ${issue.message}`);
  }
  const journal = parsed.data;
  for (const rel of [...journal.folders, ...journal.files.map((f) => f.path)]) {
    try {
      insideRoot(root, rel);
    } catch {
      throw notAJournal(shown, `it names ${JSON.stringify(rel)}, outside the workspace`);
    }
  }
  return journal;
}

function notAJournal(shown: string, why: string): UserError {
  return new UserError(
    `${shown} is not a journal of an interrupted write that align can finish (${why}); align changed nothing`,
    `look at it: if no align is running, move it aside (mv ${shown} ${shown}.broken) and check the workspace with \`git status\``,
  );
}
