import { join } from 'node:path';
import type { Problem } from '../../core/errors.js';
import { MAX_FILE_BYTES } from '../../core/yaml/limits.js';
import { listChecked, readChecked, type ReadOutcome } from '../files/read.js';

/**
 * A workspace file (`rel` to the root), read by the workspace's rules: a regular file of at most
 * 1 MiB, inside the workspace once its links are resolved. Every command reads them this way.
 */
export function readWorkspaceBytes(root: string, rel: string): ReadOutcome {
  return readChecked(join(root, rel), rel, { maxBytes: MAX_FILE_BYTES, inside: root });
}

/**
 * The YAML files of a workspace folder (sessions/, templates/), relative to the root and sorted,
 * the same ones for every command. A folder that is not there has none; one that cannot be
 * listed (a link out of the workspace or to nothing, no permission, a file) is a problem.
 */
export function yamlFilesIn(root: string, dir: string): { files: string[]; problems: Problem[] } {
  const listed = listChecked(join(root, dir), dir, { inside: root });
  if (listed.kind === 'missing') return { files: [], problems: [] };
  if (listed.kind === 'refused') return { files: [], problems: [listed.problem] };
  return { files: yamlNames(listed.names).map((f) => `${dir}/${f}`), problems: [] };
}

/** The names of YAML files among a folder's, sorted; hidden ones (editors' swap files) are not. */
export function yamlNames(names: string[]): string[] {
  return names.filter((f) => /\.ya?ml$/.test(f) && !f.startsWith('.')).sort();
}
