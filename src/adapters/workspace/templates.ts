import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { InputError, UserError, type Problem } from '../../core/errors.js';
import { WorkspaceConfigSchema, type WorkspaceConfig } from '../../core/schemas/workspace.js';
import { rememberSourceText } from '../../core/agenda/source-text.js';
import { checkTemplate } from '../../core/checks/files.js';
import { TemplateSchema, type Template } from '../../core/schemas/template.js';
import { loadYaml } from '../../core/yaml/load.js';
import { PACKAGE_ROOT } from '../package/info.js';
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
  for (const e of readDir(BUILT_IN_DIR, 'built-in')) byId.set(e.template.id, e);
  if (root) {
    const seen = new Map<string, string>();
    for (const e of readDir(join(root, TEMPLATES_DIR), 'workspace')) {
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

/** Every template file of a folder; any invalid one stops the command with every problem located. */
function readDir(dir: string, source: TemplateEntry['source']): TemplateEntry[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
  const entries: TemplateEntry[] = [];
  const problems: Problem[] = [];
  for (const name of readdirSync(dir).filter((f) => /\.ya?ml$/.test(f) && !f.startsWith('.')).sort()) {
    const abs = join(dir, name);
    const file = source === 'workspace' ? join(TEMPLATES_DIR, name) : abs;
    const loaded = loadYaml(file, readFileSync(abs), TemplateSchema, checkTemplate);
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
