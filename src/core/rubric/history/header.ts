import type { LogEntry } from './log.js';

// Apart from log.ts so that printing a log the cache answers loads no YAML reader.
/** What a version says of itself, as the log and the export's changelog both show it. */
export function versionHeader(e: LogEntry): Pick<LogEntry, 'commit' | 'date' | 'author' | 'subject' | 'status' | 'summary' | 'signedOffBy'> {
  return { commit: e.commit, date: e.date, author: e.author, subject: e.subject, status: e.status, summary: e.summary, signedOffBy: e.signedOffBy };
}
