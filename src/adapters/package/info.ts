import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The installed package's own folder (holds templates/, schemas/ and examples/): the nearest folder above
 * this code with a package.json, so it is the same from the bundle and from the tsc output.
 */
export const PACKAGE_ROOT = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

function findPackageRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return `${dir}/`;
    if (dirname(dir) === dir) throw new Error(`align cannot find its package.json above ${start}`);
  }
}

/** Where to find an answers file for each built-in template, in the words of a hint. */
export function answersExamplesHint(): string {
  return `an answers file for each built-in template is in ${PACKAGE_ROOT}examples/ (the format: docs/workshop.md, "The answers file")`;
}

let cached: { name: string; version: string } | undefined;
export function packageInfo(): { name: string; version: string } {
  cached ??= JSON.parse(readFileSync(`${PACKAGE_ROOT}package.json`, 'utf8')) as { name: string; version: string };
  return cached;
}

/** Where editors fetch a shipped JSON Schema from; the same file is in the package's schemas/ folder. */
export function schemaUrl(file: string): string {
  const { name, version } = packageInfo();
  return `https://unpkg.com/${name}@${version}/schemas/${file}`;
}
