import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { FILE_KINDS } from '../../core/schemas/index.js';
import { readIfExists, writeAtomic } from '../files/atomic.js';
import { makeFolders, missingFolders } from '../files/folders.js';
import { insideRoot } from '../files/inside.js';
import { PACKAGE_ROOT, schemaUrl } from '../package/info.js';
import { ALIGN_DIR } from './root.js';

/**
 * The JSON Schemas of the workspace's files, kept in the workspace for editors: the modeline of
 * every file align writes names its schema here, by a path relative to the file, so an editor
 * finds it without a network. Git-ignored with the rest of .align/; rewritten whenever align
 * writes the workspace, so they are those of the align that last wrote it.
 */
export const EDITOR_SCHEMAS_DIR = `${ALIGN_DIR}/schemas`;

/** What a workspace file's modeline names: its schema in EDITOR_SCHEMAS_DIR, relative to the file (`rel`, from the workspace root). */
export function schemaRef(rel: string, jsonSchema: string): string {
  const path = posix.relative(posix.dirname(rel), `${EDITOR_SCHEMAS_DIR}/${jsonSchema}`);
  return path.startsWith('../') ? path : `./${path}`;
}

/**
 * Writes the installed package's schemas into the workspace, each with its `$id` the address
 * where the same version is published; a file that already holds it is left alone.
 */
export function writeEditorSchemas(root: string): void {
  const dir = insideRoot(root, EDITOR_SCHEMAS_DIR);
  makeFolders(missingFolders(dir));
  for (const { jsonSchema } of Object.values(FILE_KINDS)) {
    const shipped = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'schemas', jsonSchema), 'utf8')) as Record<string, unknown>;
    const text = `${JSON.stringify({ $id: schemaUrl(jsonSchema), ...shipped }, null, 2)}\n`;
    const path = join(dir, jsonSchema);
    if (readIfExists(path)?.toString('utf8') !== text) writeAtomic(path, text, 'replace');
  }
}
