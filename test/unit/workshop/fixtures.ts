import type { Template, TemplateSection } from '../../../src/core/schemas/template.js';
import type { WorkshopInput } from '../../../src/core/workshop/types.js';

/** A small workspace: two teams, one goal, a two-criterion rubric, one earlier session with open actions. */
export function input(sections: Partial<TemplateSection>[] = [], over: Partial<WorkshopInput> = {}): WorkshopInput {
  const template: Template = {
    id: 'test',
    title: 'Test workshop',
    sections: sections.map((s, i) => ({ id: s.id ?? `s${i}`, title: s.title ?? `Section ${i}`, minutes: s.minutes ?? 10, prompts: [], capture: s.capture ?? 'notes', ...s })) as TemplateSection[],
  };
  return {
    template,
    config: { organization: 'Acme', teams: { sales: { name: 'Sales', members: ['Dana Kim'] }, marketing: { name: 'Marketing', members: ['Sam Ortiz'] } } },
    goals: { goals: [{ id: 'pipeline', title: 'Grow pipeline', baseline: 100, target: 200, status: 'on-track' }, { id: 'old', title: 'Old goal', status: 'done' }] },
    rubric: {
      stages: [{ id: 'mql', min: 30 }, { id: 'sql', min: 60 }],
      criteria: [
        { id: 'size', dimension: 'fit', when: { field: 'employees', op: 'gte', value: 200 }, points: 20 },
        { id: 'demo', dimension: 'engagement', when: { field: 'demo', op: 'eq', value: true }, points: 40 },
      ],
      sla: { follow_up_hours: 24, recycle_to: 'nurture' },
    },
    sessions: [
      {
        id: '2026-11-01-kickoff', template: 'kickoff', date: '2026-11-01',
        actions: [{ id: 'a1', title: 'Send lead list', owner: 'Dana Kim', status: 'open' }, { id: 'a2', title: 'Book workshop', status: 'done' }, { id: 'a3', title: 'Share calendar', status: 'open' }],
      },
      { id: '2026-11-15-sync', template: 'sync', date: '2026-11-15', action_reviews: [{ session: '2026-11-01-kickoff', action: 'a3', status: 'dropped' }] },
    ],
    sessionFiles: ['sessions/2026-11-01-kickoff.yaml', 'sessions/2026-11-15-sync.yaml'],
    today: '2026-11-27',
    ...over,
  };
}
