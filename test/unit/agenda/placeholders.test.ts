import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/core/errors.js';
import { renderPlaceholders } from '../../../src/core/agenda/placeholders.js';
import { placeholderView } from '../../../src/core/agenda/view.js';
import { TemplateSchema, type Template } from '../../../src/core/schemas/template.js';
import { loadYaml } from '../../../src/core/yaml/load.js';
import { rememberSourceText } from '../../../src/core/agenda/source-text.js';

const config = {
  organization: 'Acme & Sons <Ltd>',
  teams: { sales: { name: 'Field Sales', members: ['Dana Kim', 'Lee Park'] }, marketing: { name: 'Growth', members: [] } },
};

function load(text: string, file = 'templates/t.yaml'): Template {
  const r = loadYaml(file, new TextEncoder().encode(text), TemplateSchema);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  rememberSourceText(r.data, r.text);
  return r.data;
}

const view = placeholderView(config, { date: '2026-12-01', facilitator: 'Sam Ortiz' });

describe('renderPlaceholders', () => {
  it('fills every text field and does not HTML-escape', () => {
    const t = load(`id: t
title: "{{organization}} on {{date}}"
description: led by {{facilitator}}
sections:
  - id: a
    title: "{{teams.sales.name}} first"
    minutes: 10
    lead: "{{teams.marketing.name}}"
    purpose: members {{teams.sales.members}}
    capture: notes
    prompts: ["Ask {{teams.marketing.name}}", "plain"]
`);
    const r = renderPlaceholders(t, view, 'templates/t.yaml');
    expect(r.title).toBe('Acme & Sons <Ltd> on 2026-12-01');
    expect(r.description).toBe('led by Sam Ortiz');
    expect(r.sections[0]).toMatchObject({ title: 'Field Sales first', lead: 'Growth', purpose: 'members Dana Kim, Lee Park', prompts: ['Ask Growth', 'plain'] });
    expect(t.title).toBe('{{organization}} on {{date}}'); // the input is left alone
  });

  it('uses stand-in words outside a workspace', () => {
    const v = placeholderView(null, { date: '2026-12-01' });
    expect(v).toMatchObject({ organization: 'your organization', facilitator: 'the facilitator', teams: { sales: { name: 'Sales' }, marketing: { name: 'Marketing' } } });
  });

  const cases: [string, string, number, number, RegExp][] = [
    ['unknown name in a prompt', 'id: t\ntitle: T\nsections:\n  - id: a\n    title: A\n    minutes: 5\n    capture: notes\n    prompts:\n      - "Hello {{orgnization}}"\n', 9, 16, /sections\[0\]\.prompts\[0\]: unknown placeholder \{\{orgnization\}\}/],
    ['unknown team', 'id: t\ntitle: "{{teams.finance.name}}"\nsections:\n  - { id: a, title: A, minutes: 5, capture: notes }\n', 2, 9, /title: unknown placeholder/],
    ['a group, not a value', 'id: t\ntitle: "{{teams.sales}}"\nsections:\n  - { id: a, title: A, minutes: 5, capture: notes }\n', 2, 9, /names a group/],
    ['a section tag', 'id: t\ntitle: T\nsections:\n  - id: a\n    title: A\n    minutes: 5\n    capture: notes\n    purpose: |\n      first line\n      {{#teams}}x{{/teams}}\n', 10, 7, /not allowed/],
    ['an unclosed tag', 'id: t\ntitle: "Hi {{organization"\nsections:\n  - { id: a, title: A, minutes: 5, capture: notes }\n', 2, 8, /broken placeholder/],
  ];
  it.each(cases)('%s is an error at the file, line and column', (_name, text, line, col, message) => {
    const t = load(text);
    let err: unknown;
    try {
      renderPlaceholders(t, view, 'templates/t.yaml');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    const p = (err as InputError).problems[0]!;
    expect(p).toMatchObject({ file: 'templates/t.yaml', line, col });
    expect(p.message).toMatch(message);
    expect((err as InputError).hint).toContain('{{teams.sales.name}}');
  });

  it('still names the file without the YAML text', () => {
    const t: Template = { id: 't', title: '{{nope}}', sections: [{ id: 'a', title: 'A', minutes: 5, prompts: [], capture: 'notes' }] };
    expect(() => renderPlaceholders(t, view, 'x.yaml')).toThrow(/x\.yaml: title: unknown placeholder \{\{nope\}\}/);
  });
});
