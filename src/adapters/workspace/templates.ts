import { join } from 'node:path';
import { InputError, UserError, type Problem } from '../../core/errors.js';
import { WorkspaceConfigSchema, type WorkspaceConfig } from '../../core/schemas/workspace.js';
import { rememberSourceText } from '../../core/agenda/source-text.js';
import { checkTemplate } from '../../core/checks/files.js';
import { TemplateSchema, type Template } from '../../core/schemas/template.js';
import { loadYaml } from '../../core/yaml/load.js';
import { MAX_FILE_BYTES } from '../../core/yaml/limits.js';
import { listChecked, readChecked, type ReadOutcome } from '../files/read.js';
import { PACKAGE_ROOT } from '../package/info.js';
import { readWorkspaceBytes, yamlFilesIn, yamlNames } from './files.js';
import { CONFIG_FILE, readWorkspaceFile, TEMPLATES_DIR } from './load.js';

export interface TemplateEntry {
  template: Template;
  source: 'built-in' | 'workspace';
  /** The path shown in messages: relative to the workspace root, or the built-in's path in the package. */
  file: string;
}

export const BUILT_IN_DIR = join(PACKAGE_ROOT, 'templates', 'agendas');

/** Built-in templates, overridden by the workspace's templates/ files with the same id; sorted by id. */
export function listTemplates(root: string | null): TemplateEntry[] {
  const byId = new Map<string, TemplateEntry>();
  for (const e of readDir(builtInFiles(), 'built-in')) byId.set(e.template.id, e);
  if (root) {
    const seen = new Map<string, string>();
    for (const e of readDir(workspaceFiles(root), 'workspace')) {
      const first = seen.get(e.template.id);
      if (first) {
        throw new UserError(`two workspace templates have the id "${e.template.id}": ${first} and ${e.file}`, 'give each template in templates/ its own id');
      }
      seen.set(e.template.id, e.file);
      byId.set(e.template.id, e);
    }
  }
  return [...byId.values()].sort((a, b) => a.template.id.localeCompare(b.template.id));
}

export function getTemplate(root: string | null, id: string): TemplateEntry {
  const all = listTemplates(root);
  const found = all.find((e) => e.template.id === id);
  if (!found) {
    throw new UserError(`no template "${id}"; known templates: ${all.map((e) => e.template.id).join(', ')}`, 'run `align templates` to see them, or add templates/<id>.yaml to the workspace');
  }
  return found;
}

/** Template files to read: each one's path in messages and how it reads, and the problems of listing them. */
interface TemplateFiles {
  files: { file: string; read: () => ReadOutcome }[];
  problems: Problem[];
}

/** The workspace's templates/, read by the rules of every workspace file. */
function workspaceFiles(root: string): TemplateFiles {
  const { files, problems } = yamlFilesIn(root, TEMPLATES_DIR);
  return { files: files.map((file) => ({ file, read: () => readWorkspaceBytes(root, file) })), problems };
}

/** The package's templates, by the same reader; their paths are the package's. */
function builtInFiles(): TemplateFiles {
  const listed = listChecked(BUILT_IN_DIR, BUILT_IN_DIR);
  if (listed.kind !== 'listed') return { files: [], problems: listed.kind === 'refused' ? [listed.problem] : [] };
  return {
    files: yamlNames(listed.names).map((name) => {
      const file = join(BUILT_IN_DIR, name);
      return { file, read: () => readChecked(file, file, { maxBytes: MAX_FILE_BYTES }) };
    }),
    problems: [],
  };
}

/** Every template file of a folder; any invalid one stops the command with every problem located. */
function readDir(dir: TemplateFiles, source: TemplateEntry['source']): TemplateEntry[] {
  const entries: TemplateEntry[] = [];
  const problems: Problem[] = [...dir.problems];
  for (const { file, read } of dir.files) {
    const bytes = read();
    if (bytes.kind !== 'read') {
      if (bytes.kind === 'refused') problems.push(bytes.problem);
      continue;
    }
    const loaded = loadYaml(file, bytes.bytes, TemplateSchema, checkTemplate);
    if (!loaded.ok) {
      problems.push(...loaded.problems);
      continue;
    }
    rememberSourceText(loaded.data, loaded.text);
    entries.push({ template: loaded.data, source, file });
  }
  if (problems.length) {
    throw new InputError(problems, source === 'workspace' ? 'fix the template (`align templates show kickoff --format json` shows a valid one), or move it out of templates/' : 'this is a bug in align: a built-in template is invalid');
  }
  return entries;
}

/** align.yaml of a workspace, for the placeholders; a broken one stops the command. */
export function readConfig(root: string): WorkspaceConfig {
  const r = readWorkspaceFile(root, CONFIG_FILE, WorkspaceConfigSchema);
  if (!r?.file) throw new InputError(r?.problems ?? [{ file: CONFIG_FILE, message: 'missing' }], 'fix align.yaml (`align validate` checks every file), then run the command again');
  return r.file.data;
}
