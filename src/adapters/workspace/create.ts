import { crmColumnsYaml } from '../../core/init/crm-columns.js';
import type { CrmName } from '../../core/leads/crm.js';
import { rubricFields } from '../../core/leads/places.js';
import { RubricSchema } from '../../core/schemas/rubric.js';
import { loadYaml } from '../../core/yaml/load.js';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gitignoreWithDrafts } from '../../core/init/files.js';
import { FILE_KINDS } from '../../core/schemas/index.js';
import type { WorkspaceConfig } from '../../core/schemas/workspace.js';
import { modeline } from '../../core/yaml/render.js';
import { readSnapshot } from '../files/atomic.js';
import { makeFolders, missingFolders, removeEmptyFolder } from '../files/folders.js';
import type { FileWrite } from '../files/transaction.js';
import { PACKAGE_ROOT } from '../package/info.js';
import { schemaRef } from './editor-schemas.js';
import { CONFIG_FILE, GOALS_FILE, RUBRIC_FILE, SESSIONS_DIR } from './root.js';
import type { LockedWorkspace } from './writing.js';
import { newYamlFile } from './yaml-files.js';

/** The workspace files a folder already holds: `align init` changes nothing where there are any. */
export function workspaceFilesIn(dir: string): string[] {
  return [CONFIG_FILE, GOALS_FILE, RUBRIC_FILE].filter((f) => existsSync(join(dir, f)));
}

/** A starter rubric shipped with align (templates/rubrics/<name>.yaml). */
export function starterRubric(name: string): string {
  return readFileSync(join(PACKAGE_ROOT, 'templates', 'rubrics', `${name}.yaml`), 'utf8');
}

/** The CRM's starter rubric (templates/rubrics/<crm>.yaml), ended with the `columns:` its fields are read from in that CRM's export. */
export function crmStarterRubric(crm: CrmName): string {
  const text = starterRubric(crm);
  const loaded = loadYaml(`${crm}.yaml`, Buffer.from(text), RubricSchema);
  if (!loaded.ok) throw new Error(`bug: the ${crm} starter rubric does not load`);
  return `${text}${crmColumnsYaml(crm, rubricFields(loaded.data))}`;
}

/** Makes the folder a new workspace goes in, when it is missing; returns what takes it away again while it is empty. */
export function makeWorkspaceFolder(dir: string): () => void {
  const made = missingFolders(dir);
  makeFolders(made);
  return () => {
    for (const d of [...made].reverse()) removeEmptyFolder(d);
  };
}

/**
 * Writes a new workspace into `dir`, all together (the workspace locked): align.yaml, an empty
 * goals.yaml, the starter rubric, sessions/ kept by a .gitkeep, and the drafts folder in
 * .gitignore. Every file is new or, for .gitignore, changed only if it was as read; returns
 * the paths written.
 */
export function writeNewWorkspace(ws: LockedWorkspace, dir: string, config: WorkspaceConfig, rubricText: string): string[] {
  const files: FileWrite[] = [
    newYamlFile(CONFIG_FILE, 'config', config, 'organisation, teams and their members'),
    newYamlFile(GOALS_FILE, 'goals', { goals: [] }, 'shared goals of sales and marketing; `align workshop kickoff` adds them'),
    { rel: RUBRIC_FILE, text: `${modeline(schemaRef(RUBRIC_FILE, FILE_KINDS.rubric.jsonSchema))}\n${rubricText}`, mode: 'create' },
  ];
  const keep = `${SESSIONS_DIR}/.gitkeep`;
  if (!existsSync(join(dir, keep))) files.push({ rel: keep, text: '', mode: 'create' });
  const ignore = readSnapshot(join(dir, '.gitignore'));
  const ignoreText = gitignoreWithDrafts(ignore.bytes ? ignore.bytes.toString('utf8') : null);
  if (ignoreText !== null) files.push({ rel: '.gitignore', text: ignoreText, mode: ignore.snapshot });
  ws.write(files, 'run `align init` again once nothing else is creating the workspace');
  return files.map((f) => f.rel);
}
