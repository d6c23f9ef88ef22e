import { join } from 'node:path';
import type { z } from 'zod';
import type { Problem } from '../../core/errors.js';
import { checkGoalOwners, sessionRefsChecker } from '../../core/checks/cross-refs.js';
import { checkGoals, checkSession, checkTemplate } from '../../core/checks/files.js';
import { checkRubric } from '../../core/checks/rubric.js';
import { GoalsFileSchema, type GoalsFile } from '../../core/schemas/goals.js';
import { RubricSchema, type Rubric } from '../../core/schemas/rubric.js';
import { SessionSchema, type Session } from '../../core/schemas/session.js';
import { TemplateSchema, type Template } from '../../core/schemas/template.js';
import { WorkspaceConfigSchema, type WorkspaceConfig } from '../../core/schemas/workspace.js';
import type { PathProblem } from '../../core/yaml/issues.js';
import { loadYaml, locateInText, type DataCheck } from '../../core/yaml/load.js';
import { snapshotOf, type Snapshot } from '../files/atomic.js';
import { readWorkspaceBytes, yamlFilesIn } from './files.js';
import { pendingWrite } from './pending.js';

export { CONFIG_FILE, GOALS_FILE, RUBRIC_FILE, SESSIONS_DIR, TEMPLATES_DIR, findWorkspaceRoot, requireWorkspaceRoot } from './root.js';
import { CONFIG_FILE, GOALS_FILE, RUBRIC_FILE, SESSIONS_DIR, TEMPLATES_DIR } from './root.js';

/** A workspace file as read: its data, text and a snapshot for a safe later write. */
interface FileRead<T> {
  path: string; // relative to the workspace root
  data: T;
  text: string;
  snapshot: Snapshot;
}

export interface LoadResult<T> {
  path: string;
  file?: FileRead<T>;
  problems: Problem[];
  warnings: Problem[];
}

/** Reads and checks one workspace file (`rel` to the root); null when there is none. A file that cannot be read is a problem. */
export function readWorkspaceFile<T>(root: string, rel: string, schema: z.ZodType<T>, check?: DataCheck<T>): LoadResult<T> | null {
  const read = readWorkspaceBytes(root, rel);
  if (read.kind === 'missing') return null;
  if (read.kind === 'refused') return { path: rel, problems: [read.problem], warnings: [] };
  const loaded = loadYaml(rel, read.bytes, schema, check);
  if (!loaded.ok) return { path: rel, problems: loaded.problems, warnings: [] };
  const snapshot = snapshotOf(join(root, rel), read.bytes);
  return { path: rel, file: { path: rel, data: loaded.data, text: loaded.text, snapshot }, problems: [], warnings: loaded.warnings };
}

export interface Workspace {
  root: string;
  config?: FileRead<WorkspaceConfig>;
  goals?: FileRead<GoalsFile>;
  rubric?: FileRead<Rubric>;
  sessions: FileRead<Session>[];
  templates: FileRead<Template>[];
  /** Every file read, valid or not, relative to the root. */
  files: string[];
  problems: Problem[];
  warnings: Problem[];
}

/** Every workspace file, checked alone and against each other. Problems are collected, never thrown. */
export function loadWorkspace(root: string): Workspace {
  const ws: Workspace = { root, sessions: [], templates: [], files: [], problems: [], warnings: [] };
  const take = <T>(r: LoadResult<T> | null): FileRead<T> | undefined => {
    if (!r) return undefined;
    ws.files.push(r.path);
    ws.problems.push(...r.problems);
    ws.warnings.push(...r.warnings);
    return r.file;
  };
  const listed = (dir: string) => {
    const { files, problems } = yamlFilesIn(root, dir);
    ws.problems.push(...problems);
    return files;
  };
  // A write left half done: the files may disagree however each of them reads.
  const pending = pendingWrite(root);
  if (pending) ws.problems.push(pending);
  const config = readWorkspaceFile(root, CONFIG_FILE, WorkspaceConfigSchema);
  if (!config) ws.problems.push({ file: CONFIG_FILE, message: 'missing', hint: 'run `align init`' });
  ws.config = take(config);
  ws.goals = take(readWorkspaceFile(root, GOALS_FILE, GoalsFileSchema, checkGoals));
  ws.rubric = take(readWorkspaceFile(root, RUBRIC_FILE, RubricSchema, checkRubric));
  for (const rel of listed(SESSIONS_DIR)) {
    const s = take(readWorkspaceFile(root, rel, SessionSchema, checkSession));
    if (s) ws.sessions.push(s);
  }
  for (const rel of listed(TEMPLATES_DIR)) {
    const t = take(readWorkspaceFile(root, rel, TemplateSchema, checkTemplate));
    if (t) ws.templates.push(t);
  }
  crossCheck(ws);
  return ws;
}

function crossCheck(ws: Workspace): void {
  const add = (file: FileRead<unknown>, found: PathProblem[]) => {
    for (const p of locateInText(file.path, file.text, found)) (p.severity === 'warning' ? ws.warnings : ws.problems).push(p);
  };
  const seen = new Map<string, string>();
  for (const s of ws.sessions) {
    const first = seen.get(s.data.id);
    if (first) add(s, [{ path: ['id'], message: `duplicate session id "${s.data.id}" (also in ${first})`, hint: 'give each session its own id' }]);
    else seen.set(s.data.id, s.path);
  }
  const config = ws.config?.data;
  if (!config) return;
  if (ws.goals) add(ws.goals, checkGoalOwners(ws.goals.data, config));
  const refs = sessionRefsChecker(config);
  for (const s of ws.sessions) add(s, refs(s.data));
}
