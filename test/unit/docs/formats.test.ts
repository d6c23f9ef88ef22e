// docs/formats.md documents every field of every workspace file: each section's example is a
// valid file of its kind, and every property of the kind's JSON Schema is named in the section.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { FILE_KINDS, type FileKind } from '../../../src/core/schemas/index.js';
import { ROOT } from '../../helpers/workspace.js';

const DOC = readFileSync(join(ROOT, 'docs/formats.md'), 'utf8');
// Answers files are not workspace files: docs/workshop.md documents them ("The answers file").
type WorkspaceKind = Exclude<FileKind, 'answers'>;
const HEADING: Record<WorkspaceKind, string> = { config: 'align.yaml', goals: 'goals.yaml', rubric: 'rubric.yaml', session: 'Sessions', template: 'Templates' };

/** The text of the `## heading` section, up to the next `## `. */
function section(heading: string): string {
  const text = DOC.split(new RegExp(`^## ${heading.replace('.', '\\.')}$`, 'm'))[1]?.split(/^## /m)[0];
  if (text === undefined) throw new Error(`docs/formats.md has no "## ${heading}"`);
  return text;
}

/** Every property name anywhere in a JSON Schema. */
function propertyNames(schema: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(schema)) for (const s of schema) propertyNames(s, out);
  else if (schema && typeof schema === 'object') {
    for (const [k, v] of Object.entries(schema)) {
      if (k === 'properties' && v && typeof v === 'object') for (const name of Object.keys(v)) out.add(name);
      propertyNames(v, out);
    }
  }
  return out;
}

describe('docs/formats.md', () => {
  describe.each(Object.entries(FILE_KINDS).filter(([kind]) => kind !== 'answers') as [WorkspaceKind, (typeof FILE_KINDS)[WorkspaceKind]][])('%s', (kind, { schema, jsonSchema }) => {
    const text = section(HEADING[kind]);

    it('gives an example that is a valid file of its kind', () => {
      const example = /^```yaml\n([\s\S]*?)^```$/m.exec(text)?.[1];
      expect(example, 'a ```yaml example').toBeDefined();
      const r = schema.safeParse(parse(example!));
      expect(r.success ? [] : r.error.issues).toEqual([]);
    });

    it("names every field of the file's JSON Schema", () => {
      const names = [...propertyNames(JSON.parse(readFileSync(join(ROOT, 'schemas', jsonSchema), 'utf8')))];
      expect(names.length).toBeGreaterThan(2);
      // A field is named as `field` or at the end of a path: `goals[].progress[].date`, `sla.recycle_to`.
      const missing = names.filter((n) => !new RegExp(`\`(?:[^\`\\s]*[.\\]])?${n}\``).test(text) && !text.includes(`\`${n}\` (`));
      expect(missing).toEqual([]);
    });
  });
});
