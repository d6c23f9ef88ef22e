import { arch, release } from 'node:os';
import { shellQuote } from '../../core/text/shell-quote.js';
import { packageInfo } from './info.js';

/**
 * What a bug report needs about this run, one fact a line: align's version, Node's, the
 * operating system, and the command line as a shell would take it back.
 */
export function aboutThisRun(argv: readonly string[]): string[] {
  return [
    `align: ${version()}`,
    `Node.js: ${process.version}`,
    `OS: ${process.platform} ${release()} ${arch()}`,
    `command: ${['align', ...argv].map(shellQuote).join(' ')}`,
  ];
}

/** The package's version and name; a report is still printed when package.json cannot be read. */
function version(): string {
  try {
    const { name, version } = packageInfo();
    return `${version} (${name})`;
  } catch (err) {
    return `unknown (${err instanceof Error ? err.message : String(err)})`;
  }
}
