import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gitignoreWithDrafts } from '../../core/init/files.js';
import { FILE_KINDS } from '../../core/schemas/index.js';
import type { WorkspaceConfig } from '../../core/schemas/workspace.js';
import { modeline } from '../../core/yaml/render.js';
import { readSnapshot, writeAtomic } from '../files/atomic.js';
import { PACKAGE_ROOT, schemaUrl } from '../package/info.js';
import { CONFIG_FILE, GOALS_FILE, RUBRIC_FILE, SESSIONS_DIR } from './root.js';
import { createYamlFile } from './yaml-files.js';

/** The workspace files a folder already holds: `align init` changes nothing where there are any. */
export function workspaceFilesIn(dir: string): string[] {
  return [CONFIG_FILE, GOALS_FILE, RUBRIC_FILE].filter((f) => existsSync(join(dir, f)));
}

/** A starter rubric shipped with align (templates/rubrics/<name>.yaml). */
export function starterRubric(name: string): string {
  return readFileSync(join(PACKAGE_ROOT, 'templates', 'rubrics', `${name}.yaml`), 'utf8');
}

/**
 * Writes a new workspace into `dir` (made when missing): align.yaml, an empty goals.yaml, the
 * starter rubric, sessions/ kept by a .gitkeep, and the drafts folder in .gitignore. Every file
 * is new or, for .gitignore, changed only if it was as read; returns the paths written.
 */
export function writeNewWorkspace(dir: string, config: WorkspaceConfig, rubricText: string): string[] {
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  createYamlFile(dir, CONFIG_FILE, 'config', config, 'organisation, teams and their members');
  written.push(CONFIG_FILE);
  createYamlFile(dir, GOALS_FILE, 'goals', { goals: [] }, 'shared goals of sales and marketing; `align workshop kickoff` adds them');
  written.push(GOALS_FILE);
  writeAtomic(join(dir, RUBRIC_FILE), `${modeline(schemaUrl(FILE_KINDS.rubric.jsonSchema))}\n${rubricText}`);
  written.push(RUBRIC_FILE);
  mkdirSync(join(dir, SESSIONS_DIR), { recursive: true });
  const keep = join(SESSIONS_DIR, '.gitkeep');
  if (!existsSync(join(dir, keep))) {
    writeAtomic(join(dir, keep), '');
    written.push(keep);
  }
  const ignore = readSnapshot(join(dir, '.gitignore'));
  const ignoreText = gitignoreWithDrafts(ignore.bytes ? ignore.bytes.toString('utf8') : null);
  if (ignoreText !== null) {
    writeAtomic(join(dir, '.gitignore'), ignoreText, ignore.snapshot);
    written.push('.gitignore');
  }
  return written;
}
