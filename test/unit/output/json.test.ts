import { describe, expect, it } from 'vitest';
import { jsonDocument, jsonListDocument, jsonRecord, listDocument, outputKeys, snakeCase } from '../../../src/core/output/json.js';

const KIND = { schema: 'align.example/1', userData: ['teams', 'rows.*.by_team'] };

describe('the JSON output convention', () => {
  it('snake_cases camelCase keys and leaves snake_case ones alone', () => {
    expect(['fireRate', 'conversionWhenFires', 'as_of', 'id', 'leadName'].map(snakeCase)).toEqual(['fire_rate', 'conversion_when_fires', 'as_of', 'id', 'lead_name']);
  });

  it('converts keys all the way down, through lists, but not inside user data', () => {
    const value = { soonDays: 7, teams: { 'Field Sales': { memberCount: 2 } }, rows: [{ byTeam: { salesTeam: 'Dana' }, lastSeen: { daysAgo: 3 } }], skipped: undefined };
    expect(outputKeys(value, KIND.userData)).toEqual({
      soon_days: 7,
      teams: { 'Field Sales': { memberCount: 2 } },
      rows: [{ by_team: { salesTeam: 'Dana' }, last_seen: { days_ago: 3 } }],
    });
  });

  it('refuses a key that is not snake_case after conversion, naming where it is', () => {
    expect(() => outputKeys({ rows: [{ 'Job Title': 'VP' }] })).toThrow(/"Job Title" at rows\.\*\.Job Title is not snake_case/);
    expect(() => outputKeys({ _private: 1 })).toThrow(/not snake_case/);
  });

  it('puts schema first, indents by two spaces and ends with a newline', () => {
    const text = jsonDocument(KIND, { dryRun: true, files: ['a'] });
    expect(text).toBe('{\n  "schema": "align.example/1",\n  "dry_run": true,\n  "files": [\n    "a"\n  ]\n}\n');
    expect(() => jsonDocument(KIND, { schema: 'x' })).toThrow(/own "schema" key/);
  });

  it('a list document is the same document as jsonDocument, one compact item per line', () => {
    const items = [{ leadId: 'a', byTeam: { 'Field Sales': 1 } }, { leadId: 'b', byTeam: null }];
    const head = { asOf: '2026-11-27' };
    const tail = { idColumn: 'email', summary: { fireRate: 0.5 } };
    const listed = jsonListDocument(KIND, head, 'rows', items, tail);
    expect(JSON.parse(listed)).toEqual(JSON.parse(jsonDocument(KIND, { ...head, rows: items, ...tail })));
    expect(Object.keys(JSON.parse(listed))).toEqual(['schema', 'as_of', 'rows', 'id_column', 'summary']);
    expect(listed.split('\n').filter((l) => l.startsWith('    {'))).toEqual(['    {"lead_id":"a","by_team":{"Field Sales":1}},', '    {"lead_id":"b","by_team":null}']);
  });

  it('a list document with no items and no tail is still one JSON document', () => {
    const doc = listDocument(KIND, { path: 'rubric.yaml' }, 'versions');
    const text = doc.open() + doc.close();
    expect(JSON.parse(text)).toEqual({ schema: 'align.example/1', path: 'rubric.yaml', versions: [] });
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('a record (an ndjson line) has no envelope, and its user data is found from its list', () => {
    expect(jsonRecord(KIND, 'rows', { leadId: 'a', byTeam: { 'Field Sales': 1 } })).toBe('{"lead_id":"a","by_team":{"Field Sales":1}}');
  });
});
