import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { FILE_KINDS, type FileKind } from '../../core/schemas/index.js';
import { patchYaml, renderNewYaml } from '../../core/yaml/render.js';
import { writeAtomic, type Snapshot } from '../files/atomic.js';
import { schemaUrl } from '../package/info.js';

/** Creates a new workspace file (refusing to replace one), with its schema modeline. */
export function createYamlFile(root: string, rel: string, kind: FileKind, data: unknown, note?: string): void {
  const path = join(root, rel);
  mkdirSync(dirname(path), { recursive: true });
  writeAtomic(path, renderNewYaml(data, schemaUrl(FILE_KINDS[kind].jsonSchema), note));
}

/** Rewrites a workspace file read earlier with new data, keeping its comments; refuses if it changed since. */
export function updateYamlFile(root: string, rel: string, kind: FileKind, previous: { text: string; snapshot: Snapshot }, data: unknown): void {
  writeAtomic(join(root, rel), patchYaml(previous.text, data, schemaUrl(FILE_KINDS[kind].jsonSchema)), previous.snapshot);
}
