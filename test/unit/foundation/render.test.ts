import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { patchYaml, renderNewYaml } from '../../../src/core/yaml/render.js';

const URL = 'https://example.test/schemas/goals.schema.json';

describe('patchYaml keeps what a person wrote', () => {
  const text = `# Our shared goals — reviewed every sync
goals:
  # the big one
  - id: sql-pipeline
    title: Grow pipeline from sales-ready leads   # agreed 2026-11-27
    target: 2000000
    owners: [sales, marketing]
  - id: nurture
    title: Nurture the rest
`;

  it('changes only the values that changed, by id, keeping comments and key order', () => {
    const data = parse(text);
    data.goals[0].target = 2500000;
    data.goals[1].status = 'on-track';
    data.goals.push({ id: 'new-goal', title: 'A new goal' });
    const out = patchYaml(text, data, URL);
    expect(out.split('\n')[0]).toBe(`# yaml-language-server: $schema=${URL}`);
    expect(out).toContain('# Our shared goals — reviewed every sync');
    expect(out).toContain('# the big one');
    expect(out).toContain('# agreed 2026-11-27');
    expect(out).toContain('owners: [sales, marketing]');
    expect(parse(out)).toEqual(data);
    expect(out.indexOf('sql-pipeline')).toBeLessThan(out.indexOf('nurture'));
  });

  it('matches list items by id, not position, when items are reordered or removed', () => {
    const data = parse(text);
    data.goals = [{ ...data.goals[1] }, { ...data.goals[0], title: 'Grow SQL pipeline' }];
    const out = patchYaml(text, data, URL);
    expect(parse(out)).toEqual(data);
    // the comment on the goal's line travelled with its goal
    expect(out.indexOf('# agreed 2026-11-27')).toBeGreaterThan(out.indexOf('id: nurture'));
  });

  it('does not add a second modeline', () => {
    const once = patchYaml(text, parse(text), URL);
    const twice = patchYaml(once, parse(once), URL);
    expect(twice.match(/yaml-language-server/g)).toHaveLength(1);
    expect(twice).toBe(once);
  });

  it('renders a new file with the modeline and a note', () => {
    const out = renderNewYaml({ goals: [] }, URL, 'shared goals');
    expect(out).toBe(`# yaml-language-server: $schema=${URL}\n# shared goals\ngoals: []\n`);
  });
});

describe('patchYaml on a starter file', () => {
  it('writes an empty flow list that gets content in block style', () => {
    const text = `# shared goals\ngoals: []\n`;
    const data = { goals: [{ id: 'a', title: 'A', owners: ['sales'] }] };
    const out = patchYaml(text, data, URL);
    expect(out).toContain('goals:\n  - id: a\n');
    expect(out).toContain('# shared goals');
    expect(parse(out)).toEqual(data);
  });
});
