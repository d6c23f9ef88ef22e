import { createHash } from 'node:crypto';
import { checkGoalOwners, sessionRefsChecker } from '../../core/checks/cross-refs.js';
import { checkGoals, checkSession, checkTemplate } from '../../core/checks/files.js';
import { checkRubric } from '../../core/checks/rubric.js';
import { GoalsFileSchema, type GoalsFile } from '../../core/schemas/goals.js';
import { RubricSchema, type Rubric } from '../../core/schemas/rubric.js';
import { SessionSchema, type Session } from '../../core/schemas/session.js';
import { TemplateSchema } from '../../core/schemas/template.js';
import { WorkspaceConfigSchema, type WorkspaceConfig } from '../../core/schemas/workspace.js';
import { loadYaml } from '../../core/yaml/load.js';
import { readGitCache, writeGitCache } from '../git/cache.js';
import { CONFIG_FILE, GOALS_FILE, RUBRIC_FILE, SESSIONS_DIR, TEMPLATES_DIR, loadWorkspace, readWorkspaceFile } from './load.js';
import { readWorkspaceBytes, yamlFilesIn } from './files.js';
import { InputError } from '../../core/errors.js';
import { pendingWrite } from './pending.js';

/** The data of a workspace that checked clean, for commands that only read it (export, status). */
export interface CleanWorkspace {
  config: WorkspaceConfig;
  goals: GoalsFile | null;
  rubric: Rubric | null;
  sessions: Session[];
}

interface SessionCache {
  v: 1;
  /** Checked session records by the sha-1 of the file's bytes. */
  sessions: Record<string, Session>;
}

const CACHE_FILE = 'align-sessions.json';

/**
 * The workspace's data when every file checks clean, or null when something does not (the
 * caller then loads it the full way, which locates every problem). Session files are by far
 * the most numerous and never change once written, so each one's checked record is kept in
 * the git folder by the hash of its bytes: a file is still read and hashed on every run, and
 * parsed and checked again whenever its bytes change. Every cross-file check runs every time.
 */
function loadCleanWorkspace(root: string): CleanWorkspace | null {
  if (pendingWrite(root)) return null;
  const file = <T>(rel: string, schema: Parameters<typeof readWorkspaceFile<T>>[2], check?: Parameters<typeof readWorkspaceFile<T>>[3]) => {
    const r = readWorkspaceFile<T>(root, rel, schema, check);
    return r === null ? { ok: true as const, data: null } : r.file && r.problems.length === 0 ? { ok: true as const, data: r.file.data } : { ok: false as const, data: null };
  };
  const config = file(CONFIG_FILE, WorkspaceConfigSchema);
  const goals = file(GOALS_FILE, GoalsFileSchema, checkGoals);
  const rubric = file(RUBRIC_FILE, RubricSchema, checkRubric);
  if (!config.ok || !config.data || !goals.ok || !rubric.ok) return null;
  const templates = yamlFilesIn(root, TEMPLATES_DIR);
  const sessionFiles = yamlFilesIn(root, SESSIONS_DIR);
  if (templates.problems.length || sessionFiles.problems.length) return null;
  for (const rel of templates.files) if (!file(rel, TemplateSchema, checkTemplate).ok) return null;

  const cache = readGitCache(root, CACHE_FILE, isSessionCache) ?? emptyCache();
  const next: SessionCache = emptyCache();
  const sessions: Session[] = [];
  const ids = new Set<string>();
  const refs = sessionRefsChecker(config.data);
  let missed = false;
  for (const rel of sessionFiles.files) {
    const read = readWorkspaceBytes(root, rel);
    // Listed, then gone or unreadable: the full loader says which and why.
    if (read.kind !== 'read') return null;
    const { bytes } = read;
    const key = createHash('sha1').update(bytes).digest('hex');
    let data = cache.sessions[key];
    if (!data) {
      missed = true;
      const loaded = loadYaml(rel, bytes, SessionSchema, checkSession);
      if (!loaded.ok) return null;
      data = loaded.data;
    }
    if (ids.has(data.id) || refs(data).some((p) => p.severity !== 'warning')) return null;
    ids.add(data.id);
    next.sessions[key] = data;
    sessions.push(data);
  }
  if (goals.data && checkGoalOwners(goals.data, config.data).some((p) => p.severity !== 'warning')) return null;
  // Written only when something was new, and only for the files there now: it never outgrows the workspace.
  if (missed || Object.keys(cache.sessions).length !== sessions.length) writeGitCache(root, CACHE_FILE, next);
  return { config: config.data, goals: goals.data, rubric: rubric.data, sessions };
}

function emptyCache(): SessionCache {
  return { v: 1, sessions: {} };
}

function isSessionCache(c: unknown): c is SessionCache {
  return typeof c === 'object' && c !== null && (c as SessionCache).v === 1 && typeof (c as SessionCache).sessions === 'object';
}

/**
 * The workspace's data, or an InputError listing every problem: a summary of broken files would
 * mislead. The cached path answers a clean workspace; the full loader locates what is wrong.
 */
export function readValidWorkspace(root: string, command: string): CleanWorkspace {
  const clean = loadCleanWorkspace(root);
  if (clean) return clean;
  const ws = loadWorkspace(root);
  if (ws.problems.length || !ws.config) throw new InputError(ws.problems, `fix these (\`align validate\` lists them), then run \`align ${command}\` again`);
  return { config: ws.config.data, goals: ws.goals?.data ?? null, rubric: ws.rubric?.data ?? null, sessions: ws.sessions.map((s) => s.data) };
}
