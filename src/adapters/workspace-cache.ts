import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { checkGoalOwners, checkSessionRefs } from '../core/checks/cross-refs.js';
import { checkSession, checkTemplate } from '../core/checks/files.js';
import { checkRubric } from '../core/checks/rubric.js';
import { checkGoals } from '../core/checks/files.js';
import { GoalsFileSchema, type GoalsFile } from '../core/schemas/goals.js';
import { RubricSchema, type Rubric } from '../core/schemas/rubric.js';
import { SessionSchema, type Session } from '../core/schemas/session.js';
import { TemplateSchema } from '../core/schemas/template.js';
import { WorkspaceConfigSchema, type WorkspaceConfig } from '../core/schemas/workspace.js';
import { loadYaml } from '../core/yaml/load.js';
import { packageInfo } from './package-info.js';
import { CONFIG_FILE, GOALS_FILE, RUBRIC_FILE, SESSIONS_DIR, TEMPLATES_DIR, readWorkspaceFile } from './workspace.js';

/** The data of a workspace that checked clean, for commands that only read it (export, status). */
export interface CleanWorkspace {
  config: WorkspaceConfig;
  goals: GoalsFile | null;
  rubric: Rubric | null;
  sessions: Session[];
}

interface SessionCache {
  v: 1;
  /** The align version that checked the records: another version may check them differently. */
  align: string;
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
export function loadCleanWorkspace(root: string): CleanWorkspace | null {
  const file = <T>(rel: string, schema: Parameters<typeof readWorkspaceFile<T>>[2], check?: Parameters<typeof readWorkspaceFile<T>>[3]) => {
    const r = readWorkspaceFile<T>(root, rel, schema, check);
    return r === null ? { ok: true as const, data: null } : r.file && r.problems.length === 0 ? { ok: true as const, data: r.file.data } : { ok: false as const, data: null };
  };
  const config = file(CONFIG_FILE, WorkspaceConfigSchema);
  const goals = file(GOALS_FILE, GoalsFileSchema, checkGoals);
  const rubric = file(RUBRIC_FILE, RubricSchema, checkRubric);
  if (!config.ok || !config.data || !goals.ok || !rubric.ok) return null;
  for (const rel of yamlFiles(root, TEMPLATES_DIR)) if (!file(rel, TemplateSchema, checkTemplate).ok) return null;

  const gitDir = findGitDir(root);
  const cache = gitDir ? readCache(join(gitDir, CACHE_FILE)) : emptyCache();
  const next: SessionCache = emptyCache();
  const sessions: Session[] = [];
  const ids = new Set<string>();
  let missed = false;
  for (const rel of yamlFiles(root, SESSIONS_DIR)) {
    const bytes = readFileSync(join(root, rel));
    const key = createHash('sha1').update(bytes).digest('hex');
    let data = cache.sessions[key];
    if (!data) {
      missed = true;
      const loaded = loadYaml(rel, bytes, SessionSchema, checkSession);
      if (!loaded.ok) return null;
      data = loaded.data;
    }
    if (ids.has(data.id) || checkSessionRefs(data, config.data).some((p) => p.severity !== 'warning')) return null;
    ids.add(data.id);
    next.sessions[key] = data;
    sessions.push(data);
  }
  if (goals.data && checkGoalOwners(goals.data, config.data).some((p) => p.severity !== 'warning')) return null;
  // Written only when something was new, and only for the files there now: it never outgrows the workspace.
  if (gitDir && (missed || Object.keys(cache.sessions).length !== sessions.length)) writeCache(join(gitDir, CACHE_FILE), next);
  return { config: config.data, goals: goals.data, rubric: rubric.data, sessions };
}

function emptyCache(): SessionCache {
  return { v: 1, align: packageInfo().version, sessions: {} };
}

function readCache(path: string): SessionCache {
  try {
    const c = JSON.parse(readFileSync(path, 'utf8')) as SessionCache;
    if (c && c.v === 1 && c.align === packageInfo().version && typeof c.sessions === 'object') return c;
  } catch {
    // absent or damaged: rebuilt from the files
  }
  return emptyCache();
}

/** Best effort and atomic: a read-only repository goes without a cache. */
function writeCache(path: string, cache: SessionCache): void {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, JSON.stringify(cache));
    renameSync(tmp, path);
  } catch {
    // not worth failing a read-only command for
  }
}

/** The repository's git folder without a process: `.git` is a folder, or a file naming it (worktrees). */
function findGitDir(root: string): string | null {
  for (let dir = resolve(root); ; dir = dirname(dir)) {
    const dotGit = join(dir, '.git');
    if (existsSync(dotGit)) {
      if (statSync(dotGit).isDirectory()) return dotGit;
      const m = /^gitdir: (.+)$/m.exec(readFileSync(dotGit, 'utf8'));
      return m ? resolve(dir, m[1]!.trim()) : null;
    }
    if (dirname(dir) === dir) return null;
  }
}

/** The same files, in the same order, as loadWorkspace reads. */
function yamlFiles(root: string, dir: string): string[] {
  const abs = join(root, dir);
  if (!existsSync(abs) || !statSync(abs).isDirectory()) return [];
  return readdirSync(abs).filter((f) => /\.ya?ml$/.test(f) && !f.startsWith('.')).sort().map((f) => `${dir}/${f}`);
}
