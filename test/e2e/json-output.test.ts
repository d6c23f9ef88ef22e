import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempRepo, type TempRepo } from '../helpers/workspace.js';
import { buildExportFixture, EXPORT_NOW } from '../fixtures/export/workspace.js';

/**
 * Every --format json document of every command, as a script reads it (docs/json-output.md):
 * it parses, its first key is `schema` with the command's id, and every key at every depth is
 * snake_case, except inside the user-data maps the document declares.
 */

const KEY = /^[a-z][a-z0-9_]*$/;
const DOCS = readFileSync(join(ROOT, 'docs/json-output.md'), 'utf8');

/** The paths (`*` for any index or key) whose values are the user's own data, as docs/json-output.md lists them. */
const USER_DATA: Record<string, string[]> = {
  'align.rubric-diff/1': ['changes.*.before', 'changes.*.after'],
  'align.rubric-log/1': ['versions.*.signed_off_by', 'versions.*.changes.*.before', 'versions.*.changes.*.after'],
  'align.export/1': ['changelog.*.signed_off_by'],
  'align.status/1': ['rubric.sign_off'],
};

/** Every key that is not snake_case, with where it is, outside the user-data paths. */
function badKeys(value: unknown, userData: string[], path: string[] = []): string[] {
  if (userData.some((p) => p.split('.').length === path.length && p.split('.').every((s, i) => s === '*' || s === path[i]))) return [];
  if (Array.isArray(value)) return value.flatMap((v) => badKeys(v, userData, [...path, '*']));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => [...(KEY.test(k) ? [] : [[...path, k].join('.')]), ...badKeys(v, userData, [...path, k])]);
}

/** Values found under a path pattern, for checking that a user-data map holds what it should. */
function valuesAt(value: unknown, path: string[]): unknown[] {
  if (path.length === 0) return [value];
  const [head, ...rest] = path;
  if (Array.isArray(value)) return head === '*' ? value.flatMap((v) => valuesAt(v, rest)) : [];
  if (value === null || typeof value !== 'object') return [];
  const obj = value as Record<string, unknown>;
  return head === '*' ? Object.values(obj).flatMap((v) => valuesAt(v, rest)) : head! in obj ? valuesAt(obj[head!], rest) : [];
}

/** Parses one document and checks the convention; returns it for the checks of its own command. */
function document(r: { exitCode: number; stdout: string; stderr: string }, schema: string, exitCode = 0): Record<string, unknown> {
  expect(r.exitCode, r.stderr).toBe(exitCode);
  const doc = JSON.parse(r.stdout) as Record<string, unknown>;
  expect(Object.keys(doc)[0]).toBe('schema');
  expect(doc.schema).toBe(schema);
  expect(badKeys(doc, USER_DATA[schema] ?? [])).toEqual([]);
  expect(DOCS).toContain(`\`${schema}\``);
  for (const p of USER_DATA[schema] ?? []) expect(DOCS, `docs/json-output.md names ${p}`).toContain(`\`${p}\``);
  return doc;
}

const RUBRIC = readFileSync(join(ROOT, 'test/fixtures/leads/rubric.yaml'), 'utf8');
// Golden leads keyed by CSV field names ("Job Title" is not a key of the format); the second fails on purpose.
const TESTS = (title: string) => `tests:
  - { name: vp with a demo, lead: { employees: 500, "Job Title": ${title}, demo_requested: true, last_activity: 2026-11-20, email: a@acme.com }, expect: sql }
  - { name: wrong on purpose, lead: { employees: 10, "Job Title": intern, demo_requested: false, email: b@acme.com }, expect: sql }
`;
const A = `${RUBRIC}${TESTS('VP Sales')}`;
const B = `${RUBRIC.replace('min: 40, require', 'min: 50, require')}${TESTS('Director of Sales')}approved_by:\n  sales: Dana Kim\n`;

let repo: TempRepo;
let fresh: TempRepo;
const at = { env: {} as Record<string, string | undefined> };

beforeAll(async () => {
  repo = await buildExportFixture();
  at.env = { ...repo.env, ALIGN_NOW: EXPORT_NOW };
  repo.write('proposals/a.yaml', A);
  repo.write('proposals/b.yaml', B);
  repo.write('leads.csv', readFileSync(join(ROOT, 'test/fixtures/leads/quirks.csv')));
  // The columns the fixture workspace's own rubric reads, for export --leads.
  repo.write('workspace-leads.csv', 'id,budget_confirmed,annual_budget,employees,title,country,demo_requested,pain_point,purchase_timeline_days,last_activity,pricing_page_views,webinar_attended,is_competitor\nl1,true,80000,500,VP Sales,US,true,,60,,,,false\nl4,false,,,Student,FR,false,,,,,,false\n');
  fresh = await tempRepo();
  const init = await fresh.align(['init', '--org', 'Acme Corp', '--sales', 'Dana Kim,Lee Park', '--marketing', 'Sam Ortiz,Ana Ruiz', '--yes']);
  expect(init.exitCode, init.stderr).toBe(0);
}, 120_000);
afterAll(() => {
  repo?.cleanup();
  fresh?.cleanup();
});

const align = (args: string[]) => repo.align(args, at);

describe('--format json: one convention for every document', () => {
  it('validate', async () => {
    const doc = document(await align(['validate', '--format', 'json']), 'align.validate/1');
    expect(doc.valid).toBe(true);
  });

  it('templates and templates show', async () => {
    const list = document(await align(['templates', '--format', 'json']), 'align.templates/1');
    expect((list.templates as unknown[]).length).toBeGreaterThanOrEqual(5);
    const one = document(await align(['templates', 'show', 'lead-definition', '--format', 'json']), 'align.templates-show/1');
    expect((one.template as { id: string }).id).toBe('lead-definition');
  });

  it('agenda', async () => {
    const doc = document(await align(['agenda', 'sync', '--date', '2026-12-03', '--format', 'json']), 'align.agenda/1');
    expect((doc.sections as { lead_name: string | null }[]).some((s) => s.lead_name !== null)).toBe(true);
  });

  it('workshop: --dry-run and a finished session', async () => {
    const answers = join(ROOT, 'examples/kickoff.answers.yaml');
    const dry = document(await fresh.align(['workshop', 'kickoff', '--answers', answers, '--dry-run', '--format', 'json']), 'align.workshop/1');
    expect(dry).toMatchObject({ dry_run: true, commit: null });
    const done = document(await fresh.align(['workshop', 'kickoff', '--answers', answers, '--format', 'json']), 'align.workshop/1');
    expect(done).toMatchObject({ dry_run: false, commit: expect.stringMatching(/^[0-9a-f]{40}$/) });
  });

  it('rubric score: json, and ndjson lines without an envelope', async () => {
    const args = ['rubric', 'score', 'leads.csv', '--rubric', 'proposals/a.yaml', '--outcome', 'converted', '--explain'];
    const doc = document(await align([...args, '--format', 'json']), 'align.rubric-score/1');
    expect(Object.keys(doc)).toEqual(['schema', 'rubric', 'as_of', 'locale', 'leads', 'id_column', 'summary', 'skipped_rows', 'unreadable_values']);
    expect((doc.summary as { criteria: Record<string, unknown>[] }).criteria[0]).toHaveProperty('conversion_when_fires');
    const nd = await align([...args, '--format', 'ndjson']);
    expect(nd.exitCode, nd.stderr).toBe(0);
    const lines = nd.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toEqual(doc.leads);
    for (const line of lines) {
      expect(Object.keys(line)).toEqual(['id', 'line', 'fit', 'engagement', 'score', 'stage', 'fired']);
      expect(badKeys(line, [])).toEqual([]);
    }
  });

  it('rubric diff: before and after are the rubric as written, its keys untouched', async () => {
    const doc = document(await align(['rubric', 'diff', 'proposals/a.yaml', 'proposals/b.yaml', '--leads', 'leads.csv', '--format', 'json']), 'align.rubric-diff/1');
    const written = [...valuesAt(doc, ['changes', '*', 'before']), ...valuesAt(doc, ['changes', '*', 'after'])];
    expect(written).toContainEqual(expect.objectContaining({ 'Job Title': 'Director of Sales' }));
    const leads = doc.leads as { stages: string[]; transitions: { from: string; to: string; count: number }[] };
    expect(leads.transitions).toHaveLength(leads.stages.length ** 2);
  });

  it('rubric log: signed_off_by maps team ids to names', async () => {
    const doc = document(await align(['rubric', 'log', '--format', 'json']), 'align.rubric-log/1');
    expect(valuesAt(doc, ['versions', '*', 'signed_off_by'])).toContainEqual({ sales: 'Dana Kim', marketing: 'Sam Ortiz' });
  });

  it('rubric test: the trace of a failing golden lead', async () => {
    const doc = document(await align(['rubric', 'test', 'proposals/a.yaml', '--format', 'json']), 'align.rubric-test/1', 1);
    expect(valuesAt(doc, ['tests', '*', 'trace', 'criteria', '*', 'condition', 'lead_value'])).toContain('intern');
  });

  it('export', async () => {
    const doc = document(await align(['export', '--leads', 'workspace-leads.csv', '--format', 'json']), 'align.export/1');
    expect(valuesAt(doc, ['changelog', '*', 'signed_off_by'])).toContainEqual({ sales: 'Dana Kim' });
    expect(doc.stage_distribution).not.toBeNull();
  });

  it('status', async () => {
    const doc = document(await align(['status', '--format', 'json']), 'align.status/1');
    expect(valuesAt(doc, ['rubric', 'sign_off'])).toEqual([{ sales: 'Dana Kim', marketing: null }]);
  });
});
