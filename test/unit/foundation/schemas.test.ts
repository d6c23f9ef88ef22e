import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { FILE_KINDS } from '../../../src/core/schemas/index.js';
import { PINNED_ENV } from '../../helpers/env.js';
import { ROOT } from '../../helpers/workspace.js';

describe('shipped JSON Schemas', () => {
  it('exist for every workspace file kind, as JSON Schema documents', () => {
    for (const { jsonSchema } of Object.values(FILE_KINDS)) {
      const path = join(ROOT, 'schemas', jsonSchema);
      expect(existsSync(path), jsonSchema).toBe(true);
      const doc = JSON.parse(readFileSync(path, 'utf8'));
      expect(doc.$schema).toMatch(/json-schema\.org/);
      expect(doc.type).toBe('object');
    }
  });

  it('are up to date with the zod schemas (npm run schemas regenerates them)', async () => {
    const r = await execa('node', ['scripts/gen-schemas.js', '--check'], { cwd: ROOT, env: PINNED_ENV, reject: false });
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
  });

  it('the rubric schema knows every operator and the condition groups', () => {
    const text = readFileSync(join(ROOT, 'schemas', 'rubric.schema.json'), 'utf8');
    for (const word of ['within_last', 'is_unknown', 'between', 'at_least', 'disqualify', 'approved_by', 'follow_up_hours']) expect(text).toContain(word);
  });
});
