import type { LogEntry } from './log.js';
import { terminalSafe as t } from '../../text/terminal.js';
import { wrapText } from '../../text/wrap.js';
import { changeLine } from '../diff/text.js';
import { JsonText, listDocument, recordWriter } from '../../output/json.js';
import { changesJson } from './cache.js';
import type { Problem } from '../../errors.js';
import type { RubricChange } from '../diff/diff.js';
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

/** The keys of a version in the JSON log, in order; a broken version adds `problem`. */
const VERSION_KEYS = ['commit', 'date', 'author', 'subject', 'status', 'summary', 'signed_off_by', 'changes'] as const;
/**
 * A change's keys, all snake_case already: its changes are written as they are, in the order
 * each change holds them. Naming every key of RubricChange here (the type says so) means a key
 * added there is checked too.
 */
const CHANGE_KEYS: Record<keyof RubricChange, true> = { section: true, kind: true, id: true, field: true, before: true, after: true };
// Each writer checks its keys once, as the walk of jsonRecord would have for every version.
const writeVersion = recordWriter(VERSION_KEYS);
const writeBroken = recordWriter([...VERSION_KEYS, 'problem']);
recordWriter(Object.keys(CHANGE_KEYS));

/**
 * One JSON document, one version per line: greppable, and quick to print for a long history.
 * A version has one fixed shape, so it is written by a record writer (keys checked once), not
 * walked key by key: a log of a thousand versions holds tens of thousands of keys.
 */
export function renderLogJson(entries: LogEntry[], path: string): string {
  // False when a shallow clone's history stops at a version shown (its status: history-missing).
  const historyComplete = !entries.some((e) => e.status === 'history-missing');
  const doc = listDocument(DOCUMENTS.rubricLog, { path, historyComplete }, 'versions');
  let out = doc.open();
  for (const e of entries) {
    // signed_off_by and each change's before and after are the user's data, written as they are.
    const values = [e.commit, e.date, e.author, e.subject, e.status, e.summary, e.signedOffBy, new JsonText(changesJson(e))];
    out += doc.record(e.problem ? writeBroken([...values, problemOf(e.problem)]) : writeVersion(values));
  }
  return out + doc.close();
}

function problemOf(p: Problem): { file: string; line: number | null; column: number | null; message: string } {
  return { file: p.file, line: p.line ?? null, column: p.col ?? null, message: p.message };
}
