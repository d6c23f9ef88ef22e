import { join, relative } from 'node:path';
import type { Context } from '../../adapters/context.js';
import { InputError } from '../../core/errors.js';
import type { FileKind } from '../../core/schemas/index.js';
import type { Outcome } from '../../core/workshop/outcome.js';
import { validateOutcome } from '../../core/workshop/outcome.js';
import { commitMessage, outcomePaths } from '../../core/workshop/summary.js';
import type { WorkshopInput } from '../../core/workshop/types.js';
import { deleteDraft } from '../../adapters/workspace/drafts.js';
import type { FileWrite } from '../../adapters/files/transaction.js';
import { commitPaths } from '../../adapters/git/repo.js';
import { shellQuote } from '../../core/text/shell-quote.js';
import { println } from '../../adapters/terminal/style.js';
import { terminalSafe } from '../../core/text/terminal.js';
import { jsonDocument } from '../../core/output/json.js';
import { DOCUMENTS } from '../../core/output/documents.js';
import type { Workspace } from '../../adapters/workspace/load.js';
import { newYamlFile, updatedYamlFile } from '../../adapters/workspace/yaml-files.js';
import { lockWorkspace } from '../../adapters/workspace/writing.js';
import { mergeWithDisk, refuseConflicts, type Resolver } from '../../adapters/workspace/merge.js';

export interface FinishOptions {
  commit: boolean;
  dryRun: boolean;
  format: 'text' | 'json';
  draftId?: string;
  /** Decides the values the session and a change made since both changed (a terminal asks); without it they are refused. */
  resolve?: Resolver;
}

/** What a workshop wrote, or with --dry-run would write. */
interface Finished {
  dryRun: boolean;
  session: string;
  /** Each file relative to the workspace, as the user's shell reaches it, and with --dry-run what it would hold. */
  files: { rel: string; shown: string; preview?: { text: string; update: boolean } }[];
  commit: string | null;
}

const RENDERERS: Record<FinishOptions['format'], (f: Finished) => string> = {
  json: (f) => jsonDocument(DOCUMENTS.workshop, { dryRun: f.dryRun, session: f.session, files: f.files.map((x) => x.rel), commit: f.commit }),
  // Paths and the YAML previewed quote the workspace: safe for a terminal, the YAML on its lines.
  text: (f) => f.files.map((x) => (x.preview ? `--- ${terminalSafe(x.shown)} (${x.preview.update ? 'update' : 'new'})\n${terminalSafe(x.preview.text, 'lines')}` : `${terminalSafe(x.shown)}\n`)).join(''),
};

/** The files to write: the new session record, and each workspace file the session changed. */
function plan(ws: Workspace, o: Outcome): FileWrite[] {
  const out: FileWrite[] = [newYamlFile(o.sessionPath, 'session', o.session, NOTES.session)];
  const add = (rel: string, kind: FileKind, data: unknown, prev: Workspace['goals' | 'rubric' | 'config']) =>
    out.push(prev ? updatedYamlFile(rel, kind, prev, data) : newYamlFile(rel, kind, data, NOTES[kind]));
  if (o.goals) add('goals.yaml', 'goals', o.goals, ws.goals);
  if (o.rubric) add('rubric.yaml', 'rubric', o.rubric, ws.rubric);
  if (o.config) add('align.yaml', 'config', o.config, ws.config);
  return out;
}

const NOTES: Partial<Record<FileKind, string>> = { session: 'one workshop and what it agreed; written by `align workshop`', goals: 'shared goals of sales and marketing' };

/** Validates, writes (or prints, with --dry-run), deletes the draft, commits; returns the exit code. */
export async function finish(base: Workspace, input: WorkshopInput, ours: Outcome, opts: FinishOptions, ctx: Context): Promise<number> {
  const problems = validateOutcome(ours, input);
  if (problems.length) {
    throw new InputError(problems.map((p) => ({ file: p.file, message: `${p.path.join('.')}: ${p.message}`, ...(p.hint ? { hint: p.hint } : {}) })), 'the answers lead to invalid files; nothing was written');
  }
  // `base` is the workspace as the session started from it; the files may have changed since.
  const { ws, outcome: o } = await mergeWithDisk(base, input, ours, opts.resolve ?? refuseConflicts, ctx);
  const files = plan(ws, o);
  const show = (rel: string) => relative(ctx.cwd, join(ws.root, rel)) || rel;
  if (opts.dryRun) {
    const previews = files.map((f) => ({ rel: f.rel, shown: show(f.rel), preview: { text: f.text, update: f.mode !== 'create' } }));
    ctx.stdout.write(RENDERERS[opts.format]({ dryRun: true, session: o.session.id, files: previews, commit: null }));
    println(ctx.stderr, `dry run: nothing written${opts.draftId ? `; the draft is kept (align workshop --resume)` : ''}`);
    return 0;
  }
  const paths = outcomePaths(o);
  let commit: string | null = null;
  let code = 0;
  // Locked from the write to the commit, so that the commit takes exactly what this run wrote.
  const locked = lockWorkspace(ws.root, 'workshop', ctx);
  try {
    // Changed in the moment between the merge and the write: the next run merges again.
    locked.write(files, opts.draftId ? 'run `align workshop --resume` to merge the session onto it as it is now' : 'run the workshop again to merge its changes onto it as it is now');
    if (opts.draftId) deleteDraft(ws.root, opts.draftId);
    if (opts.commit) {
      const r = await commitPaths({ dir: ws.root, env: ctx.env }, paths, commitMessage(o));
      if (r.ok) {
        commit = r.commit;
        println(ctx.stderr, `committed ${paths.length} file${paths.length === 1 ? '' : 's'} (${r.commit.slice(0, 7)}): ${terminalSafe(commitMessage(o).split('\n')[0]!)}`);
      } else {
        println(ctx.stderr, `align: the files are written but were not committed: ${terminalSafe(r.reason)}`);
        println(ctx.stderr, `commit them with:\n  ${terminalSafe(`cd ${shellQuote(ws.root)} && ${r.retry}`)}`);
        code = 1;
      }
    } else println(ctx.stderr, 'files written, not committed (--no-commit)');
  } finally {
    locked.release();
  }
  ctx.stdout.write(RENDERERS[opts.format]({ dryRun: false, session: o.session.id, files: paths.map((p) => ({ rel: p, shown: show(p) })), commit }));
  return code;
}
