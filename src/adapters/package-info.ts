import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The installed package's own folder (holds templates/ and schemas/). */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

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
