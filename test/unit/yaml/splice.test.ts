import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { patchYaml } from '../../../src/core/yaml/render.js';
import { spliceYaml } from '../../../src/core/yaml/splice.js';

const URL = 'https://example.test/schemas/rubric.schema.json';
const HEAD = `# yaml-language-server: $schema=${URL}\n`;

// Rubric files as people write them by hand, each in its own style.
const STYLES: Record<string, string> = {
  'flow lists without padding, aligned comments': `${HEAD}name: Sales-ready lead
stages:
  - { id: mql, label: Marketing-qualified, min: 40 }
  - { id: sql, label: Sales-ready, min: 70, require: { fit: 30 } }
criteria:
  - id: demo-request
    dimension: engagement
    when: { field: demo_requested, op: eq, value: true }
    points: 40
sla:
  follow_up_hours: 24       # sales contacts a sales-ready lead within this
  decision_days: 3          # sales accepts or rejects it within this
  rejection_reasons: [no-budget, wrong-persona, not-now, duplicate]
`,
  'four-space indent, quoted strings, block lists, blank lines': `${HEAD}name: "Sales-ready lead"

stages:
    -   id: mql
        min: 40

criteria:
    -   id: 'demo-request'
        when:   { field: demo_requested, op: eq, value: true }
        points: 40
sla:
    follow_up_hours:   24
    rejection_reasons:
        - no-budget
        - 'wrong-persona'
`,
  'padded flow maps, sequences not indented': `${HEAD}name: Lead
stages:
- { id: mql, min: 40 }
criteria:
- id: demo-request
  when: {  field: demo_requested,  op: eq,  value: true  }
  points: 40
sla: { follow_up_hours: 24, rejection_reasons: [ no-budget ,wrong-persona ] }
`,
};

describe('a file changes only where a value changed (byte-identical elsewhere)', () => {
  for (const [style, text] of Object.entries(STYLES)) {
    it(`${style}: a changed threshold rewrites that number and nothing else`, () => {
      const data = parse(text);
      data.stages[0].min = 45;
      const out = patchYaml(text, data, URL);
      expect(parse(out)).toEqual(data);
      const before = text.split('\n');
      const after = out.split('\n');
      expect(after).toHaveLength(before.length);
      const changed = before.flatMap((line, i) => (line === after[i] ? [] : [[line, after[i]]]));
      expect(changed).toHaveLength(1);
      expect(changed[0]![1]).toBe(changed[0]![0]!.replace('40', '45'));
    });

    it(`${style}: untouched parts are byte-identical when criteria are added, changed and removed`, () => {
      const data = parse(text);
      data.criteria[0].points = 35;
      data.criteria.push({ id: 'big-company', when: { field: 'employees', op: 'gte', value: 200 }, points: 15 });
      data.sla.follow_up_hours = 12;
      const out = patchYaml(text, data, URL);
      expect(parse(out)).toEqual(data);
      const sla = (s: string) => s.slice(s.indexOf('rejection_reasons'));
      expect(sla(out).split('\n')[0]).toBe(sla(text).split('\n')[0]);
      const stages = (s: string) => s.slice(s.indexOf('stages:'), s.indexOf('criteria:'));
      expect(stages(out)).toBe(stages(text));
      expect(out.startsWith(text.slice(0, text.indexOf('stages:')))).toBe(true);
    });
  }

  it('the same data gives the same bytes, whatever the style', () => {
    for (const text of Object.values(STYLES)) expect(patchYaml(text, parse(text), URL)).toBe(text);
  });

  it('an item added to a flow list keeps the list flow and its spacing; a removed key takes its line with it', () => {
    const text = STYLES['flow lists without padding, aligned comments']!;
    const data = parse(text);
    data.sla.rejection_reasons.push('bad-data');
    delete data.sla.decision_days;
    const out = spliceYaml(text, data)!;
    expect(out).toBe(text.replace('duplicate]', 'duplicate, bad-data]').replace(/ {2}decision_days.*\n/, ''));
  });

  it('any change to values of a hand-written file reads back as the data, and other top-level entries keep their bytes', () => {
    const text = STYLES['flow lists without padding, aligned comments']!;
    const value = fc.oneof(fc.integer({ min: -5, max: 500 }), fc.constantFrom('yes', 'a, b', '#x', 'plain', "it's", 'multi\nline', true, null));
    fc.assert(
      fc.property(fc.constantFrom('follow_up_hours', 'decision_days', 'new_key'), value, fc.boolean(), (key, v, dropReasons) => {
        const data = parse(text);
        data.sla[key] = v;
        if (dropReasons) delete data.sla.rejection_reasons;
        const out = patchYaml(text, data, URL);
        expect(parse(out)).toEqual(data);
        expect(out.slice(0, out.indexOf('sla:'))).toBe(text.slice(0, text.indexOf('sla:')));
      }),
      { numRuns: 60 },
    );
  });
});
