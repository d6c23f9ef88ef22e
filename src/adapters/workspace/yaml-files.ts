import { FILE_KINDS, type FileKind } from '../../core/schemas/index.js';
import { patchYaml, renderNewYaml } from '../../core/yaml/render.js';
import type { Snapshot } from '../files/atomic.js';
import type { FileWrite } from '../files/transaction.js';
import { schemaRef } from './editor-schemas.js';

/** A new workspace file (refused if one appears meanwhile), with its schema modeline (see editor-schemas.ts). */
export function newYamlFile(rel: string, kind: FileKind, data: unknown, note?: string): FileWrite {
  return { rel, text: renderNewYaml(data, schemaRef(rel, FILE_KINDS[kind].jsonSchema), note), mode: 'create' };
}

/** A workspace file read earlier, with new data, keeping its comments; refused if it changed since. */
export function updatedYamlFile(rel: string, kind: FileKind, previous: { text: string; snapshot: Snapshot }, data: unknown): FileWrite {
  return { rel, text: patchYaml(previous.text, data, schemaRef(rel, FILE_KINDS[kind].jsonSchema)), mode: previous.snapshot };
}
