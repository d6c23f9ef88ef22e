import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { demoWorkspace, ROOT, type TempRepo } from '../helpers/workspace.js';

// Editors (yaml-language-server) and YAML 1.1 tools (PyYAML, ajv-cli) read the files align
// writes: every field has a description to show on hover, every file names a schema that is
// there, and a YAML 1.1 reader gets the same values align does.

type Json = Record<string, unknown>;
const SCHEMAS = join(ROOT, 'schemas');
const shipped = readdirSync(SCHEMAS).filter((f) => f.endsWith('.schema.json'));
const schemaDoc = (file: string) => JSON.parse(readFileSync(join(SCHEMAS, file), 'utf8')) as Json;

/** A YAML 1.1 reader, as PyYAML reads: unquoted dates are timestamps, 10:00 is a number in base 60, yes is true. */
const yaml11 = (text: string): unknown => parse(text, { version: '1.1', customTags: ['timestamp'] });

/** Every property, anywhere in the schema, that has no description of its own or through its $ref. */
function undescribed(doc: Json): string[] {
  const missing: string[] = [];
  const resolve = (ref: string) => ref.replace(/^#\//, '').split('/').reduce<unknown>((o, k) => (o as Json | undefined)?.[k], doc) as Json | undefined;
  const walk = (node: unknown, path: string): void => {
    if (Array.isArray(node)) {
      for (const [i, x] of node.entries()) walk(x, `${path}[${i}]`);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const n = node as Json;
    for (const [key, prop] of Object.entries((n.properties ?? {}) as Record<string, Json>)) {
      const described = prop.description ?? (typeof prop.$ref === 'string' ? resolve(prop.$ref)?.description : undefined);
      if (typeof described !== 'string' || !described.trim()) missing.push(`${path}.${key}`);
    }
    for (const [key, value] of Object.entries(n)) walk(value, key === 'properties' ? path : `${path}.${key}`);
  };
  walk(doc, '');
  return missing;
}

let repo: TempRepo;
beforeAll(async () => {
  repo = await demoWorkspace();
  for (const template of ['kickoff', 'sync', 'lead-definition']) {
    const r = await repo.align(['workshop', template, '--answers', join(ROOT, 'examples', `${template}.answers.yaml`)]);
    expect(r.exitCode, r.stderr).toBe(0);
  }
});
afterAll(() => repo.cleanup());

/** The workspace's YAML files, each with the shipped schema its modeline names. */
function workspaceFiles(): { rel: string; text: string; schema: string }[] {
  const rels = ['align.yaml', 'goals.yaml', 'rubric.yaml', ...readdirSync(join(repo.dir, 'sessions')).filter((f) => f.endsWith('.yaml')).map((f) => `sessions/${f}`)];
  return rels.map((rel) => {
    const text = repo.read(rel);
    const named = /^# yaml-language-server: \$schema=(\S+)$/m.exec(text)?.[1];
    expect(named, rel).toBeDefined();
    return { rel, text, schema: named! };
  });
}

describe('the shipped JSON Schemas', () => {
  it('include one for answers files', () => {
    expect(shipped).toContain('answers.schema.json');
    expect(shipped.length).toBeGreaterThanOrEqual(6);
  });

  it.each(shipped)('%s: every property has a description', (file) => {
    expect(undescribed(schemaDoc(file))).toEqual([]);
  });

  it('the walk finds a property without a description', () => {
    expect(undescribed({ properties: { a: { type: 'string', description: 'x' }, b: { type: 'object', properties: { c: { type: 'number' } } } } })).toEqual(['.b', '.b.c']);
  });
});

describe('a workspace align wrote', () => {
  it('is read by a YAML 1.1 loader as align reads it, and every file is valid against its schema', () => {
    // The loader does turn an unquoted date into a Date and 10:00 into 600, so a date written bare would fail here.
    expect(yaml11('date: 2026-11-30\nstart: 10:00\n')).toEqual({ date: new Date('2026-11-30T00:00:00Z'), start: 600 });
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const files = workspaceFiles();
    expect(files.map((f) => f.rel)).toEqual(expect.arrayContaining(['sessions/2026-11-27-kickoff.yaml', 'sessions/2026-11-27-sync.yaml']));
    for (const { rel, text, schema } of files) {
      const validate = ajv.getSchema(schema) ?? ajv.compile({ ...schemaDoc(schema.slice(schema.lastIndexOf('/') + 1)), $id: schema });
      const data = yaml11(text);
      expect(data, rel).toEqual(parse(text));
      expect(validate(data), `${rel}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    expect(repo.read('sessions/2026-11-27-kickoff.yaml')).toMatch(/^date: "2026-11-27"$/m);
    expect(repo.read('goals.yaml')).toMatch(/^ {4}due: "2027-03-31"$/m);
  });

  it('names, in each file, a schema that is there beside it: the installed package’s, with the address where that version is published', () => {
    const { name, version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
    for (const { rel, schema } of workspaceFiles()) {
      expect(schema, rel).toMatch(/^\.{1,2}\/\.align\/schemas\/[a-z]+\.schema\.json$/);
      const path = join(repo.dir, dirname(rel), schema);
      expect(existsSync(path), `${rel} → ${schema}`).toBe(true);
      const { $id, ...rest } = JSON.parse(readFileSync(path, 'utf8')) as Json;
      const file = schema.slice(schema.lastIndexOf('/') + 1);
      expect($id).toBe(`https://unpkg.com/${name}@${version}/schemas/${file}`);
      expect(rest).toEqual(schemaDoc(file));
    }
  });
});

describe('answers files', () => {
  const examples = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.answers.yaml'));

  it.each(examples)('examples/%s names the answers schema and is valid against it, read as YAML 1.1', (file) => {
    const text = readFileSync(join(ROOT, 'examples', file), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../schemas/answers.schema.json');
    expect(existsSync(join(ROOT, 'examples', '../schemas/answers.schema.json'))).toBe(true);
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schemaDoc('answers.schema.json'));
    const data = yaml11(text);
    expect(data).toEqual(parse(text));
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
  });

  it('the answers schema refuses what no template takes', () => {
    const validate = new Ajv2020({ strict: false }).compile(schemaDoc('answers.schema.json'));
    expect(validate({ sections: { welcome: { notes: ['hello'] } } })).toBe(true);
    expect(validate({ sections: { welcome: { nots: ['hello'] } } })).toBe(false);
    expect(validate({ date: '30.11.2026', sections: {} })).toBe(false);
  });
});
