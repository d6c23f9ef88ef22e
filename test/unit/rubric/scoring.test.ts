import { describe, expect, it } from 'vitest';
import { compileRubric } from '../../../src/core/rubric/engine/compile.js';
import type { Rubric } from '../../../src/core/schemas/rubric.js';

const AS_OF = '2026-11-27';
const flag = (field: string) => ({ field, op: 'eq' as const, value: true });

const rubric: Rubric = {
  dimensions: { fit: { max: 30 }, engagement: { max: 50 } },
  stages: [
    { id: 'mql', min: 20 },
    { id: 'sql', min: 50, require: { fit: 25, engagement: 10 } },
  ],
  criteria: [
    { id: 'f1', dimension: 'fit', when: flag('f1'), points: 20, why: 'big company' },
    { id: 'f2', when: flag('f2'), points: 15 }, // dimension defaults to fit
    { id: 'e1', dimension: 'engagement', when: flag('e1'), points: 30 },
    { id: 'e2', dimension: 'engagement', when: flag('e2'), points: 30 },
    { id: 'neg', dimension: 'engagement', when: flag('neg'), points: -12.5 },
    { id: 'gate', when: flag('gate'), disqualify: true, why: 'competitor' },
  ],
};
const compiled = compileRubric(rubric, { asOf: AS_OF });
const lead = (...on: string[]) => Object.fromEntries(on.map((f) => [f, 'yes']));

describe('scoring', () => {
  it.each([
    ['nothing fires', [], { fit: 0, engagement: 0, score: 0, stage: 'unqualified' }],
    ['fit cap: 35 capped at 30', ['f1', 'f2'], { fit: 30, engagement: 0, score: 30, stage: 'mql' }],
    ['engagement cap: 60 capped at 50', ['e1', 'e2'], { fit: 0, engagement: 50, score: 50, stage: 'mql' }],
    ['total is the sum of capped dimensions', ['f1', 'f2', 'e1', 'e2'], { fit: 30, engagement: 50, score: 80, stage: 'sql' }],
    ['require: enough score, too little fit', ['f1', 'e1', 'e2'], { fit: 20, engagement: 50, score: 70, stage: 'mql' }],
    ['negative decimal points', ['f1', 'f2', 'e1', 'neg'], { fit: 30, engagement: 17.5, score: 47.5, stage: 'mql' }],
    ['cap applies to the sum after negatives', ['e1', 'e2', 'neg'], { fit: 0, engagement: 47.5, score: 47.5, stage: 'mql' }],
    ['a gate disqualifies whatever the score', ['f1', 'f2', 'e1', 'e2', 'gate'], { fit: 30, engagement: 50, score: 80, stage: 'disqualified' }],
  ])('%s', (_name, on, expected) => {
    const s = compiled.score(lead(...on));
    expect({ fit: s.fit, engagement: s.engagement, score: s.score, stage: s.stage }).toEqual(expected);
    expect(s.fired).toEqual(rubric.criteria.map((c) => c.id).filter((id) => on.includes(id)));
  });

  it('a stage with a require but below the lower stage min is the highest that qualifies', () => {
    const r: Rubric = {
      stages: [
        { id: 'a', min: 10, require: { engagement: 10 } },
        { id: 'b', min: 20 },
      ],
      criteria: [{ id: 'x', when: flag('x'), points: 25 }],
    };
    expect(compileRubric(r, { asOf: AS_OF }).score({ x: true }).stage).toBe('b');
  });

  it('decimal points meet a threshold exactly (0.1 + 0.2 reaches 0.3)', () => {
    const r: Rubric = {
      stages: [{ id: 'mql', min: 0.3 }],
      criteria: [
        { id: 'a', when: flag('a'), points: 0.1 },
        { id: 'b', when: flag('b'), points: 0.2 },
      ],
    };
    const s = compileRubric(r, { asOf: AS_OF }).score({ a: true, b: true });
    expect(s.score).toBe(0.3);
    expect(s.stage).toBe('mql');
  });

  it('forColumns scores rows by header position, finds headers spelled otherwise, and names the closest headers for a missing field', () => {
    const score = compiled.forColumns(['e1', 'gate', 'f2', 'f1', 'e2', 'neg']);
    expect(score(['yes', 'no', 'yes', 'true', '', '']).score).toBe(60);
    expect(compiled.forColumns(['F1', 'f2', 'E-1', 'e2', 'neg', ' gate '])(['true', 'yes', 'yes', '', '', 'no']).score).toBe(60);
    expect(() => compiled.forColumns(['fone', 'f2', 'e1', 'e2', 'neg', 'gate'])).toThrow(/field "f1".*closest headers: "f2", "e1", "e2"/);
  });

  it('explain traces criteria, caps, gates and the stage', () => {
    const e = compiled.explain(lead('f1', 'f2', 'e1', 'gate'));
    expect(e.dimensions.fit).toEqual({ raw: 35, max: 30, capped: 30, removed: 5 });
    expect(e.gates).toEqual([{ id: 'gate', why: 'competitor' }]);
    expect(e.stage).toBe('disqualified');
    expect(e.reason).toContain('disqualified by "gate": competitor');
    const f1 = e.criteria.find((c) => c.id === 'f1')!;
    expect(f1).toMatchObject({ fired: true, gave: 20, why: 'big company', dimension: 'fit' });
    const notGate = compiled.explain(lead('f1', 'e1', 'e2'));
    expect(notGate.stage).toBe('mql');
    expect(notGate.stages.find((s) => s.id === 'sql')!.missing).toEqual(['fit 20 is below the required 25']);
    expect(notGate.reason).toBe('score 70 reaches "mql" (min 20); not "sql": fit 20 is below the required 25');
    const unknown = compiled.explain({ f1: 'maybe' });
    expect(unknown.criteria[0]!.condition).toMatchObject({ kind: 'leaf', result: false, note: 'unknown: "maybe" cannot be read as true/false' });
    expect(unknown.reason).toBe('below the first stage "mql": score 0 is below 20');
  });

  it('range gives the lowest and highest possible totals', () => {
    expect(compiled.range).toEqual({ min: -12.5, max: 80 });
  });

  it('rejects a malformed --as-of', () => {
    expect(() => compileRubric(rubric, { asOf: '27/11/2026' })).toThrow(/not a date/);
  });

  it('never turns rubric values into code', () => {
    const evil: Rubric = { stages: [{ id: 'mql', min: 1 }], criteria: [{ id: 'x', when: { field: 'a', op: 'eq', value: "'); globalThis.pwned = true; ('" }, points: 1 }] };
    compileRubric(evil, { asOf: AS_OF }).score({ a: 'x' });
    expect((globalThis as Record<string, unknown>).pwned).toBeUndefined();
  });
});

describe('the engine\'s own guard on matches', () => {
  it('refuses to compile a pattern that could hang, should one ever reach it without the loaders\' check', () => {
    const unchecked: Rubric = { stages: [{ id: 'mql', min: 1 }], criteria: [{ id: 'r', when: { field: 'title', op: 'matches', value: '^(a+)+$' }, points: 1 }] };
    expect(() => compileRubric(unchecked, { asOf: AS_OF })).toThrow('reached scoring without its safety check');
  });
});
