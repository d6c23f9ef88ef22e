import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CRM_COLUMNS } from '../../src/core/leads/crm.js';
import { hubspotExport, salesforceExport, type Export } from '../helpers/crm-exports.js';
import { postgresAvailable, startPostgres, type PgServer } from '../helpers/postgres.js';
import { ROOT, tempRepo, type TempRepo } from '../helpers/workspace.js';
import { duckWithLeads, pgWithLeads, runDuck, runPg } from '../unit/sql/engines.js';

/**
 * CRM exports scored as they arrive: HubSpot and Salesforce files of a few hundred leads (quoted
 * fields, commas and line breaks in cells, blanks, US dates and currency), read through `--crm`,
 * a `columns:` map and `--columns FILE`, the same leads scored by the SQL `rubric sql` writes
 * for the file's own headers in DuckDB and PostgreSQL; and what is said when columns are missing.
 */
const AS_OF = '2026-11-27';
const template = (name: string) => readFileSync(join(ROOT, 'templates/rubrics', `${name}.yaml`), 'utf8');

interface Lead {
  id: string;
  score: number;
  stage: string;
}

let repo: TempRepo;
let hubspot: Export;
let sfReport: Export;
let sfApi: Export;

beforeAll(async () => {
  repo = await tempRepo();
  const init = await repo.align(['init', '.', '--yes', '--org', 'Acme', '--crm', 'hubspot']);
  expect(init.exitCode, init.stderr).toBe(0);
  hubspot = hubspotExport(250);
  sfReport = salesforceExport(240, 'report');
  sfApi = salesforceExport(210, 'api');
  repo.write('hubspot.csv', hubspot.csv);
  repo.write('sf-report.csv', sfReport.csv);
  repo.write('sf-api.csv', sfApi.csv);
  repo.write('hs-plain.yaml', template('hubspot'));
  repo.write('sf-plain.yaml', template('salesforce'));
  // the Salesforce rubric with its own columns: map, written the way a team would
  repo.write(
    'sf-mapped.yaml',
    `${template('salesforce')}columns:\n  title: Title\n  employees: [No. of Employees]\n  annual_revenue: [Annual Revenue]\n  rating: [Rating]\n  last_activity: [Last Activity]\n  lead_source: [Lead Source]\n  converted: [Converted]\n  lead_status: [Lead Status]\n`,
  );
});
afterAll(() => repo?.cleanup());

async function scored(args: string[]): Promise<{ leads: Lead[]; doc: { id_column: string | null; summary: { leads: number; skipped: number; stages: { stage: string; count: number }[] } } }> {
  const r = await repo.align(['rubric', 'score', ...args, '--format', 'json', '--as-of', AS_OF]);
  expect(r.exitCode, r.stderr).toBe(0);
  const doc = JSON.parse(r.stdout);
  return { leads: doc.leads.map(({ id, score, stage }: Lead) => ({ id, score, stage })), doc };
}

function stagesOf(leads: Lead[]): Record<string, number> {
  const n: Record<string, number> = {};
  for (const l of leads) n[l.stage] = (n[l.stage] ?? 0) + 1;
  return n;
}
const byId = (leads: Lead[]) => [...leads].sort((a, b) => a.id.localeCompare(b.id));

describe('CRM exports scored without hand editing', () => {
  it('HubSpot: the columns: map align init --crm wrote and --crm hubspot score every contact alike, named by Record ID', async () => {
    expect(repo.read('rubric.yaml')).toContain('columns:\n');
    expect(repo.read('rubric.yaml')).toContain('  title: ["Job Title", "jobtitle"]');
    const mapped = await scored(['hubspot.csv']);
    const crm = await scored(['hubspot.csv', '--rubric', 'hs-plain.yaml', '--crm', 'hubspot']);
    expect(mapped.doc.summary.leads).toBe(250);
    expect(mapped.doc.summary.skipped).toBe(0);
    expect(mapped.doc.id_column).toBe('Record ID');
    expect(mapped.leads.map((l) => l.id)).toEqual(hubspot.rows.map((r) => r[0]));
    expect(crm.leads).toEqual(mapped.leads);
    // a run that proves something: the leads spread over several outcomes
    expect(Object.keys(stagesOf(mapped.leads)).length).toBeGreaterThanOrEqual(3);
  });

  it('Salesforce: a report read with --crm salesforce and with a columns: map, and a Data Export with API names', async () => {
    const crm = await scored(['sf-report.csv', '--rubric', 'sf-plain.yaml', '--crm', 'salesforce']);
    const mapped = await scored(['sf-report.csv', '--rubric', 'sf-mapped.yaml']);
    expect(crm.doc.summary.leads).toBe(240);
    expect(crm.doc.id_column).toBe('Lead ID');
    expect(mapped.leads).toEqual(crm.leads);
    expect(Object.keys(stagesOf(crm.leads)).length).toBeGreaterThanOrEqual(3);
    const api = await scored(['sf-api.csv', '--rubric', 'sf-plain.yaml', '--crm', 'salesforce']);
    expect(api.doc.id_column).toBe('Id');
    expect(api.leads.map((l) => l.id)).toEqual(sfApi.rows.map((r) => r[0]));
  });

  it('align init --crm salesforce writes the starter with every field mapped as --crm salesforce maps it', async () => {
    const r = await repo.align(['init', 'sfws', '--yes', '--org', 'Acme', '--crm', 'salesforce', '--no-commit']);
    expect(r.exitCode, r.stderr).toBe(0);
    const text = repo.read('sfws/rubric.yaml');
    for (const f of ['title', 'employees', 'annual_revenue', 'rating', 'last_activity', 'lead_source', 'converted', 'lead_status']) {
      expect(text).toContain(`  ${f}: [${CRM_COLUMNS.salesforce.columns[f]!.map((n) => JSON.stringify(n)).join(', ')}]\n`);
    }
    const own = await scored(['sf-report.csv', '--rubric', 'sfws/rubric.yaml']);
    const crm = await scored(['sf-report.csv', '--rubric', 'sf-plain.yaml', '--crm', 'salesforce']);
    expect(own.leads).toEqual(crm.leads);
  });

  it('--columns FILE maps the fields for one run, over the rubric’s own columns:', async () => {
    const map = Object.entries(CRM_COLUMNS.hubspot.columns).map(([f, names]) => `${f}: ${JSON.stringify(names[0])}`);
    repo.write('hs-columns.yaml', `${map.join('\n')}\n`);
    const viaFile = await scored(['hubspot.csv', '--rubric', 'hs-plain.yaml', '--columns', 'hs-columns.yaml']);
    const viaCrm = await scored(['hubspot.csv', '--rubric', 'hs-plain.yaml', '--crm', 'hubspot']);
    expect(viaFile.leads).toEqual(viaCrm.leads);
    // the file replaces rubric.yaml's map for the run: `title` read from Industry, where no title is
    repo.write('elsewhere.yaml', `${map.filter((l) => !l.startsWith('title:')).join('\n')}\ntitle: Industry\n`);
    const fired = async (extra: string[]) => {
      const r = await repo.align(['rubric', 'score', 'hubspot.csv', '--format', 'ndjson', '--explain', '--as-of', AS_OF, ...extra]);
      expect(r.exitCode, r.stderr).toBe(0);
      return r.stdout.trim().split('\n').filter((l) => (JSON.parse(l).fired as string[]).includes('decision-maker')).length;
    };
    expect(await fired([])).toBeGreaterThan(0);
    expect(await fired(['--columns', 'elsewhere.yaml'])).toBe(0);
  });
});

describe('the SQL of rubric sql, on the file’s own headers, scores the leads as rubric score does', () => {
  let pg: PgServer | undefined;
  beforeAll(async () => {
    if (postgresAvailable()) pg = await startPostgres();
  });
  afterAll(async () => {
    await pg?.stop();
  });

  const cases = [
    { name: 'HubSpot (columns: map)', file: 'hubspot.csv', args: [] as string[], data: () => hubspot },
    { name: 'Salesforce report (--crm)', file: 'sf-report.csv', args: ['--rubric', 'sf-plain.yaml', '--crm', 'salesforce'], data: () => sfReport },
  ];

  it('without --leads, a field is read from the first header its map names, the id from the CRM’s', async () => {
    const r = await repo.align(['rubric', 'sql', '--rubric', 'hs-plain.yaml', '--crm', 'hubspot', '--as-of', AS_OF]);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toContain('SELECT "Record ID" AS lead_id,');
    expect(r.stdout).toContain('"Job Title"');
    expect(r.stdout).toContain('"Number of Employees"');
  });

  it.each(cases)('$name in DuckDB and PostgreSQL', async ({ file, args, data }) => {
    const expected = (await scored([file, ...args])).leads;
    const { header, rows } = data();
    const duck = await repo.align(['rubric', 'sql', '--dialect', 'duckdb', '--leads', file, '--table', 'crm_leads', '--as-of', AS_OF, ...args]);
    expect(duck.exitCode, duck.stderr).toBe(0);
    expect(duck.stdout).toMatch(/"(Job Title|Title)"/); // the source's header, quoted
    const db = await duckWithLeads('crm_leads', header, rows);
    try {
      const got = (await runDuck(db.conn, duck.stdout)).map(({ id, score, stage }) => ({ id, score, stage }));
      expect(byId(got)).toEqual(byId(expected));
      expect(stagesOf(got)).toEqual(stagesOf(expected));
    } finally {
      db.close();
    }
    if (!pg) return;
    const sql = await repo.align(['rubric', 'sql', '--dialect', 'postgres', '--leads', file, '--table', 'crm_leads', '--as-of', AS_OF, ...args]);
    expect(sql.exitCode, sql.stderr).toBe(0);
    await pgWithLeads(pg, 'crm_leads', header, rows);
    const got = (await runPg(pg, sql.stdout)).map(({ id, score, stage }) => ({ id, score, stage }));
    expect(byId(got)).toEqual(byId(expected));
  });
});

describe('ids and pass-through', () => {
  it('--keep carries columns through in the source’s order, cells as the source had them; the id keeps its header', async () => {
    const r = await repo.align(['rubric', 'score', 'hubspot.csv', '--format', 'csv', '--keep', 'Company Name, email,Job Title', '--as-of', AS_OF]);
    expect(r.exitCode, r.stderr).toBe(0);
    const out = parse(r.stdout) as string[][];
    expect(out[0]).toEqual(['Record ID', 'fit', 'engagement', 'score', 'stage', 'Email', 'Job Title', 'Company Name']);
    const at = (h: string) => hubspot.header.indexOf(h);
    expect(out.slice(1).map((row) => [row[0], ...row.slice(5)])).toEqual(hubspot.rows.map((row) => [row[0], row[at('Email')], row[at('Job Title')], row[at('Company Name')]]));
    expect(out.slice(1).some((row) => row[7]!.includes(','))).toBe(true); // quoted where CSV needs it
  });

  it('--keep all in JSON: every other column under `columns`, keyed by the source’s headers; --id-column picks another id', async () => {
    const r = await repo.align(['rubric', 'score', 'hubspot.csv', '--format', 'json', '--keep', 'all', '--id-column', 'email', '--as-of', AS_OF]);
    expect(r.exitCode, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.id_column).toBe('Email');
    const email = hubspot.header.indexOf('Email');
    expect(doc.leads[3].id).toBe(hubspot.rows[3]![email]);
    expect(doc.leads[3].columns).toEqual(Object.fromEntries(hubspot.header.map((h, i) => [h, hubspot.rows[3]![i]]).filter(([h]) => h !== 'Email')));
  });

  it('--keep with the text table is refused (exit 2)', async () => {
    const r = await repo.align(['rubric', 'score', 'hubspot.csv', '--keep', 'Email']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('--keep carries columns into --format csv, json or ndjson');
  });
});

describe('what is said when columns do not match', () => {
  /** line:col of the value of the first `field: NAME` in a rubric's text. */
  const placeOf = (text: string, field: string) => {
    const lines = text.split('\n');
    const line = lines.findIndex((l) => new RegExp(`field: ${field}\\b`).test(l));
    return `${line + 1}:${lines[line]!.indexOf(`field: ${field}`) + 'field: '.length + 1}`;
  };

  it('every missing field in one error, each at rubric.yaml:line:col with the closest headers (exit 2, nothing written)', async () => {
    const r = await repo.align(['rubric', 'score', 'hubspot.csv', '--rubric', 'hs-plain.yaml', '--format', 'csv', '--out', 'never.csv']);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    const text = repo.read('hs-plain.yaml');
    // annual_revenue, lifecycle_stage and lead_status find "Annual Revenue", "Lifecycle Stage" and "Lead Status" by their normalised names
    for (const f of ['title', 'employees', 'last_activity', 'form_submissions', 'page_views']) {
      expect(r.stderr).toMatch(new RegExp(`hs-plain\\.yaml:${placeOf(text, f)}: the rubric reads the field "${f}", but hubspot\\.csv has no column for it; the closest headers: "`));
    }
    expect(r.stderr).toContain('the field "last_activity", but hubspot.csv has no column for it; the closest headers: "Last Activity Date", ');
    expect(r.stderr).not.toContain('"annual_revenue"');
    expect(r.stderr).toContain('--crm hubspot');
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(() => repo.read('never.csv')).toThrow();
  });

  it('a field two headers match is ambiguous: both are named (exit 2)', async () => {
    repo.write('two.csv', 'id,Job Title,job_title,employees\n1,VP,CEO,10\n');
    repo.write('title.yaml', 'stages: [{ id: mql, min: 1 }]\ncriteria:\n  - { id: t, when: { field: jobtitle, op: is_known }, points: 1 }\n');
    const r = await repo.align(['rubric', 'score', 'two.csv', '--rubric', 'title.yaml']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('two.csv:1:1: the field "jobtitle" matches more than one column: "Job Title", "job_title"');
  });

  it.each([
    ['a YAML syntax error', 'title: [Job Title\n', /cols\.yaml:2:1: /],
    ['a field mapped to a number', 'employees: [Number of Employees]\ntitle: 5\n', /cols\.yaml:2:8: /],
    ['an unknown CRM', 'pipedrive\n', /cols\.yaml:1:1: /],
  ])('--columns FILE with %s: its file:line:col, exit 2, nothing written', async (_what, text, where) => {
    repo.write('cols.yaml', text);
    const r = await repo.align(['rubric', 'score', 'hubspot.csv', '--columns', 'cols.yaml', '--format', 'csv', '--out', 'never.csv']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(where);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(() => repo.read('never.csv')).toThrow();
  });
});

describe('every lead reader reads columns the same way', () => {
  it('rubric diff --leads and export --leads score the HubSpot export through the columns: map', async () => {
    const diff = await repo.align(['rubric', 'diff', 'hs-plain.yaml', 'rubric.yaml', '--leads', 'hubspot.csv', '--crm', 'hubspot', '--format', 'json', '--as-of', AS_OF]);
    expect(diff.exitCode, diff.stderr).toBe(0);
    expect(JSON.parse(diff.stdout).leads.total).toBe(250);
    const exp = await repo.align(['export', '--leads', 'hubspot.csv', '--format', 'json']);
    expect(exp.exitCode, exp.stderr).toBe(0);
    const counts = (JSON.parse(exp.stdout).stage_distribution as { stage: string; count: number }[]).filter((s) => s.count > 0);
    const expected = stagesOf((await scored(['hubspot.csv'])).leads);
    expect(Object.fromEntries(counts.map((s) => [s.stage, s.count]))).toEqual(expected);
  });
});
