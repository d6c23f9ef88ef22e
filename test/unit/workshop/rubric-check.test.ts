import { describe, expect, it } from 'vitest';
import { buildOutcome } from '../../../src/core/workshop/outcome.js';
import { goldenFailureLines, goldenVerdict, rubricChanged, rubricWarnings } from '../../../src/core/workshop/rubric-check.js';
import type { Rubric } from '../../../src/core/schemas/rubric.js';
import { input } from './fixtures.js';

const signed = (over: Partial<Rubric> = {}): Rubric => ({ ...input().rubric!, approved_by: { sales: 'Dana Kim', marketing: 'Sam Ortiz' }, tests: [{ name: 'big demo', lead: { employees: 500, demo: true }, expect: 'sql' }], ...over });

describe('golden leads and sign-off in a session', () => {
  it('counts as a rubric change what changes scoring or the SLA, not a sign-off or golden leads', () => {
    const before = signed();
    const cases: [string, Partial<Rubric>, boolean][] = [
      ['same', {}, false],
      ['sign-off only', { approved_by: { sales: 'Lee Park' } }, false],
      ['golden leads only', { tests: [] }, false],
      ['a threshold', { stages: [{ id: 'mql', min: 30 }, { id: 'sql', min: 70 }] }, true],
      ['the SLA', { sla: { follow_up_hours: 12, recycle_to: 'nurture' } }, true],
      ['a criterion', { criteria: before.criteria.slice(1) }, true],
    ];
    for (const [what, over, changed] of cases) expect(rubricChanged(before, signed(over)), what).toBe(changed);
  });

  const sections = [{ id: 't', capture: 'stages' as const }];
  const run = (answer: Record<string, unknown>) => {
    const r = buildOutcome(input(sections, { rubric: signed() }), { sections: { t: answer } });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    return r.outcome;
  };

  it('clears the earlier sign-off of a changed rubric, keeping those who sign again; an unchanged one keeps it', () => {
    const changed = run({ stages: [{ id: 'mql', min: 35 }, { id: 'sql', min: 60 }], approved_by: { marketing: 'Sam Ortiz' } });
    expect(changed.rubric?.approved_by).toEqual({ marketing: 'Sam Ortiz' });
    expect(changed.rubricCheck?.cleared).toEqual(['sales']);
    expect(rubricWarnings(changed.rubricCheck!)).toEqual(['warning: the rubric changed, so the earlier sign-off of sales is cleared; give approved_by in the stages section to sign this version']);
    const golden = run({ tests: [{ name: 'small', lead: { employees: 10 }, expect: 'unqualified' }] });
    expect(golden.rubric?.approved_by).toEqual({ sales: 'Dana Kim', marketing: 'Sam Ortiz' });
    expect(golden.rubric?.tests?.map((t) => t.name)).toEqual(['big demo', 'small']);
    expect(goldenVerdict(golden.rubricCheck!.golden)).toBe('all 2 golden leads pass');
  });

  it('runs the golden leads of the rubric the session writes, naming each that fails', () => {
    const o = run({ stages: [{ id: 'mql', min: 30 }, { id: 'sql', min: 61 }] });
    expect(o.rubric?.approved_by).toBeUndefined();
    expect(goldenVerdict(o.rubricCheck!.golden)).toBe('1 of 1 golden lead fails');
    expect(goldenFailureLines(o.rubricCheck!.golden)).toEqual(['✗ big demo: expected sql, now mql (score 60)']);
  });
});
