import { afterEach, describe, expect, it } from 'vitest';
import { hashTree, tempRepo, type TempRepo } from '../helpers/workspace.js';

let repo: TempRepo;
afterEach(() => repo?.cleanup());

const CONFIG = 'organization: Acme Corp\nteams:\n  sales: { name: Sales, members: [Dana Kim] }\n  marketing: { name: Marketing, members: [Sam Ortiz] }\n';

const SOUND = `name: Sales-ready lead
dimensions:
  fit: { max: 40 }
stages:
  - { id: mql, min: 30 }
  - { id: sql, min: 60, require: { fit: 20 } }
criteria:
  - id: company-size
    when: { field: employees, op: gte, value: 200 }
    points: 25
    why: big deals
  - id: decision-maker
    when: { field: title, op: matches, value: "\\\\b(vp|director)\\\\b" }
    points: 20
  - id: demo-request
    dimension: engagement
    when: { field: demo_requested, op: eq, value: true }
    points: 40
  - id: recent
    dimension: engagement
    when: { field: last_activity, op: within_last, value: 14d }
    points: 10
  - id: competitor
    when: { field: email_domain, op: in, value: [rival.com] }
    disqualify: true
tests:
  - { name: VP at a big company with a demo, lead: { employees: 500, title: VP Sales, demo_requested: true }, expect: sql }
  - { name: demo only, lead: { employees: 10, demo_requested: true }, expect: mql }
  - { name: competitor, lead: { employees: 500, title: VP Sales, demo_requested: true, email_domain: rival.com }, expect: disqualified }
  - { name: recent activity, as_of: 2026-11-20, lead: { employees: 10, demo_requested: true, last_activity: 2026-11-15 }, expect: mql }
`;

async function workspace(rubric: string): Promise<TempRepo> {
  const r = await tempRepo();
  r.write('align.yaml', CONFIG);
  r.write('rubric.yaml', rubric);
  return r;
}

/** The 1-based line and column of `needle` in `text`, the way the lint must report it. */
function at(text: string, lineHas: string, needle: string): string {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.includes(lineHas));
  if (i < 0) throw new Error(`no line with ${lineHas}`);
  return `${i + 1}:${lines[i]!.indexOf(needle) + 1}`;
}

/** Like `at`, for the second line that has `lineHas`. */
function secondAt(text: string, lineHas: string, needle: string): string {
  const lines = text.split('\n');
  const first = lines.findIndex((l) => l.includes(lineHas));
  const i = lines.findIndex((l, k) => k > first && l.includes(lineHas));
  return `${i + 1}:${lines[i]!.indexOf(needle) + 1}`;
}

describe('align rubric test', () => {
  it('passes when every golden lead gets its expected stage and nothing is linted', async () => {
    repo = await workspace(SOUND);
    const before = hashTree(repo.dir);
    const r = await repo.align(['rubric', 'test']);
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    expect(r.stdout.split('\n')).toEqual([
      '✓ VP at a big company with a demo: sql',
      '✓ demo only: mql',
      '✓ competitor: disqualified',
      '✓ recent activity: mql',
      '4 golden leads: 4 passed, 0 failed; lint: 0 errors, 0 warnings',
    ]);
    expect(hashTree(repo.dir)).toBe(before);
  });

  it('a failing golden lead: exit 1 with expected, actual and the trace', async () => {
    const text = SOUND.replace('expect: mql }\n  - { name: competitor', 'expect: sql }\n  - { name: competitor');
    repo = await workspace(text);
    const r = await repo.align(['rubric', 'test']);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('✗ demo only: expected sql, got mql (as of 2026-11-27)');
    expect(r.stdout).toMatch(/^ {4}✗ company-size \(\+25 fit\): employees ≥ 200 \[10\] no$/m);
    expect(r.stdout).toMatch(/^ {4}✓ demo-request \(\+40 engagement\): demo_requested = true \[true\] yes$/m);
    expect(r.stdout).toMatch(/^ {4}stage sql \(min 60\): .*40.*60/m);
    expect(r.stdout).toContain('4 golden leads: 3 passed, 1 failed; lint: 0 errors, 0 warnings');
  });

  it('scores on --as-of, but a test with its own as_of keeps it', async () => {
    const text = `${SOUND}  - { name: recent by default, lead: { employees: 10, demo_requested: false, last_activity: 2026-11-15 }, expect: unqualified }\n`;
    repo = await workspace(text);
    // by default (2026-11-27) 2026-11-15 is within 14 days: 10 points, below mql; on 2026-12-30 it is not
    const r = await repo.align(['rubric', 'test', '--format', 'json']);
    const byDefault = JSON.parse(r.stdout);
    expect(byDefault.tests.map((t: { as_of: string }) => t.as_of)).toEqual(['2026-11-27', '2026-11-27', '2026-11-27', '2026-11-20', '2026-11-27']);
    expect(byDefault.tests[4].score.engagement).toBe(10);
    const later = JSON.parse((await repo.align(['rubric', 'test', '--format', 'json', '--as-of', '2026-12-30'])).stdout);
    expect(later.tests[4].score.engagement).toBe(0);
    expect(later.tests[3]).toMatchObject({ as_of: '2026-11-20', passed: true });
    expect((await repo.align(['rubric', 'test', '--as-of', '27/11/2026'])).exitCode).toBe(2);
  });

  const lints: { name: string; edit: (t: string) => string; rule: string; where: (t: string) => string; message: RegExp; severity?: string }[] = [
    {
      name: 'a stage whose min is above the best capped score',
      edit: (t) => t.replace('{ id: sql, min: 60,', '{ id: sql, min: 95,'),
      rule: 'unreachable-stage', where: (t) => at(t, 'id: sql', '95'),
      message: /no lead can reach stage "sql": it needs 95 points but the best possible score is 90 \(fit 40 \(capped from 45\), engagement 50\)/,
    },
    {
      name: 'a require above the cap',
      edit: (t) => t.replace('require: { fit: 20 }', 'require: { fit: 45 }'),
      rule: 'unreachable-stage', where: (t) => at(t, 'id: sql', '45'),
      message: /requires 45 fit points but fit is capped at 40/,
    },
    {
      name: 'an empty range in an all',
      edit: (t) => t.replace('when: { field: employees, op: gte, value: 200 }', 'when:\n      all:\n        - { field: employees, op: gt, value: 10 }\n        - { field: employees, op: lt, value: 5 }'),
      rule: 'never-fires', where: (t) => at(t, '      all:', 'all'),
      message: /criterion "company-size" can never fire: employees > 10 and employees < 5 leave no possible value/,
    },
    {
      name: 'reversed between bounds',
      edit: (t) => t.replace('op: gte, value: 200', 'op: between, value: [500, 200]'),
      rule: 'never-fires', where: (t) => at(t, 'between', '['),
      message: /`between` 500 and 200 is an empty range/,
    },
    {
      name: 'contradictory eq in an all',
      edit: (t) => t.replace('when: { field: demo_requested, op: eq, value: true }', 'when: { all: [{ field: country, op: eq, value: US }, { field: country, op: eq, value: CA }] }'),
      rule: 'never-fires', where: (t) => at(t, 'country', '{ all'),
      message: /country = US and country = CA cannot both hold/,
    },
    {
      name: 'at_least above the count',
      edit: (t) => t.replace('when: { field: demo_requested, op: eq, value: true }', 'when: { at_least: 3, of: [{ field: a, op: is_known }, { field: b, op: is_known }] }'),
      rule: 'never-fires', where: (t) => at(t, 'at_least', '3'),
      message: /at_least 3 of only 2 conditions/,
    },
    {
      name: 'a regular expression that does not compile',
      edit: (t) => t.replace('"\\\\b(vp|director)\\\\b"', '"(vp|director"'),
      rule: 'bad-regex', where: (t) => at(t, 'op: matches', '"('),
      message: /the regular expression \/\(vp\|director\/ does not compile/,
    },
    {
      name: 'the same leaf twice in an at_least',
      edit: (t) => t.replace('when: { field: demo_requested, op: eq, value: true }', 'when:\n      at_least: 1\n      of:\n        - { field: demo_requested, op: eq, value: true }\n        - { field: demo_requested, op: eq, value: true }'),
      rule: 'duplicate-condition', where: (t) => secondAt(t, '- { field: demo_requested', '{'),
      message: /counts twice toward at_least/,
    },
  ];

  it.each(lints)('lint: $name → exit 1, rule and line:column', async ({ edit, rule, where, message }) => {
    const text = edit(SOUND);
    repo = await workspace(text);
    const r = await repo.align(['rubric', 'test', '--format', 'json']);
    expect(r.exitCode, r.stderr).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.passed).toBe(false);
    const found = doc.lint.filter((f: { rule: string }) => f.rule === rule);
    expect(found.length, JSON.stringify(doc.lint)).toBeGreaterThan(0);
    const [line, col] = where(text).split(':').map(Number);
    expect([found[0].line, found[0].column]).toEqual([line, col]);
    expect(found[0].message).toMatch(message);
    expect(found[0].severity).toBe('error');

    const plain = await repo.align(['rubric', 'test']);
    expect(plain.exitCode).toBe(1);
    expect(plain.stdout).toContain(`rubric.yaml:${found[0].line}:${found[0].column}: error [${rule}]: `);
  });

  it('two criteria with the same condition are a warning: printed, exit 0', async () => {
    const text = SOUND.replace('tests:', '  - id: size-again\n    dimension: engagement\n    when: { field: employees, op: gte, value: 200 }\n    points: 1\ntests:');
    repo = await workspace(text);
    const r = await repo.align(['rubric', 'test']);
    expect(r.exitCode, r.stdout).toBe(0);
    const line = text.split('\n').findIndex((l) => l.includes('id: size-again')) + 3; // its `when:` line, two below the id
    expect(r.stdout).toMatch(new RegExp(`rubric\\.yaml:${line}:11: warning \\[duplicate-condition\\]: criteria\\[5\\]\\.when: criterion "size-again" has the same condition as "company-size"`));
    expect(r.stdout).toContain('lint: 0 errors, 1 warning');
  });

  it('bad input is exit 2 with file:line:column, not a lint', async () => {
    repo = await workspace(SOUND.replace('points: 20', 'points: twenty'));
    const r = await repo.align(['rubric', 'test']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^rubric\\.yaml:${at(SOUND, 'points: 20', '20')}: `, 'm'));
    expect(r.stdout).toBe('');
  });
});
