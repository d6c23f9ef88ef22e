import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Locale } from '../../core/values/locale.js';
import { CONFIG_FILE } from './root.js';
import { readConfig } from './templates.js';

/** align.yaml's `defaults.locale`; undefined where there is no align.yaml or it sets none. */
export function configuredLocale(root: string | null): Locale | undefined {
  if (root === null || !existsSync(join(root, CONFIG_FILE))) return undefined;
  return readConfig(root).defaults?.locale;
}
