import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../../../src/core/rubric/history/log.js';
import { markMissingHistory, missingHistoryWarning } from '../../../src/core/rubric/history/shallow.js';

const entry = (commit: string, status: LogEntry['status'], summary: string): LogEntry => ({
  commit,
  date: '2026-11-27T10:00:00Z',
  author: 'Dana Kim',
  subject: `commit ${commit}`,
  status,
  changes: status === 'changed' ? [{ section: 'stage', kind: 'changed', id: 'sql', field: 'min', before: 60, after: 65 }] : [],
  summary,
  signedOffBy: null,
});

describe('a shallow clone\'s history', () => {
  const history = [entry('a'.repeat(40), 'created', 'created: 8 criteria, 2 stages (mql, sql)'), entry('b'.repeat(40), 'changed', 'stage sql min 60 → 65')];

  it('the version where the clone stops is history-missing, not created; the others are as they were', () => {
    const marked = markMissingHistory(history, new Set(['a'.repeat(40)]));
    expect(marked[0]).toEqual({ ...history[0], status: 'history-missing', changes: [], summary: 'history before this commit is missing (shallow clone); here: 8 criteria, 2 stages (mql, sql)' });
    expect(marked[1]).toBe(history[1]);
    expect(missingHistoryWarning(marked, 'rubric.yaml')).toBe(
      "warning: rubric.yaml's history before aaaaaaa is missing, so what changed there and earlier is not shown; this is a shallow clone, so older commits are missing: fetch them with `git fetch --unshallow` (in GitHub Actions: actions/checkout with fetch-depth: 0)",
    );
  });

  it('a boundary that is not the oldest version loses its changes too: they are against an unknown base', () => {
    const marked = markMissingHistory(history, new Set(['b'.repeat(40)]));
    expect(marked.map((e) => [e.status, e.changes.length, e.summary])).toEqual([
      ['created', 0, 'created: 8 criteria, 2 stages (mql, sql)'],
      ['history-missing', 0, 'history before this commit is missing (shallow clone)'],
    ]);
  });

  it('a full clone (no boundary) changes nothing and warns of nothing', () => {
    expect(markMissingHistory(history, new Set())).toBe(history);
    expect(missingHistoryWarning(history, 'rubric.yaml')).toBeUndefined();
  });
});
