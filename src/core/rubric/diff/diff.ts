import type { Criterion, GoldenLead, Rubric, Stage } from '../../schemas/rubric.js';
import { DIMENSIONS } from '../../schemas/common.js';
import { canonical, sameData } from '../condition-text.js';

/** What part of the rubric a change is in. */
type ChangeSection = 'rubric' | 'criterion' | 'stage' | 'cap' | 'sla' | 'sign-off' | 'test';

/** One semantic change between two rubric versions; list entries are matched by id, never by position. */
export interface RubricChange {
  section: ChangeSection;
  kind: 'added' | 'removed' | 'changed' | 'reordered';
  /** The criterion, stage, dimension, SLA field, team or golden test the change is about. */
  id?: string;
  /** What changed inside it (`points`, `when`, `min`, `require.fit`…), for a `changed` entry. */
  field?: string;
  before?: unknown;
  after?: unknown;
}

/** Every semantic change from `a` to `b`, in the order a reader wants them: criteria, stages, caps, SLA, sign-off, tests. */
export function diffRubrics(a: Rubric, b: Rubric): RubricChange[] {
  const caps = DIMENSIONS.map((d) => fieldChange('cap', d, 'max', a.dimensions?.[d]?.max, b.dimensions?.[d]?.max)).filter((c) => c !== undefined);
  return [
    ...diffFields('rubric', undefined, { name: a.name, label: a.label, description: a.description }, { name: b.name, label: b.label, description: b.description }),
    ...diffById(a.criteria, b.criteria, 'criterion', CRITERION_FIELDS),
    ...diffById(a.stages, b.stages, 'stage', STAGE_FIELDS),
    ...stageOrder(a.stages, b.stages),
    ...caps,
    ...diffFields('sla', undefined, { ...a.sla }, { ...b.sla }),
    ...diffKeyed('sign-off', a.approved_by ?? {}, b.approved_by ?? {}),
    ...(a.tests || b.tests ? diffById(keyTests(a.tests ?? []), keyTests(b.tests ?? []), 'test', TEST_FIELDS) : []),
  ];
}

/** A field of a list item that diffById compares: its name in a change, and how it is read from the item. */
type Field<T> = readonly [name: string, read: (x: T) => unknown];

/** The fields of a criterion that change what it does, with defaults applied so `dimension: fit` equals no dimension. */
const CRITERION_FIELDS: readonly Field<Criterion>[] = [
  ['label', (c) => c.label],
  ['when', (c) => c.when],
  ['points', (c) => c.points],
  ['dimension', (c) => c.dimension ?? 'fit'],
  ['gate', (c) => c.disqualify === true],
  ['why', (c) => c.why],
];

const STAGE_FIELDS: readonly Field<Stage>[] = [
  ['label', (s) => s.label],
  ['min', (s) => s.min],
  ...DIMENSIONS.map((d): Field<Stage> => [`require.${d}`, (s) => s.require?.[d]]),
];

interface KeyedTest extends GoldenLead {
  id: string;
}

/** Golden tests have no id; a test is known by its name, or by its lead when it has none. */
function keyTests(tests: GoldenLead[]): KeyedTest[] {
  return tests.map((t) => ({ ...t, id: t.name ?? canonical(t.lead) }));
}

const TEST_FIELDS: readonly Field<KeyedTest>[] = [
  ['lead', (t) => t.lead],
  ['expect', (t) => t.expect],
  ['as_of', (t) => t.as_of],
];

/** Items matched by id: removed ones, then added ones and the fields changed in the others, in `b`'s order. */
function diffById<T extends { id: string }>(a: T[], b: T[], section: ChangeSection, fields: readonly Field<T>[]): RubricChange[] {
  const before = new Map(a.map((x) => [x.id, x]));
  const after = new Map(b.map((x) => [x.id, x]));
  const out: RubricChange[] = [];
  for (const [id, x] of before) if (!after.has(id)) out.push({ section, kind: 'removed', id, before: x });
  for (const [id, y] of after) {
    const x = before.get(id);
    if (!x) {
      out.push({ section, kind: 'added', id, after: y });
      continue;
    }
    // Each field read straight from both items: this runs for every item of every version of a history.
    for (const [name, read] of fields) {
      const change = fieldChange(section, id, name, read(x), read(y));
      if (change) out.push(change);
    }
  }
  return out;
}

function diffFields(section: ChangeSection, id: string | undefined, a: Record<string, unknown>, b: Record<string, unknown>): RubricChange[] {
  const out: RubricChange[] = [];
  addFieldChanges(out, section, id, a, b);
  return out;
}

/** Adds to `out` a change per field that differs: `a`'s fields in order, then those only `b` has. */
function addFieldChanges(out: RubricChange[], section: ChangeSection, id: string | undefined, a: Record<string, unknown>, b: Record<string, unknown>): void {
  for (const k of Object.keys(a)) {
    const change = fieldChange(section, id, k, a[k], b[k]);
    if (change) out.push(change);
  }
  for (const k of Object.keys(b)) {
    if (Object.hasOwn(a, k)) continue;
    const change = fieldChange(section, id, k, undefined, b[k]);
    if (change) out.push(change);
  }
}

function fieldChange(section: ChangeSection, id: string | undefined, field: string, before: unknown, after: unknown): RubricChange | undefined {
  if (sameData(before, after)) return undefined;
  if (section === 'sla' || section === 'rubric') {
    const kind = before === undefined ? 'added' : after === undefined ? 'removed' : 'changed';
    return { section, kind, before, after, id: field };
  }
  const change: RubricChange = { section, kind: 'changed', field, before, after };
  if (id !== undefined) change.id = id;
  return change;
}

/** Sign-off by team: who approved this version. */
function diffKeyed(section: ChangeSection, a: Record<string, string>, b: Record<string, string>): RubricChange[] {
  const teams = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return teams.flatMap((team): RubricChange[] => {
    const x = a[team];
    const y = b[team];
    if (x === y) return [];
    if (x === undefined) return [{ section, kind: 'added', id: team, after: y }];
    if (y === undefined) return [{ section, kind: 'removed', id: team, before: x }];
    return [{ section, kind: 'changed', id: team, before: x, after: y }];
  });
}

/** Stages are ordered; a reorder of the stages both versions share is a change of its own. */
function stageOrder(a: Stage[], b: Stage[]): RubricChange[] {
  const common = new Set(a.map((s) => s.id).filter((id) => b.some((s) => s.id === id)));
  const before = a.map((s) => s.id).filter((id) => common.has(id));
  const after = b.map((s) => s.id).filter((id) => common.has(id));
  return sameData(before, after) ? [] : [{ section: 'stage', kind: 'reordered', before, after }];
}
