import { describe, expect, it } from 'vitest';
import { conflictKey, mergeOutcome, type Versions } from '../../../src/core/merge/outcome.js';
import type { Rubric } from '../../../src/core/schemas/rubric.js';
import { buildOutcome } from '../../../src/core/workshop/outcome.js';
import { input } from '../workshop/fixtures.js';

const base = input([{ id: 'thresholds', capture: 'stages' }]);
const theirsRubric = (stages: Rubric['stages']): Rubric => ({ ...base.rubric!, stages });
const versions = (theirs: Rubric): Versions => ({
  'goals.yaml': { base: base.goals, theirs: base.goals },
  'rubric.yaml': { base: base.rubric, theirs },
  'align.yaml': { base: base.config, theirs: base.config },
});

describe('mergeOutcome: the session onto the files as they are now', () => {
  const built = buildOutcome(base, { sections: { thresholds: { stages: [{ id: 'mql', min: 50 }, { id: 'sql', min: 60 }] } } });
  if (!built.ok) throw new Error('fixture');

  it('a merge that leaves the rubric invalid (stages out of order) is a conflict of the whole file, decided as a whole', () => {
    // they lowered sql to 45 while the session raised mql to 50: each valid alone, not together
    const theirs = theirsRubric([{ id: 'mql', min: 30 }, { id: 'sql', min: 45 }]);
    const m = mergeOutcome(built.outcome, base, versions(theirs), {});
    expect(m.open).toHaveLength(1);
    expect(m.open[0]).toMatchObject({ file: 'rubric.yaml', path: [] });
    expect(m.open[0]!.problems!.join()).toMatch(/stages/);
    const key = conflictKey(m.open[0]!);
    expect(mergeOutcome(built.outcome, base, versions(theirs), { [key]: 'theirs' }).outcome.rubric).toEqual(theirs);
    expect(mergeOutcome(built.outcome, base, versions(theirs), { [key]: 'ours' }).outcome.rubric!.stages).toEqual([{ id: 'mql', min: 50 }, { id: 'sql', min: 60 }]);
  });

  it('with no change on disk the outcome is the session\'s, untouched', () => {
    const m = mergeOutcome(built.outcome, base, versions(base.rubric!), {});
    expect(m.open).toEqual([]);
    expect(m.kept).toEqual([]);
    expect(m.outcome).toEqual(built.outcome);
  });
});
