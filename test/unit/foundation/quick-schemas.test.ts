// The quick checks of clean data (src/core/schemas/quick/) held to zod: on generated data, clean
// and not, whatever a quick check accepts zod accepts too, and returns the same data, key order
// included. Where it is unsure, zod alone answers (and says what is wrong).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UNSURE } from '../../../src/core/schemas/quick/check.js';
import { quickRubric } from '../../../src/core/schemas/quick/rubric.js';
import { quickSession } from '../../../src/core/schemas/quick/session.js';
import { parseQuick } from '../../../src/core/schemas/quick/index.js';
import { RubricSchema } from '../../../src/core/schemas/rubric.js';
import { SessionSchema } from '../../../src/core/schemas/session.js';

/** Mostly a good value, now and then a bad one (a part of a file that is wrong). */
const maybe = <T>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<unknown>) => fc.oneof({ weight: 40, arbitrary: good }, { weight: 1, arbitrary: bad });
const odd = fc.oneof(fc.constant(null), fc.integer({ min: -3, max: 90 }), fc.double(), fc.boolean(), fc.constant([]), fc.constant({}), fc.constantFrom('', '  ', ' padded ', 'x\t'));
const good = fc.oneof(fc.constantFrom('Dana Kim', 'a1', ' padded ', 'open', 'sync'), fc.string({ minLength: 1, maxLength: 6 }));
const text = maybe(good, odd);
const any = text;
const number = maybe(fc.oneof(fc.integer({ min: 0, max: 120 }), fc.constantFrom(0.5, -0)), fc.constantFrom(-1, Number.NaN, Number.POSITIVE_INFINITY, '5'));
const date = maybe(fc.constantFrom('2024-02-29', '2026-11-30', '2000-02-29'), fc.constantFrom('2023-02-29', '2024-04-31', '2024-00-10', '2024-1-01', '1900-02-29'));
const status = maybe(fc.constantFrom('open', 'done', 'dropped'), fc.constantFrom('Open', 'skipped', 1));

/** An object of these keys, some left out, sometimes with a key no schema has. */
function object(shape: Record<string, fc.Arbitrary<unknown>>, required: string[]) {
  return fc
    .tuple(fc.record(shape, { requiredKeys: required }), fc.oneof({ weight: 20, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom('extra', 'Id', '__x') }), fc.boolean())
    .map(([o, extra, shuffle]) => {
      const out: Record<string, unknown> = { ...o };
      if (extra) out[extra] = 'x';
      // A key with no value is no key: the record's way of leaving one out now and then.
      for (const key of Object.keys(out)) if (out[key] === undefined) delete out[key];
      // Keys in another order than the schema's: the answer must be in the schema's.
      return shuffle ? Object.fromEntries(Object.entries(out).reverse()) : out;
    });
}
const list = <T>(item: fc.Arbitrary<T>) => maybe(fc.array(item, { maxLength: 3 }), odd);

const attendee = object({ name: text, team: text, role: any }, ['name']);
const action = object({ id: text, title: text, owner: text, team: text, due: date, status, note: any }, ['id', 'title']);
const section = object({ id: text, title: text, minutes_planned: number, minutes_used: number, notes: list(text), status: maybe(fc.constantFrom('skipped', 'parked'), fc.constant('open')) }, ['id']);
const review = object({ session: text, action: text, status, note: text, due: date }, ['action', 'status']);
const parked = object({ topic: text, section: text, whole_section: maybe(fc.boolean(), odd) }, ['topic']);
const parkedReview = object({ session: text, topic: text, status: maybe(fc.constantFrom('discussed', 'dropped'), fc.constant('open')), note: text }, ['session', 'topic', 'status']);
const progress = object({ goal: text, value: number, status: text, note: text }, ['goal']);
const session = object(
  {
    id: text,
    template: text,
    title: text,
    date,
    start: text,
    facilitator: text,
    attendees: list(attendee),
    sections: list(section),
    team_goals: maybe(fc.constant(undefined), fc.constant({ sales: { goals: ['g'] } })),
    progress: list(progress),
    decisions: list(text),
    actions: list(action),
    action_reviews: list(review),
    parked: list(parked),
    parked_reviews: list(parkedReview),
    changes: object({ goals: list(text), rubric: maybe(fc.boolean(), odd), teams: maybe(fc.boolean(), odd) }, []),
  },
  ['id', 'template', 'date'],
);

/** Whatever the quick check accepts, zod accepts with the same data; both kinds are met often. */
function holdsToZod(arbitrary: fc.Arbitrary<unknown>, quickCheck: (v: unknown) => unknown, schema: { safeParse: (v: unknown) => { success: boolean; data?: unknown } }, runs: number) {
  let quick = 0;
  let refused = 0;
  fc.assert(
    fc.property(arbitrary, (value) => {
      const zod = schema.safeParse(value);
      const fast = quickCheck(value);
      if (!zod.success) refused++;
      if (fast === UNSURE) return;
      quick++;
      expect(zod.success).toBe(true);
      expect(JSON.stringify(fast)).toBe(JSON.stringify(zod.data));
      expect(fast).toStrictEqual(zod.data);
    }),
    { numRuns: runs },
  );
  expect(quick).toBeGreaterThan(runs / 20);
  expect(refused).toBeGreaterThan(runs / 20);
}

describe('quick check of a session', () => {
  it('accepts only what zod accepts, with the same data in the same key order', () => {
    holdsToZod(session, quickSession, SessionSchema, 800);
  });

  it('a clean session takes the quick path; anything else gets zod\'s answer and its errors', () => {
    const clean = { date: '2026-11-30', id: 's1', template: 'sync', attendees: [{ team: 'sales', name: ' Dana Kim ' }], actions: [{ id: 'a1', title: 'Call', due: '2026-12-01', status: 'open' }] };
    expect(quickSession(clean)).toStrictEqual(SessionSchema.parse(clean));
    const broken = { ...clean, date: '2026-02-30' };
    expect(quickSession(broken)).toBe(UNSURE);
    const answer = parseQuick(SessionSchema, broken);
    expect(answer.success).toBe(false);
    expect(answer.error?.issues[0]?.message).toBe('expected a real calendar date');
  });

  it('answers clean data with itself, and never changes what it is given', () => {
    const clean = { id: 's1', template: 'sync', date: '2026-11-30', attendees: [{ name: 'Dana Kim', team: 'sales' }] };
    expect(quickSession(clean)).toBe(clean);
    // Trimmed text and keys out of the schema's order make a copy; zod then reads the input as it was.
    const padded = { template: 'sync', id: 's1', date: '2026-11-30', attendees: [{ name: 'Lee Park' }, { team: 'sales', name: ' Dana Kim ' }] };
    const before = structuredClone(padded);
    const answer = quickSession(padded);
    expect(answer).toStrictEqual(SessionSchema.parse(before));
    expect(JSON.stringify(answer)).toBe(JSON.stringify(SessionSchema.parse(before)));
    expect(padded).toStrictEqual(before);
  });
});

const slug = maybe(fc.constantFrom('mql', 'sql', 'c-1', 'fit_2'), fc.constantFrom('Bad', '-x', '', 'unqualified', 'disqualified'));
const scalar = maybe(fc.oneof(good, fc.integer({ min: -5, max: 100 }), fc.boolean()), fc.constantFrom(null, Number.NaN, Number.POSITIVE_INFINITY, []));
const ops = maybe(fc.constantFrom('eq', 'neq', 'in', 'not_in', 'contains', 'gt', 'gte', 'between', 'is_known', 'within_last', 'before', 'matches'), fc.constantFrom('equals', 'GT'));
const value = fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }), fc.constantFrom('14d', '2026-01-01', '^(vp|director)\\b', '[', '^(a+)+$'));
const sensible = fc
  .constantFrom<Record<string, unknown>>(
    { field: 'country', op: 'in', value: ['US', 'CA'] },
    { field: 'f1', op: 'gte', value: 10 },
    { field: 'title', op: 'matches', value: '^(vp|director)\\b' },
    { field: 'f2', op: 'is_known' },
    { field: 'seen', op: 'within_last', value: '14d' },
    { field: 'f3', op: 'eq', value: true },
    { field: 'f4', op: 'between', value: [1, 5] },
  )
  .chain((l) => fc.boolean().map((reverse) => (reverse ? Object.fromEntries(Object.entries(l).reverse()) : { ...l })));
const leaf = fc.oneof({ weight: 12, arbitrary: sensible }, { weight: 1, arbitrary: object({ field: maybe(fc.constantFrom('country', 'title', 'f1'), fc.constant('')), op: ops, value }, ['field', 'op']) });
const { condition } = fc.letrec((tie) => ({
  condition: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    object({ all: fc.array(tie('condition'), { maxLength: 2 }) }, ['all']),
    object({ any: fc.array(tie('condition'), { maxLength: 2 }) }, ['any']),
    object({ not: tie('condition') }, ['not']),
    object({ at_least: maybe(fc.integer({ min: 1, max: 3 }), fc.constantFrom(0, 1.5)), of: fc.array(tie('condition'), { maxLength: 2 }) }, ['at_least', 'of']),
  ),
}));
const pointsValue = maybe(fc.integer({ min: -10, max: 60 }), fc.constantFrom(Number.NaN, '5', null));
const dims = (v: fc.Arbitrary<unknown>) => maybe(fc.dictionary(fc.constantFrom('fit', 'engagement'), v, { maxKeys: 2, noNullPrototype: true }), fc.constant({ reach: 1 }));
const stage = object({ id: slug, label: text, min: pointsValue, require: dims(pointsValue) }, ['id', 'min']);
const criterionShape = { id: slug, label: text, dimension: maybe(fc.constantFrom('fit', 'engagement'), fc.constant('reach')), when: condition, points: pointsValue, why: text, disqualify: maybe(fc.boolean(), odd) };
// Mostly with points; now and then without (a gate, or a criterion zod refuses for it).
const criterion = fc.oneof({ weight: 8, arbitrary: object(criterionShape, ['id', 'when', 'points']) }, { weight: 1, arbitrary: object(criterionShape, ['id', 'when']) });
const positive = maybe(fc.integer({ min: 1, max: 99 }), fc.constantFrom(0, -1));
const rubric = object(
  {
    name: text,
    label: text,
    description: text,
    approved_by: maybe(fc.dictionary(fc.constantFrom('sales', 'marketing', 'z', '1'), text, { maxKeys: 3, noNullPrototype: true }), odd),
    dimensions: dims(object({ max: positive }, ['max'])),
    stages: maybe(fc.array(stage, { minLength: 1, maxLength: 3 }), fc.constant([])),
    criteria: fc.array(criterion, { maxLength: 3 }),
    sla: object({ follow_up_hours: positive, decision_days: positive, attempts_before_recycle: maybe(fc.integer({ min: 0, max: 5 }), fc.constantFrom(-1, 2.5)), recycle_to: text, rejection_reasons: list(text) }, []),
    tests: list(object({ name: text, lead: fc.dictionary(fc.constantFrom('f1', 'country', 'title'), fc.oneof(scalar, fc.constant(null)), { maxKeys: 3, noNullPrototype: true }), expect: text, as_of: date }, ['lead', 'expect'])),
  },
  ['stages', 'criteria'],
);

describe('quick check of a rubric', () => {
  it('accepts only what zod accepts, with the same data in the same key order', () => {
    holdsToZod(rubric, quickRubric, RubricSchema, 800);
  });

  it.each(['unqualified', 'disqualified'])('leaves a stage called %s to zod, which refuses it', (id) => {
    const value = { stages: [{ id, min: 10 }], criteria: [{ id: 'c', when: { field: 'f', op: 'is_known' }, points: 5 }] };
    expect(quickRubric(value)).toBe(UNSURE);
    expect(RubricSchema.safeParse(value).success).toBe(false);
    expect(quickRubric({ ...value, stages: [{ id: 'mql', min: 10 }] })).toStrictEqual(RubricSchema.parse({ ...value, stages: [{ id: 'mql', min: 10 }] }));
  });
});
