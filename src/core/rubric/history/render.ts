import type { LogEntry } from './log.js';
import { versionHeader } from './header.js';
import { terminalSafe as t } from '../../text/terminal.js';
import { wrapText } from '../../text/wrap.js';
import { changeLine } from '../diff/text.js';
import { jsonListDocument } from '../../output/json.js';
import { DOCUMENTS } from '../../output/documents.js';

/** Sign-off as one short text: "sales: Dana Kim, marketing: Sam Ortiz", or "not signed off". */
function signOffText(e: LogEntry): string {
  if (e.status === 'broken' || e.status === 'removed') return '—';
  if (!e.signedOffBy || Object.keys(e.signedOffBy).length === 0) return 'not signed off';
  return Object.entries(e.signedOffBy).map(([team, who]) => `${t(team)}: ${t(who)}`).join(', ');
}

/**
 * The terminal log, one block per version like `git log --oneline` with every change underneath,
 * its values before → after in full, wrapped to `width` (the terminal's columns); plain text
 * rather than a table so a thousand versions print instantly. Authors, subjects, ids and
 * messages are the user's: each is made safe for the terminal, on its line.
 */
export function renderLogText(entries: LogEntry[], paint: { commit(s: string): string; bad(s: string): string; dim(s: string): string } = { commit: (s) => s, bad: (s) => s, dim: (s) => s }, width = Infinity): string {
  if (entries.length === 0) return 'no versions of the rubric in git history\n';
  const lines: string[] = [];
  for (const e of entries) {
    lines.push(`${paint.commit(e.commit.slice(0, 7))} ${e.date.slice(0, 10)} ${t(e.author)}: ${t(e.subject)}`);
    const where = e.problem?.line !== undefined ? ` (${t(e.problem.file)}:${e.problem.line}:${e.problem.col ?? 1})` : '';
    if (e.status === 'broken') lines.push(`    ${paint.bad(`broken${where}: ${t(e.problem?.message ?? '')}`)}`);
    else if (e.status === 'changed') for (const c of e.changes) lines.push(wrapText(t(changeLine(c)), width, '    ', '      '));
    else lines.push(`    ${t(e.summary)}`);
    lines.push(`    ${paint.dim(`signed off: ${signOffText(e)}`)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** One JSON document, one version per line: greppable, and quick to print for a long history. */
export function renderLogJson(entries: LogEntry[], path: string): string {
  const versions = entries.map((e) => ({
    ...versionHeader(e),
    changes: e.changes,
    ...(e.problem ? { problem: { file: e.problem.file, line: e.problem.line ?? null, column: e.problem.col ?? null, message: e.problem.message } } : {}),
  }));
  // False when a shallow clone's history stops at a version shown (its status: history-missing).
  const historyComplete = !entries.some((e) => e.status === 'history-missing');
  return jsonListDocument(DOCUMENTS.rubricLog, { path, historyComplete }, 'versions', versions);
}
