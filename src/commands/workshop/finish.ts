import { join, relative } from 'node:path';
import type { Context } from '../../adapters/context.js';
import { InputError } from '../../core/errors.js';
import { FILE_KINDS, type FileKind } from '../../core/schemas/index.js';
import type { Outcome } from '../../core/workshop/outcome.js';
import { validateOutcome } from '../../core/workshop/outcome.js';
import { commitMessage, outcomePaths } from '../../core/workshop/summary.js';
import type { WorkshopInput } from '../../core/workshop/types.js';
import { patchYaml, renderNewYaml } from '../../core/yaml/render.js';
import { deleteDraft } from '../../adapters/workspace/drafts.js';
import { hashOf, readIfExists, } from '../../adapters/files/atomic.js';
import { commitPaths, shellQuote } from '../../adapters/git/repo.js';
import { schemaUrl } from '../../adapters/package/info.js';
import { println } from '../../adapters/terminal/style.js';
import { terminalSafe } from '../../core/text/terminal.js';
import { jsonDocument } from '../../core/output/json.js';
import { DOCUMENTS } from '../../core/output/documents.js';
import type { Workspace } from '../../adapters/workspace/load.js';
import { createYamlFile, updateYamlFile } from '../../adapters/workspace/yaml-files.js';

export interface FinishOptions {
  commit: boolean;
  dryRun: boolean;
  format: 'text' | 'json';
  draftId?: string;
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

interface PlannedFile {
  rel: string;
  kind: FileKind;
  data: unknown;
  previous?: { text: string; snapshot: { path: string; hash: string | null } };
}

/** The files to write: the new session record, and each workspace file the session changed. */
function plan(ws: Workspace, o: Outcome): PlannedFile[] {
  const out: PlannedFile[] = [{ rel: o.sessionPath, kind: 'session', data: o.session }];
  const add = (rel: string, kind: FileKind, data: unknown, prev: Workspace['goals' | 'rubric' | 'config']) =>
    out.push({ rel, kind, data, ...(prev ? { previous: { text: prev.text, snapshot: prev.snapshot } } : {}) });
  if (o.goals) add('goals.yaml', 'goals', o.goals, ws.goals);
  if (o.rubric) add('rubric.yaml', 'rubric', o.rubric, ws.rubric);
  if (o.config) add('align.yaml', 'config', o.config, ws.config);
  return out;
}

const NOTES: Partial<Record<FileKind, string>> = { session: 'one workshop and what it agreed; written by `align workshop`', goals: 'shared goals of sales and marketing' };

/** Validates, writes (or prints, with --dry-run), deletes the draft, commits; returns the exit code. */
export async function finish(ws: Workspace, input: WorkshopInput, o: Outcome, opts: FinishOptions, ctx: Context): Promise<number> {
  const problems = validateOutcome(o, input);
  if (problems.length) {
    throw new InputError(problems.map((p) => ({ file: p.file, message: `${p.path.join('.')}: ${p.message}`, ...(p.hint ? { hint: p.hint } : {}) })), 'the answers lead to invalid files; nothing was written');
  }
  const files = plan(ws, o);
  const show = (rel: string) => relative(ctx.cwd, join(ws.root, rel)) || rel;
  if (opts.dryRun) {
    const previews = files.map((f) => {
      const url = schemaUrl(FILE_KINDS[f.kind].jsonSchema);
      const text = f.previous ? patchYaml(f.previous.text, f.data, url) : renderNewYaml(f.data, url, NOTES[f.kind]);
      return { rel: f.rel, shown: show(f.rel), preview: { text, update: f.previous !== undefined } };
    });
    ctx.stdout.write(RENDERERS[opts.format]({ dryRun: true, session: o.session.id, files: previews, commit: null }));
    println(ctx.stderr, `dry run: nothing written${opts.draftId ? `; the draft is kept (align workshop --resume)` : ''}`);
    return 0;
  }
  // Check every file before writing any, so a refusal leaves the workspace as it was.
  for (const f of files) {
    const now = readIfExists(join(ws.root, f.rel));
    const expected = f.previous?.snapshot.hash ?? null;
    if ((now ? hashOf(now) : null) !== expected) {
      throw new InputError([{ file: f.rel, message: f.previous ? 'changed on disk during the workshop; nothing was written' : 'appeared on disk during the workshop; nothing was written' }], opts.draftId ? 'look at the change (git diff), then run `align workshop --resume` to finish' : 'look at the change (git diff), then run the workshop again');
    }
  }
  for (const f of files) {
    if (f.previous) updateYamlFile(ws.root, f.rel, f.kind, f.previous, f.data);
    else createYamlFile(ws.root, f.rel, f.kind, f.data, NOTES[f.kind]);
  }
  if (opts.draftId) deleteDraft(ws.root, opts.draftId);
  const paths = outcomePaths(o);
  let commit: string | null = null;
  let code = 0;
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
  ctx.stdout.write(RENDERERS[opts.format]({ dryRun: false, session: o.session.id, files: paths.map((p) => ({ rel: p, shown: show(p) })), commit }));
  return code;
}
