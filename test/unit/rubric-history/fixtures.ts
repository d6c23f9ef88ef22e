import { RubricSchema, type Rubric } from '../../../src/core/schemas/rubric.js';

/** A small valid rubric; tests change one thing at a time with `variant`. */
export const BASE: Rubric = RubricSchema.parse({
  name: 'Sales-ready lead',
  approved_by: { sales: 'Dana Kim', marketing: 'Sam Ortiz' },
  dimensions: { fit: { max: 60 }, engagement: { max: 80 } },
  stages: [
    { id: 'mql', label: 'Marketing-qualified', min: 40 },
    { id: 'sql', label: 'Sales-ready', min: 70, require: { fit: 30 } },
  ],
  criteria: [
    { id: 'company-size', label: '200+ employees', dimension: 'fit', when: { field: 'employees', op: 'gte', value: 200 }, points: 15, why: 'big deals' },
    { id: 'decision-maker', dimension: 'fit', when: { all: [{ field: 'title', op: 'matches', value: '\\b(vp|director)\\b' }, { field: 'country', op: 'in', value: ['US', 'CA'] }] }, points: 20 },
    { id: 'demo-request', dimension: 'engagement', when: { field: 'demo_requested', op: 'eq', value: true }, points: 40 },
    { id: 'competitor', when: { field: 'email_domain', op: 'in', value: ['rival.com'] }, disqualify: true },
  ],
  sla: { follow_up_hours: 24, decision_days: 3, rejection_reasons: ['no-budget', 'not-now'] },
  tests: [{ name: 'vp demo', lead: { employees: 500, title: 'VP Sales', country: 'US', demo_requested: true }, expect: 'sql' }],
});

/** A deep copy of BASE changed by `edit`, parsed again so it is a valid rubric. */
export function variant(edit: (r: Rubric) => void): Rubric {
  const copy = structuredClone(BASE);
  edit(copy);
  return RubricSchema.parse(copy);
}
