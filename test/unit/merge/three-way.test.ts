import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexPath, merge3, pathText } from '../../../src/core/merge/three-way.js';

const base = {
  name: 'Sales-ready lead',
  stages: [{ id: 'mql', min: 40 }, { id: 'sql', min: 70 }],
  criteria: [{ id: 'demo', points: 40 }, { id: 'size', points: 15 }],
  sla: { follow_up_hours: 24, decision_days: 3, rejection_reasons: ['no-budget', 'wrong-persona'] },
};
const clone = () => structuredClone(base);

describe('merge3 of a session (ours) onto the file as it is now (theirs)', () => {
  it('keeps disjoint changes of both sides and says which of theirs it kept', () => {
    const ours = clone();
    ours.sla.decision_days = 2;
    ours.criteria.push({ id: 'webinar', points: 10 });
    ours.sla.rejection_reasons.push('not-now');
    const theirs = clone();
    theirs.sla.follow_up_hours = 12;
    theirs.stages[1]!.min = 75;
    theirs.sla.rejection_reasons = ['no-budget'];
    const r = merge3(base, ours, theirs);
    expect(r.conflicts).toEqual([]);
    expect(r.value).toEqual({
      ...base,
      stages: [{ id: 'mql', min: 40 }, { id: 'sql', min: 75 }],
      criteria: [...base.criteria, { id: 'webinar', points: 10 }],
      sla: { follow_up_hours: 12, decision_days: 2, rejection_reasons: ['no-budget', 'not-now'] },
    });
    expect(r.kept.map((k) => pathText(k.path))).toEqual(['stages[sql].min', 'sla.follow_up_hours', 'sla.rejection_reasons']);
  });

  it('a value both changed differently is a conflict: theirs until ours is chosen', () => {
    const ours = clone();
    ours.sla.follow_up_hours = 8;
    const theirs = clone();
    theirs.sla.follow_up_hours = 12;
    const r = merge3(base, ours, theirs);
    expect(r.conflicts).toEqual([{ path: ['sla', 'follow_up_hours'], base: 24, theirs: 12, ours: 8 }]);
    expect((r.value as typeof base).sla.follow_up_hours).toBe(12);
    expect((merge3(base, ours, theirs, () => 'ours').value as typeof base).sla.follow_up_hours).toBe(8);
  });

  it('a criterion removed on one side and edited on the other is a conflict at its id; the same change on both is none', () => {
    const ours = clone();
    ours.criteria = ours.criteria.filter((c) => c.id !== 'size');
    ours.stages[0]!.min = 45;
    const theirs = clone();
    theirs.criteria[1]!.points = 20;
    theirs.stages[0]!.min = 45;
    const r = merge3(base, ours, theirs);
    expect(r.conflicts.map((c) => pathText(c.path))).toEqual(['criteria[size]']);
    expect(r.conflicts[0]!.ours).toBeUndefined();
    expect(indexPath(r.conflicts[0]!.path, theirs)).toEqual(['criteria', 1]);
  });

  it('a list both sides added (progress on a goal that had none) keeps the items of both', () => {
    const b = { goals: [{ id: 'g', title: 'G' }] };
    const ours = { goals: [{ id: 'g', title: 'G', progress: [{ date: '2026-12-05', value: 5 }] }] };
    const theirs = { goals: [{ id: 'g', title: 'G', progress: [{ date: '2026-12-04', value: 4 }] }] };
    const r = merge3(b, ours, theirs);
    expect(r.conflicts).toEqual([]);
    expect(r.value).toEqual({ goals: [{ id: 'g', title: 'G', progress: [{ date: '2026-12-04', value: 4 }, { date: '2026-12-05', value: 5 }] }] });
  });

  const json = fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: 'small' }, fc.integer({ min: 0, max: 3 }), fc.constantFrom('a', 'b'), fc.boolean(), tie('map')),
    map: fc.dictionary(fc.constantFrom('k1', 'k2', 'k3', 'k4'), tie('value'), { maxKeys: 4 }),
  })).map as fc.Arbitrary<Record<string, unknown>>;

  it('property: no concurrent change gives ours; no session change gives theirs; no conflict either way', () => {
    fc.assert(
      fc.property(json, json, (b, o) => {
        const a = merge3(b, o, b);
        expect(a.value).toEqual(o);
        expect(a.conflicts).toEqual([]);
        const t = merge3(b, b, o);
        expect(t.value).toEqual(o);
        expect(t.conflicts).toEqual([]);
      }),
    );
  });

  it('property: changes to disjoint keys are both kept', () => {
    const keys = ['k1', 'k2', 'k3', 'k4', 'k5', 'k6'];
    fc.assert(
      fc.property(json, fc.subarray(keys), fc.dictionary(fc.constantFrom(...keys), json), fc.dictionary(fc.constantFrom(...keys), json), (b, mine, oc, tc) => {
        const ours: Record<string, unknown> = { ...b };
        const theirs: Record<string, unknown> = { ...b };
        for (const [k, v] of Object.entries(oc)) if (mine.includes(k)) ours[k] = v;
        for (const [k, v] of Object.entries(tc)) if (!mine.includes(k)) theirs[k] = v;
        const r = merge3(b, ours, theirs);
        expect(r.conflicts).toEqual([]);
        for (const k of keys) expect((r.value as Record<string, unknown>)[k]).toEqual(mine.includes(k) ? ours[k] : theirs[k]);
      }),
    );
  });
});
