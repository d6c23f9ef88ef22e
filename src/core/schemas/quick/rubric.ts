import { DISQUALIFIED, UNQUALIFIED, type Rubric } from '../rubric.js';
import { OPERATORS, valueProblem, type Condition, type Leaf } from '../condition.js';
import { UNSURE, bool, either, isoDate, list, num, oneOf, record, strict, text, where, type Quick } from './check.js';

// The quick check of RubricSchema (rubric.ts, condition.ts, common.ts), key for key in its order.
const str = text();
const slug = text({ pattern: /^[a-z0-9][a-z0-9_-]*$/ });
const nonEmpty = text({ trim: true, min: 1 });
const points = num();
const positive = num({ above: 0 });
const dimension = oneOf(['fit', 'engagement'] as const);
const nothing: Quick<null> = (v) => (v === null ? null : UNSURE);
const scalar = either<string | number | boolean>(str, num(), bool);

const leaf = where(
  strict<Leaf>({ field: [text({ min: 1 })], op: [oneOf(OPERATORS)], value: [either<Leaf['value']>(scalar, list(scalar)), 'optional'] }),
  (l) => valueProblem(l.op, l.value) === undefined,
);

// Strict objects with keys of their own: at most one of them can accept a value.
const condition: Quick<Condition> = (v) => conditions(v);
const conditions: Quick<Condition> = either<Condition>(
  leaf,
  strict({ all: [list(condition, 1)] }),
  strict({ any: [list(condition, 1)] }),
  strict({ not: [condition] }),
  strict({ at_least: [num({ min: 1, int: true })], of: [list(condition, 1)] }),
);

const stage = strict({
  id: [where(slug, (id) => id !== UNQUALIFIED && id !== DISQUALIFIED)],
  label: [str, 'optional'],
  min: [points],
  require: [record(dimension, points), 'optional'],
});

const criterion = where(
  strict<{ points?: number; disqualify?: boolean }>({
    id: [slug],
    label: [str, 'optional'],
    dimension: [dimension, 'optional'],
    when: [condition],
    points: [points, 'optional'],
    why: [str, 'optional'],
    disqualify: [bool, 'optional'],
  }),
  (c) => c.points !== undefined || c.disqualify === true,
);

const sla = strict({
  follow_up_hours: [positive, 'optional'],
  decision_days: [positive, 'optional'],
  attempts_before_recycle: [num({ min: 0, int: true }), 'optional'],
  recycle_to: [str, 'optional'],
  rejection_reasons: [list(str), 'optional'],
});

const golden = strict({
  name: [str, 'optional'],
  lead: [record(str, either<string | number | boolean | null>(scalar, nothing))],
  expect: [text({ min: 1 })],
  as_of: [isoDate, 'optional'],
});

export const quickRubric: Quick<Rubric> = strict<Rubric>({
  name: [str, 'optional'],
  label: [str, 'optional'],
  description: [str, 'optional'],
  approved_by: [record(str, nonEmpty), 'optional'],
  dimensions: [record(dimension, strict({ max: [positive] })), 'optional'],
  stages: [list(stage, 1)],
  criteria: [list(criterion)],
  sla: [sla, 'optional'],
  tests: [list(golden), 'optional'],
});
