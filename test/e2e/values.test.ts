import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempRepo, type TempRepo } from '../helpers/workspace.js';

const ALIGN_YAML = 'organization: Acme Corp\nteams:\n  sales: { name: Sales, members: [Dana Kim] }\n  marketing: { name: Marketing, members: [Sam Ortiz] }\n';
const RUBRIC = `stages:
  - { id: mql, min: 10 }
  - { id: sql, min: 30 }
criteria:
  - { id: budget, when: { field: budget, op: gte, value: 1000 }, points: 10 }
  - { id: recent, when: { field: last_activity, op: within_last, value: 14d }, points: 10 }
  - { id: demo, when: { field: demo, op: eq, value: true }, points: 10 }
`;
// Line 4's record runs over two lines (a quoted note), so the next record starts on line 6.
const US = `id,budget,last_activity,demo,note
a,"$1,200",11/20/2026,yes,
b,12kk,11/20/2026 2:32 PM,maybe,
c,"$1,500",soon,no,"two
lines"
d,n/a,13/13/2026,yes,
e,1200,2026-11-20,TRUE,
f,$,,,
g,45%,11/21/2026,1,
`;
const DE = `id,budget,last_activity,demo
a,"1.200,50 €",20.11.2026,ja
b,"1,5M",21.11.2026,yes
`;

let repo: TempRepo;
beforeAll(async () => {
  repo = await tempRepo();
  repo.write('align.yaml', ALIGN_YAML);
  repo.write('rubric.yaml', RUBRIC);
  repo.write('us.csv', US);
  repo.write('de.csv', DE);
  await repo.git('add', '.');
  await repo.git('commit', '-q', '-m', 'workspace');
});
afterAll(() => repo.cleanup());

describe('values as people write them, never silent', () => {
  it('score reads US dates and amounts in the default locale, and says on stderr which values it could not read, with their lines', async () => {
    const r = await repo.align(['rubric', 'score', 'us.csv', '--format', 'csv']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout.split('\n').slice(0, 3)).toEqual(['id,fit,engagement,score,stage', 'a,30,0,30,sql', 'b,10,0,10,mql']);
    expect(r.stderr).toContain('us.csv:3:1: warning: 3 values of "budget" could not be read as a number (locale en) and count as unknown: line 3 "12kk", line 6 "n/a", line 8 "$"');
    expect(r.stderr).toContain('us.csv:4:1: warning: 2 values of "last_activity" could not be read as a date (locale en) and count as unknown: line 4 "soon", line 6 "13/13/2026"');
    expect(r.stderr).toContain('us.csv:3:1: warning: 1 value of "demo" could not be read as true or false (locale en) and count as unknown: line 3 "maybe"');
  });

  it('--format json carries the same count per field, zeros included', async () => {
    const r = await repo.align(['rubric', 'score', 'us.csv', '--format', 'json']);
    expect(r.exitCode).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.locale).toBe('en');
    expect(doc.unreadable_values).toEqual([
      { field: 'budget', reading: 'number', count: 3, examples: [{ line: 3, value: '12kk' }, { line: 6, value: 'n/a' }, { line: 8, value: '$' }] },
      { field: 'demo', reading: 'boolean', count: 1, examples: [{ line: 3, value: 'maybe' }] },
      { field: 'last_activity', reading: 'date', count: 2, examples: [{ line: 4, value: 'soon' }, { line: 6, value: '13/13/2026' }] },
    ]);
  });

  it('--strict-values fails with exit 2, at the lines, and leaves --out unwritten', async () => {
    const r = await repo.align(['rubric', 'score', 'us.csv', '--strict-values', '--format', 'csv', '--out', 'scored.csv']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('us.csv:3:1: 3 values of "budget" could not be read as a number (locale en):');
    expect(r.stderr).toContain('hint: fix the values, or run without --strict-values');
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(existsSync(join(repo.dir, 'scored.csv'))).toBe(false);
  });

  it('--locale de reads German amounts and dates; a file with every value read says nothing', async () => {
    const r = await repo.align(['rubric', 'score', 'de.csv', '--locale', 'de', '--format', 'csv', '--as-of', '2026-11-27']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout.split('\n').slice(1, 3)).toEqual(['a,20,0,20,mql', 'b,30,0,30,sql']);
    expect(r.stderr).toContain('1 value of "demo" could not be read as true or false (locale de)');
    expect(r.stderr).not.toContain('"budget"');
    expect(r.stderr).not.toContain('"last_activity"');
  });

  it('an unknown --locale is refused with the list', async () => {
    const r = await repo.align(['rubric', 'score', 'us.csv', '--locale', 'xx']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('invalid --locale "xx": expected one of en, en-GB, de, fr');
  });

  it('diff --leads reads and reports the same way, on stderr and in its JSON', async () => {
    repo.write('next.yaml', RUBRIC.replace('value: 1000', 'value: 1300'));
    const r = await repo.align(['rubric', 'diff', 'rubric.yaml', 'next.yaml', '--leads', 'us.csv', '--format', 'json']);
    expect(r.exitCode).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.leads.moved).toBe(2); // a ($1,200) and e (1200) lose the budget points; c ($1,500) keeps them
    expect(doc.leads.unreadable_values.find((e: { field: string }) => e.field === 'budget').count).toBe(3);
    expect(r.stderr).toContain('us.csv:3:1: warning: 3 values of "budget" could not be read as a number');
    const strict = await repo.align(['rubric', 'diff', 'rubric.yaml', 'next.yaml', '--leads', 'us.csv', '--strict-values']);
    expect(strict.exitCode).toBe(2);
  });

  it('rubric sql and rubric test take the workspace locale from align.yaml defaults.locale', async () => {
    repo.write('align.yaml', `${ALIGN_YAML}defaults:\n  locale: de\n`);
    repo.write('golden.yaml', `${RUBRIC}tests:\n  - { name: German budget, lead: { budget: "1.200,50 €" }, expect: mql }\n`);
    const test = await repo.align(['rubric', 'test', 'golden.yaml']);
    expect(test.stdout).toContain('German budget');
    expect(test.exitCode).toBe(0);
    expect((await repo.align(['rubric', 'test', 'golden.yaml', '--locale', 'en'])).exitCode).toBe(1);
    const sql = await repo.align(['rubric', 'sql', '--dialect', 'duckdb']);
    expect(sql.stdout).toContain('locale: de');
    const score = await repo.align(['rubric', 'score', 'de.csv', '--format', 'csv', '--as-of', '2026-11-27']);
    expect(score.stdout.split('\n')[1]).toBe('a,20,0,20,mql');
    repo.write('align.yaml', ALIGN_YAML);
  });
});
