/**
 * The trace of one lead through a rubric: each criterion fired or not, and why; what a
 * cap removed; which gate disqualified; why the lead got its stage. Slower than the
 * scoring kernel and meant for one lead at a time (--explain, `rubric test` failures).
 */
import { isLeaf, type Condition, type Leaf } from '../../schemas/condition.js';
import { DISQUALIFIED, UNQUALIFIED, type Rubric } from '../../schemas/rubric.js';
import { roundPoints, type LeadValue, type LeafTable, type Score } from './compile.js';
import { isBlank } from './read.js';
import type { Readers } from '../../values/readers.js';
import { readAs, readingOf, type Reading } from './predicates.js';

interface LeafTrace {
  kind: 'leaf';
  field: string;
  op: Leaf['op'];
  value?: Leaf['value'];
  /** The lead's value as given (undefined when the field is absent). */
  leadValue: LeadValue;
  result: boolean;
  /** Set when the lead's value is unknown, or cannot be read as the rubric's value type. */
  note?: string;
}

interface GroupTrace {
  kind: 'all' | 'any' | 'not' | 'at_least';
  need?: number;
  result: boolean;
  children: ConditionTrace[];
}

export type ConditionTrace = LeafTrace | GroupTrace;

interface CriterionTrace {
  id: string;
  label?: string;
  dimension: 'fit' | 'engagement';
  points: number;
  gate: boolean;
  fired: boolean;
  /** Points this criterion added to its dimension, before any cap. */
  gave: number;
  why?: string;
  condition: ConditionTrace;
}

interface DimensionTrace {
  raw: number;
  max?: number;
  capped: number;
  /** Points the cap removed (0 when under the cap). */
  removed: number;
}

interface StageTrace {
  id: string;
  label?: string;
  min: number;
  require?: { fit?: number; engagement?: number };
  qualifies: boolean;
  /** Why it does not qualify; empty when it does. */
  missing: string[];
}

export interface Explanation extends Score {
  criteria: CriterionTrace[];
  dimensions: { fit: DimensionTrace; engagement: DimensionTrace };
  /** The gates that fired; the first one is named as the reason. */
  gates: { id: string; why?: string }[];
  stages: StageTrace[];
  /** One sentence: why the lead has its stage. */
  reason: string;
}

export function explainLead(rubric: Rubric, leaves: LeafTable, lead: Record<string, LeadValue>): Explanation {
  const get = (field: string): LeadValue => (Object.hasOwn(lead, field) ? lead[field] : undefined);
  const trace = (c: Condition): ConditionTrace => {
    if (isLeaf(c)) {
      const v = get(c.field);
      const result = leaves.get(c)(v);
      const note = noteFor(c, v, leaves.readers);
      return { kind: 'leaf', field: c.field, op: c.op, ...(c.value !== undefined ? { value: c.value } : {}), leadValue: v, result, ...(note ? { note } : {}) };
    }
    if ('not' in c) {
      const child = trace(c.not);
      return { kind: 'not', result: !child.result, children: [child] };
    }
    if ('all' in c) {
      const children = c.all.map(trace);
      return { kind: 'all', result: children.every((t) => t.result), children };
    }
    if ('any' in c) {
      const children = c.any.map(trace);
      return { kind: 'any', result: children.some((t) => t.result), children };
    }
    const children = c.of.map(trace);
    return { kind: 'at_least', need: c.at_least, result: children.filter((t) => t.result).length >= c.at_least, children };
  };

  const criteria: CriterionTrace[] = rubric.criteria.map((c) => {
    const condition = trace(c.when);
    const points = c.points ?? 0;
    return {
      id: c.id,
      ...(c.label !== undefined ? { label: c.label } : {}),
      dimension: c.dimension ?? 'fit',
      points,
      gate: c.disqualify === true,
      fired: condition.result,
      gave: condition.result ? points : 0,
      ...(c.why !== undefined ? { why: c.why } : {}),
      condition,
    };
  });
  const dimension = (d: 'fit' | 'engagement'): DimensionTrace => {
    const raw = roundPoints(criteria.filter((c) => c.dimension === d).reduce((a, c) => a + c.gave, 0));
    const max = rubric.dimensions?.[d]?.max;
    const capped = max !== undefined && raw > max ? max : raw;
    return { raw, ...(max !== undefined ? { max } : {}), capped, removed: roundPoints(raw - capped) };
  };
  const dimensions = { fit: dimension('fit'), engagement: dimension('engagement') };
  const score = roundPoints(dimensions.fit.capped + dimensions.engagement.capped);
  const gates = criteria.filter((c) => c.gate && c.fired).map((c) => ({ id: c.id, ...(c.why !== undefined ? { why: c.why } : {}) }));

  const stages: StageTrace[] = rubric.stages.map((s) => {
    const missing: string[] = [];
    if (score < s.min) missing.push(`score ${score} is below ${s.min}`);
    for (const d of ['fit', 'engagement'] as const) {
      const need = s.require?.[d];
      if (need !== undefined && dimensions[d].capped < need) missing.push(`${d} ${dimensions[d].capped} is below the required ${need}`);
    }
    return { id: s.id, ...(s.label !== undefined ? { label: s.label } : {}), min: s.min, ...(s.require ? { require: s.require } : {}), qualifies: missing.length === 0, missing };
  });
  const best = [...stages].reverse().find((s) => s.qualifies);
  let stage: string;
  let reason: string;
  if (gates.length > 0) {
    stage = DISQUALIFIED;
    reason = `disqualified by "${gates[0]!.id}"${gates[0]!.why ? `: ${gates[0]!.why}` : ''}`;
  } else if (best) {
    stage = best.id;
    const above = stages[stages.indexOf(best) + 1];
    reason = `score ${score} reaches "${best.id}" (min ${best.min})${above ? `; not "${above.id}": ${above.missing.join(', ')}` : ''}`;
  } else {
    stage = UNQUALIFIED;
    reason = `below the first stage "${stages[0]!.id}": ${stages[0]!.missing.join(', ')}`;
  }
  return {
    fit: dimensions.fit.capped,
    engagement: dimensions.engagement.capped,
    score,
    stage,
    fired: criteria.filter((c) => c.fired).map((c) => c.id),
    criteria,
    dimensions,
    gates,
    stages,
    reason,
  };
}

const READING_NAME: Record<Reading, string> = { number: 'a number', boolean: 'true/false', date: 'a date', text: 'text' };

function noteFor(leaf: Leaf, v: LeadValue, readers: Readers): string | undefined {
  if (leaf.op === 'is_known' || leaf.op === 'is_unknown') return undefined;
  if (isBlank(v)) return 'unknown: no value';
  const reading: Reading | undefined = leafReading(leaf);
  if (reading && readAs(v, reading, readers) === undefined) return `unknown: "${String(v)}" cannot be read as ${READING_NAME[reading]}`;
  return undefined;
}

function leafReading(leaf: Leaf): Reading | undefined {
  switch (leaf.op) {
    case 'within_last':
    case 'before':
    case 'after':
      return 'date';
    case 'between':
      return readingOf((leaf.value as unknown[])[0]);
    case 'in':
    case 'not_in':
      return undefined; // each listed value has its own reading
    case 'contains':
    case 'not_contains':
    case 'starts_with':
    case 'ends_with':
    case 'matches':
      return 'text';
    default:
      return readingOf(leaf.value);
  }
}
