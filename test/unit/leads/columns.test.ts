import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/core/errors.js';
import { normalizeHeader, resolveLeadColumns, type ColumnRequest } from '../../../src/core/leads/columns.js';
import { columnMapping, mergedMapping, unmatchedColumns } from '../../../src/core/leads/mapping.js';
import { fieldPlaces } from '../../../src/core/leads/places.js';
import { stageCounts } from '../../../src/core/workshop/preview.js';
import type { Rubric } from '../../../src/core/schemas/rubric.js';

const resolve = (header: string[], req: Partial<ColumnRequest>) => resolveLeadColumns(header, { label: 'leads.csv', fields: [], ...req });
const problems = (f: () => unknown): string[] => {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e.problems.map((p) => `${p.file}:${p.line ?? '-'}:${p.col ?? '-'}: ${p.message}`);
    throw e;
  }
  throw new Error('expected an InputError');
};

describe('normalizeHeader', () => {
  it.each([
    ['job_title', 'jobtitle'],
    ['Job Title', 'jobtitle'],
    ['JobTitle', 'jobtitle'],
    ['job-title', 'jobtitle'],
    ['No. of Employees', 'noofemployees'],
    ['  Lead\tID ', 'leadid'],
    ['Country/Region', 'country/region'],
  ])('%j → %j', (given, normal) => expect(normalizeHeader(given)).toBe(normal));
});

describe('resolveLeadColumns: fields', () => {
  const header = ['Record ID', 'Job Title', 'Number of Employees', 'title', 'E-Mail'];
  it.each<[string, Partial<ColumnRequest>, Record<string, number>]>([
    ['an exact header first', { fields: ['title'] }, { title: 3 }],
    ['a normalised header', { fields: ['job_title', 'JobTitle', 'e_mail'] }, { job_title: 1, JobTitle: 1, e_mail: 4 }],
    ['the map, first name found', { fields: ['employees'], map: { employees: ['Employees', 'number_of_employees'] } }, { employees: 2 }],
    ['the map before the field’s own name', { fields: ['title'], map: { title: ['Job Title'] } }, { title: 1 }],
    ['the field’s own name when the map’s are absent', { fields: ['title'], map: { title: ['Position'] } }, { title: 3 }],
  ])('%s', (_what, req, fields) => expect(resolve(header, req).fields).toEqual(fields));

  it('lists every missing field at its place with the closest headers, and an ambiguous one with its candidates', () => {
    const got = problems(() =>
      resolve(['Email', 'Job Title', 'job_title', 'Number of Employees', 'Annual Revenue'], {
        fields: ['employees', 'jobtitle', 'budget', 'revenue'],
        places: (fields) => Object.fromEntries(fields.map((f, i) => [f, { file: 'rubric.yaml', line: 10 + i, col: 20 }])),
      }),
    );
    expect(got).toEqual([
      'rubric.yaml:10:20: the rubric reads the field "employees", but leads.csv has no column for it; the closest headers: "Number of Employees", "Email", "Job Title"',
      'rubric.yaml:11:20: the rubric reads the field "budget", but leads.csv has no column for it; the closest headers: "Email", "Job Title", "job_title"',
      'rubric.yaml:12:20: the rubric reads the field "revenue", but leads.csv has no column for it; the closest headers: "Annual Revenue", "Email", "Job Title"',
      'leads.csv:1:1: the field "jobtitle" matches more than one column: "Job Title", "job_title"',
    ]);
  });

  it('says which names a mapped field was looked for under', () => {
    expect(problems(() => resolve(['a'], { fields: ['budget'], map: { budget: ['Budget', 'Annual Budget'] } }))[0]).toContain('(looked for "Budget", "Annual Budget", "budget")');
  });
});

describe('resolveLeadColumns: id, keep, extra', () => {
  it.each<[string[], Partial<ColumnRequest>, { column: number; name: string } | null]>([
    [['email', 'Record ID'], {}, { column: 1, name: 'Record ID' }],
    [['Email', 'LEAD_ID'], {}, { column: 1, name: 'LEAD_ID' }],
    [['Lead ID', 'Id'], {}, { column: 1, name: 'Id' }], // `id` is tried before `Lead ID`
    [['x', 'EMAIL'], {}, { column: 1, name: 'EMAIL' }],
    [['x', 'y'], {}, null],
    [['Record ID', 'hs_object_id'], { idNames: ['hs_object_id'] }, { column: 1, name: 'hs_object_id' }],
    [['id', 'Email Address'], { idColumn: 'email address' }, { column: 1, name: 'Email Address' }],
    [['id', 'b'], { idColumn: null }, null],
  ])('%j %j → %j', (header, req, id) => expect(resolve(header, req).id).toEqual(id));

  it('keeps columns in the file’s order, never the id twice; all is every other column', () => {
    const header = ['id', 'a', 'B c', 'd'];
    expect(resolve(header, { keep: ['d', 'b_c', 'id', 'd'] }).keep).toEqual([2, 3]);
    expect(resolve(header, { keep: 'all' }).keep).toEqual([1, 2, 3]);
    expect(resolve(header, { keep: 'all', idColumn: null }).keep).toEqual([0, 1, 2, 3]);
    expect(problems(() => resolve(header, { keep: ['Bc', 'zz'] }))).toEqual(['leads.csv:1:1: the --keep column "zz" is not a column of leads.csv; the closest is "id"']);
  });

  it('is plain data a worker can be handed: read lists every column a row needs, once', () => {
    const got = resolve(['Record ID', 'Job Title', 'x', 'converted', 'Email'], { fields: ['title'], map: { title: ['Job Title'] }, keep: ['Email'], extra: ['converted'] });
    expect(structuredClone(got)).toEqual(got);
    expect(got).toEqual({
      header: ['Record ID', 'Job Title', 'x', 'converted', 'Email'],
      fields: { title: 1 },
      id: { column: 0, name: 'Record ID' },
      keep: [4],
      extra: [3],
      read: [0, 1, 3, 4],
    });
  });
});

describe('column mappings', () => {
  it('a CRM name gives its map and ids; a map is taken as written, a lone name as a list', () => {
    expect(columnMapping('hubspot').map.title).toEqual(['Job Title', 'jobtitle']);
    expect(columnMapping('salesforce').idNames[0]).toBe('Lead ID');
    expect(columnMapping({ budget: 'Budget', size: ['A', 'B'] })).toEqual({ map: { budget: ['Budget'], size: ['A', 'B'] }, idNames: [] });
  });

  it('two rubrics read one header: the newer one’s names first', () => {
    expect(mergedMapping(columnMapping({ a: ['New'] }), columnMapping({ a: ['Old'], b: 'B' })).map).toEqual({ a: ['New', 'Old'], b: ['B'] });
  });

  it('without a header (rubric sql), a field is read from the first name its map gives', () => {
    expect(unmatchedColumns(['title', 'budget'], columnMapping('hubspot').map)).toEqual({ title: 'Job Title', budget: 'budget' });
  });
});

describe('where a rubric reads a field', () => {
  it('places the first `field:` reading it, nested conditions too', () => {
    const text = 'stages: [{ id: s, min: 1 }]\ncriteria:\n  - id: a\n    when:\n      any:\n        - { field: x, op: is_known }\n        - not: { field: y, op: is_known }\n    points: 1\n';
    const rubric: Rubric = { stages: [{ id: 's', min: 1 }], criteria: [{ id: 'a', when: { any: [{ field: 'x', op: 'is_known' }, { not: { field: 'y', op: 'is_known' } }] }, points: 1 }] };
    expect(fieldPlaces('rubric.yaml', text, rubric, ['y', 'x', 'z'])).toEqual({ y: { file: 'rubric.yaml', line: 7, col: 25 }, x: { file: 'rubric.yaml', line: 6, col: 20 } });
  });
});

describe('the workshop’s live counts', () => {
  it('read the leads through the draft rubric’s columns:', () => {
    const rubric: Rubric = { stages: [{ id: 'mql', min: 1 }], criteria: [{ id: 'vp', when: { field: 'title', op: 'contains', value: 'vp' }, points: 1 }], columns: { title: ['Job Title'] } };
    const counts = stageCounts(rubric, { header: ['Record ID', 'Job Title', 'title'], rows: [['1', 'VP Sales', 'x'], ['2', 'Analyst', 'VP']], truncated: false }, '2026-11-27');
    expect(counts).toEqual([
      { stage: 'disqualified', count: 0 },
      { stage: 'unqualified', count: 1 },
      { stage: 'mql', count: 1 },
    ]);
  });
});
