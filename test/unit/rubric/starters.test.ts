import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkRubric } from '../../../src/core/checks/rubric.js';
import { compileRubric } from '../../../src/core/rubric/engine/compile.js';
import { RubricSchema } from '../../../src/core/schemas/rubric.js';
import { loadYaml } from '../../../src/core/yaml/load.js';

const DIR = join(import.meta.dirname, '../../../templates/rubrics');
const AS_OF = '2026-11-27';

// The starters' golden leads are the examples the product ships; the evaluator must agree with every one.
describe('starter rubrics: golden tests', () => {
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.yaml')).sort()) {
    const loaded = loadYaml(file, readFileSync(join(DIR, file)), RubricSchema, checkRubric);
    if (!loaded.ok) throw new Error(`${file} does not load: ${loaded.problems.map((p) => p.message).join('; ')}`);
    const rubric = loaded.data;
    const tests = rubric.tests ?? [];
    it.runIf(tests.length > 0).each(tests.map((t, i) => ({ name: t.name ?? `test ${i + 1}`, t })))(`${file}: $name`, ({ t }) => {
      const compiled = compileRubric(rubric, { asOf: t.as_of ?? AS_OF });
      const lead = t.lead as Record<string, string | number | boolean | null>;
      const score = compiled.score(lead);
      expect(score.stage, compiled.explain(lead).reason).toBe(t.expect);
      expect(compiled.explain(lead).stage).toBe(t.expect);
    });
  }
});
