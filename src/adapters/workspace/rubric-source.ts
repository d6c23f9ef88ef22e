import { isAbsolute, relative, resolve } from 'node:path';
import { InputError, UserError } from '../../core/errors.js';
import { checkRubric } from '../../core/checks/rubric.js';
import { RubricSchema, type Rubric } from '../../core/schemas/rubric.js';
import { MAX_FILE_BYTES } from '../../core/yaml/limits.js';
import { loadYaml } from '../../core/yaml/load.js';
import { namedFileRules, type ReadOutcome, readChecked, refusedError } from '../files/read.js';
import { showFile } from '../git/repo.js';
import type { Repo } from '../git/run.js';
import { readWorkspaceBytes } from './files.js';
import { RUBRIC_FILE } from './load.js';

export interface RubricVersion {
  /** How the version is named in messages: a path, or REV:PATH. */
  label: string;
  rubric: Rubric;
  text: string;
}

/**
 * Reads a rubric named the way users name one: a file path; `REV:PATH` (a file at a
 * git revision); a bare revision (`HEAD~1`, a tag) meaning rubric.yaml at that revision;
 * or nothing, meaning the workspace's rubric.yaml as it is on disk.
 */
/** Where a rubric is looked for: the folder align runs in, the workspace root, and the environment git runs with. */
export interface RubricPlace {
  cwd: string;
  root: string;
  env: NodeJS.ProcessEnv;
}

export async function readRubric(spec: string | undefined, place: RubricPlace): Promise<RubricVersion> {
  const source = await readRubricSource(spec, place);
  return parse(source.label, source.bytes);
}

/** The rubric's bytes, named the same ways as readRubric, not yet parsed. */
export async function readRubricSource(spec: string | undefined, place: RubricPlace): Promise<{ label: string; bytes: Uint8Array }> {
  const { cwd, root, env } = place;
  if (spec === undefined) return fromFile(readWorkspaceBytes(root, RUBRIC_FILE), RUBRIC_FILE);
  if (spec.trim() === '') throw new UserError('no rubric named: expected a rubric file, REV:PATH or a git revision', 'for example rubric.yaml, HEAD~1 or HEAD~1:rubric.yaml');
  // Whatever is at the path is the rubric meant, a folder too: it is refused rather than taken for a revision.
  const asPath = resolve(cwd, spec);
  const label = displayPath(asPath, cwd);
  const read = readChecked(asPath, label, namedFileRules(asPath, root, MAX_FILE_BYTES));
  if (read.kind !== 'missing') return fromFile(read, label);
  const colon = spec.indexOf(':');
  if (colon > 0) return fromRevision({ dir: cwd, env }, spec.slice(0, colon), spec.slice(colon + 1) || RUBRIC_FILE);
  if (/\.(ya?ml)$/i.test(spec)) throw new UserError(`no such rubric file: ${spec}`, 'give a path to a rubric YAML file, a git revision, or REV:PATH');
  return fromRevision({ dir: root, env }, spec, RUBRIC_FILE);
}

function fromFile(read: ReadOutcome, label: string): { label: string; bytes: Uint8Array } {
  if (read.kind === 'missing') throw new UserError(`no rubric at ${label}`, 'run `align init` to start one, or pass the path of a rubric file');
  if (read.kind === 'refused') throw refusedError(read, 'the rubric', 'name a rubric file, REV:PATH or a git revision');
  return { label, bytes: read.bytes };
}

async function fromRevision(repo: Repo, rev: string, path: string): Promise<{ label: string; bytes: Uint8Array }> {
  const text = await showFile(repo, rev, path);
  if (text === null) throw new UserError(`${path} does not exist at ${rev}`, 'see `align rubric log` for the revisions that have a rubric');
  return { label: `${rev}:${path}`, bytes: Buffer.from(text, 'utf8') };
}

function parse(label: string, bytes: Uint8Array): RubricVersion {
  const loaded = loadYaml(label, bytes, RubricSchema, checkRubric);
  if (!loaded.ok) throw new InputError(loaded.problems, 'fix the rubric, then run the command again (`align validate` checks the whole workspace)');
  return { label, rubric: loaded.data, text: loaded.text };
}

function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}
