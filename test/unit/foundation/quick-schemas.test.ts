// The quick checks of clean data (src/core/schemas/quick/) held to zod: on generated data, clean
// and not, whatever a quick check accepts zod accepts too, and returns the same data, key order
// included. Where it is unsure, zod alone answers (and says what is wrong).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UNSURE } from '../../../src/core/schemas/quick/check.js';
import { quickSession } from '../../../src/core/schemas/quick/session.js';
import { parseQuick } from '../../../src/core/schemas/quick/index.js';
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

describe('quick check of a session', () => {
  it('accepts only what zod accepts, with the same data in the same key order', () => {
    let quick = 0;
    let refused = 0;
    fc.assert(
      fc.property(session, (value) => {
        const zod = SessionSchema.safeParse(value);
        const fast = quickSession(value);
        if (!zod.success) refused++;
        if (fast === UNSURE) return;
        quick++;
        expect(zod.success).toBe(true);
        expect(JSON.stringify(fast)).toBe(JSON.stringify(zod.data));
        expect(fast).toStrictEqual(zod.data);
      }),
      { numRuns: 3000 },
    );
    // Both kinds were met: clean sessions taken quickly, and sessions zod refuses.
    expect(quick).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(100);
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
});
