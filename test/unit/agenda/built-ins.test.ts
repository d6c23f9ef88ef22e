import { describe, expect, it } from 'vitest';
import { listTemplates } from '../../../src/adapters/workspace/templates.js';
import { renderPlaceholders } from '../../../src/core/agenda/placeholders.js';
import { placeholderView } from '../../../src/core/agenda/view.js';

const builtIns = listTemplates(null);

describe.each(builtIns.map((e) => [e.template.id, e] as const))('built-in template %s', (_id, entry) => {
  const t = entry.template;
  it('lasts 60 to 120 minutes', () => {
    const total = t.sections.reduce((n, s) => n + s.minutes, 0);
    expect(total).toBeGreaterThanOrEqual(60);
    expect(total).toBeLessThanOrEqual(120);
  });
  it('gives every section a purpose, at least two prompts, a known lead and a capture', () => {
    for (const s of t.sections) {
      expect(s.purpose, s.id).toBeTruthy();
      expect(s.prompts.length, s.id).toBeGreaterThanOrEqual(2);
      expect(['sales', 'marketing', 'both', 'facilitator'], s.id).toContain(s.lead);
      expect(s.capture, s.id).toBeTruthy();
    }
  });
  it('ends with actions or decisions the room leaves with', () => {
    expect(['actions', 'decisions']).toContain(t.sections.at(-1)!.capture);
  });
  it('renders in a workspace whose teams have other names, and outside one', () => {
    const config = { organization: 'Zed & Co', teams: { sales: { name: 'Revenue', members: [] }, marketing: { name: 'Demand Gen', members: [] }, cs: { name: 'Success', members: [] } } };
    const r = renderPlaceholders(t, placeholderView(config, { date: '2026-12-01' }), entry.file);
    expect(JSON.stringify(r)).not.toContain('{{');
    expect(JSON.stringify(renderPlaceholders(t, placeholderView(null, { date: '2026-12-01' }), entry.file))).not.toContain('{{');
  });
});

it("the built-ins capture what the table of built-in templates in docs/agenda.md says each captures", () => {
  const captures = Object.fromEntries(builtIns.map((e) => [e.template.id, e.template.sections.map((s) => (s.dimension ? `${s.capture}:${s.dimension}` : s.capture))]));
  expect(captures.kickoff).toEqual(expect.arrayContaining(['attendees', 'team-goals', 'shared-goals', 'decisions', 'actions']));
  expect(captures['lead-definition']).toEqual(expect.arrayContaining(['criteria:fit', 'criteria:engagement', 'stages', 'sla']));
  expect(captures.sync).toEqual(expect.arrayContaining(['action-review', 'goal-progress', 'notes', 'decisions', 'actions']));
  expect(captures.exchange!.filter((c) => c === 'actions').length).toBeGreaterThanOrEqual(4);
  expect(captures.future).toEqual(expect.arrayContaining(['notes', 'goal-progress', 'shared-goals']));
});
