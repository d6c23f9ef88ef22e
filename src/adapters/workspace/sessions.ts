import { checkSession } from '../../core/checks/files.js';
import { SessionSchema, type Session } from '../../core/schemas/session.js';
import { yamlFilesIn } from './files.js';
import { readWorkspaceFile } from './load.js';
import { SESSIONS_DIR } from './root.js';

/**
 * The workspace's session records that read as valid, for a command that only looks at them
 * (`agenda` carries their parked topics): a session with a problem is left out, as `validate` reports it.
 */
export function readValidSessions(root: string): Session[] {
  return yamlFilesIn(root, SESSIONS_DIR)
    .files.map((rel) => readWorkspaceFile(root, rel, SessionSchema, checkSession)?.file?.data)
    .filter((s): s is Session => s !== undefined);
}
