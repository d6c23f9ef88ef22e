import type { z } from 'zod';
import type { Context } from '../context.js';
import { InputError } from '../../core/errors.js';
import { conflictKey, mergeOutcome, MERGED_FILES, type FileConflict, type MergedFile, type Versions } from '../../core/merge/outcome.js';
import { indexPath, pathText, type Side } from '../../core/merge/three-way.js';
import { GoalsFileSchema } from '../../core/schemas/goals.js';
import { RubricSchema } from '../../core/schemas/rubric.js';
import { WorkspaceConfigSchema } from '../../core/schemas/workspace.js';
import type { Outcome } from '../../core/workshop/outcome.js';
import type { WorkshopInput } from '../../core/workshop/types.js';
import { loadYaml, locateInText } from '../../core/yaml/load.js';
import { snapshotOf } from '../files/atomic.js';
import { gitText, repoRoot } from '../git/run.js';
import { showFile } from '../git/repo.js';
import { readWorkspaceFile, type Workspace } from './load.js';
import { println } from '../terminal/style.js';
import { terminalSafe } from '../../core/text/terminal.js';
import { join } from 'node:path';

/** The text of each file a session may change, as the session first read it; null where there was none. */
export type BaseTexts = Partial<Record<MergedFile, string | null>>;

/** Asks which side each conflict keeps (by `conflictKey`), or throws to stop. */
export type Resolver = (conflicts: ShownConflict[]) => Promise<Record<string, Side>>;

/** A conflict with what a person needs to decide it: where their change came from. */
interface ShownConflict extends FileConflict {
  key: string;
  source: string;
  /** The file as it is now, to place the conflict in. */
  now?: { text: string; data: unknown };
}

const SCHEMAS: Record<MergedFile, z.ZodType<unknown>> = { 'goals.yaml': GoalsFileSchema, 'rubric.yaml': RubricSchema, 'align.yaml': WorkspaceConfigSchema };
const WS_KEY = MERGED_FILES;

export function baseTexts(ws: Workspace): BaseTexts {
  return Object.fromEntries((Object.keys(WS_KEY) as MergedFile[]).map((f) => [f, ws[WS_KEY[f]]?.text ?? null]));
}

/** The workspace as the session started from it: each file's recorded text in place of the file as it is now. */
export function workspaceAt(ws: Workspace, base: BaseTexts, from: string): Workspace {
  const out: Workspace = { ...ws };
  for (const file of Object.keys(WS_KEY) as MergedFile[]) {
    const text = base[file];
    const key = WS_KEY[file];
    if (text === undefined || text === ws[key]?.text) continue;
    if (text === null) {
      delete out[key];
      continue;
    }
    const loaded = loadYaml(file, Buffer.from(text, 'utf8'), SCHEMAS[file]);
    if (!loaded.ok) throw new InputError(loaded.problems.map((p) => ({ ...p, message: `${from}: ${p.message}` })), `the ${file} the session started from does not validate`);
    (out as unknown as Record<string, unknown>)[key] = { path: file, data: loaded.data, text: loaded.text, snapshot: snapshotOf(join(ws.root, file), null) };
  }
  return out;
}

/** The files at a git revision (answers files' `base:`), null where the revision had none. */
export async function baseAtRevision(root: string, rev: string, ctx: Context): Promise<BaseTexts> {
  const out: BaseTexts = {};
  for (const file of Object.keys(WS_KEY) as MergedFile[]) out[file] = await showFile({ dir: root, env: ctx.env }, rev, file);
  return out;
}

/**
 * The session's outcome merged onto the workspace files as they are now. `ws` is the
 * workspace as the session saw it (its base); the result holds the files as read now, whose
 * snapshots the write checks. Their changes the session did not touch are kept and said;
 * a value both changed goes to `resolve`.
 */
export async function mergeWithDisk(ws: Workspace, input: WorkshopInput, o: Outcome, resolve: Resolver, ctx: Context): Promise<{ ws: Workspace; outcome: Outcome }> {
  const now: Workspace = { ...ws };
  const versions = {} as Versions;
  for (const file of Object.keys(WS_KEY) as MergedFile[]) {
    const key = WS_KEY[file];
    const r = readWorkspaceFile(ws.root, file, SCHEMAS[file]);
    if (r?.problems.length) throw new InputError(r.problems, `${file} changed on disk while the session ran and does not validate now; fix it (\`align validate\`), then run \`align workshop --resume\``);
    if (r?.file) (now as unknown as Record<string, unknown>)[key] = r.file;
    else delete now[key];
    versions[file] = { base: ws[key]?.data, theirs: r?.file?.data };
  }
  const chosen: Record<string, Side> = {};
  const sources = new Map<MergedFile, string>();
  const source = async (file: MergedFile) => {
    if (!sources.has(file)) sources.set(file, await changeSource(ws.root, file, now[WS_KEY[file]]?.text ?? null, ctx));
    return sources.get(file)!;
  };
  for (;;) {
    const m = mergeOutcome(o, input, versions, chosen);
    if (!m.open.length) {
      await sayKept(m.kept, source, ctx);
      return { ws: now, outcome: m.outcome };
    }
    const shown = await Promise.all(
      m.open.map(async (c) => {
        const file = now[WS_KEY[c.file]];
        return { ...c, key: conflictKey(c), source: await source(c.file), ...(file ? { now: { text: file.text, data: file.data } } : {}) };
      }),
    );
    Object.assign(chosen, await resolve(shown));
  }
}

async function sayKept(kept: FileConflict[], source: (f: MergedFile) => Promise<string>, ctx: Context): Promise<void> {
  for (const file of new Set(kept.map((k) => k.file))) {
    println(ctx.stderr, terminalSafe(`${file} changed while the session ran (${await source(file)}); merged, and kept from it:`));
    for (const k of kept.filter((x) => x.file === file)) println(ctx.stderr, terminalSafe(`  ${pathText(k.path)}: ${valueText(k.base)} → ${valueText(k.theirs)}`));
  }
}

/** Where their version of a file comes from: the commit that last changed it, or a change not committed yet. */
async function changeSource(root: string, file: MergedFile, text: string | null, ctx: Context): Promise<string> {
  const repo = { dir: root, env: ctx.env };
  if ((await repoRoot(repo)) === null) return 'a change on disk';
  // No commit yet, or none with the file: there is nothing at HEAD to compare with.
  const atHead = await showFile(repo, 'HEAD', file).catch(() => null);
  if (text === null && atHead === null) return `${file} was removed`;
  if (atHead !== null && atHead === text) {
    const log = await gitText(repo, ['log', '-1', '--format=%h %an: %s', '--', file]).catch(() => '');
    const hash = log.split(' ')[0];
    return log ? `commit ${log}; see \`git show ${hash} -- ${file}\`` : `${file} as committed`;
  }
  return `a change not committed yet; see \`git diff -- ${file}\``;
}

/** A value on one line, as a person reads it; (none) for a value that is absent. */
export function valueText(v: unknown): string {
  if (v === undefined) return '(none)';
  if (typeof v === 'string') return v;
  const s = JSON.stringify(v);
  return s.length > 120 ? `${s.slice(0, 117)}...` : s;
}

/** Without a terminal, a conflict stops the workshop: exit 2, each conflict at its place in the file as it is now, nothing written. */
export const refuseConflicts: Resolver = async (conflicts) => {
  const problems = conflicts.flatMap((c) => {
    const message = c.problems
      ? `merged with the session's changes, the file would be invalid (${c.problems.join('; ')}); changed since by ${c.source}`
      : `the session changed it (${valueText(c.base)} → ${valueText(c.ours)}) and so did ${c.source} (${valueText(c.base)} → ${valueText(c.theirs)})`;
    const shown = c.problems ? message : `${pathText(c.path)}: ${message}`;
    // Placed in the file as it is now (a value only ours has, at its parent), and named by its path with list items by id.
    const placed = c.now ? locateInText(c.file, c.now.text, [{ path: c.problems ? [] : indexPath(c.path, c.now.data), message }]) : [];
    return placed.length ? placed.map((p) => ({ ...p, message: shown })) : [{ file: c.file, message: shown }];
  });
  throw new InputError(problems, 'a change made since the session began changed these values too; make the answers file agree with the files as they are now (or set `base:` to the commit the answers start from), then run the workshop again; nothing was written');
};
