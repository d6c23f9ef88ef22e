/**
 * What a run says about the values it could not read: one line per field and reading on
 * stderr (a warning, or with --strict-values an error, exit 2), and the same summary in JSON.
 */
import { InputError, type Problem } from '../errors.js';
import type { Locale } from './locale.js';
import { unreadableOnly, type StrictReading, type UnreadableSummary } from './unreadable.js';

const AS: Record<StrictReading, string> = { number: 'a number', date: 'a date', boolean: 'true or false' };

/** One problem per field and reading with unreadable values, at the line of its first example. */
export function unreadableProblems(summary: UnreadableSummary, file: string, locale: Locale, strict: boolean): Problem[] {
  return unreadableOnly(summary).map((e) => {
    const examples = e.examples.map((x) => `line ${x.line} ${JSON.stringify(x.value)}`).join(', ');
    const more = e.count > e.examples.length ? `, and ${e.count - e.examples.length} more` : '';
    const values = e.count === 1 ? '1 value' : `${e.count} values`;
    return {
      file,
      line: e.examples[0]!.line,
      col: 1,
      message: `${values} of "${e.field}" could not be read as ${AS[e.reading]} (locale ${locale})${strict ? '' : ' and count as unknown'}: ${examples}${more}`,
      hint: e.reading === 'boolean' ? 'write true/false, yes/no or 1/0' : `write them as locale ${locale} reads ${e.reading === 'number' ? 'numbers' : 'dates'} (docs/values.md), or give the file's locale with --locale`,
      severity: strict ? 'error' : 'warning',
    };
  });
}

/** With --strict-values: the run fails (exit 2) when any value could not be read. */
export function assertAllRead(summary: UnreadableSummary, file: string, locale: Locale): void {
  const problems = unreadableProblems(summary, file, locale, true);
  if (problems.length) throw new InputError(problems, 'fix the values, or run without --strict-values to score them as unknown');
}
