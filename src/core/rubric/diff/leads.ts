import { DISQUALIFIED, UNQUALIFIED, type Rubric } from '../../schemas/rubric.js';
import { stagePicker, type Outcome } from '../engine/kernel.js';
import { diffRubrics, type RubricChange } from './diff.js';

/** What the movement tally needs from a score: the stage, and the ids of the criteria that fired. */
export interface ScoredStage {
  stage: string;
  fired: readonly string[];
}

/** A criterion that moved a lead: it fired in one version only, or gave something else in the other. */
interface Responsible {
  id: string;
  reason: 'fires only before' | 'fires only after' | 'points changed' | 'dimension changed' | 'gate changed';
}

interface MovedLead {
  id: string;
  from: string;
  to: string;
  /** The criteria whose change moved the lead; none when the lead moved for another reason. */
  criteria: Responsible[];
  /** The stage thresholds and dimension caps whose change moved the lead. */
  rules: RubricChange[];
}

/** How many leads go from each stage under version A to each stage under version B. */
export interface LeadMovement {
  total: number;
  moved: number;
  /** Every outcome, lowest first: disqualified, unqualified, then the stages of both versions. */
  stages: string[];
  matrix: Record<string, Record<string, number>>;
  samples: MovedLead[];
}

/** Outcomes in order, lowest first, so that the matrix reads from worst to best. */
function outcomeOrder(a: Rubric, b: Rubric): string[] {
  const out = [DISQUALIFIED, UNQUALIFIED];
  const ids = [...a.stages, ...b.stages].sort((x, y) => x.min - y.min).map((s) => s.id);
  for (const id of ids) if (!out.includes(id)) out.push(id);
  return out;
}

/** Counts leads one at a time (the CSV is streamed), keeping a few sample ids per transition. */
export function movementTally(a: Rubric, b: Rubric, samplesPerCell = 3) {
  const stages = outcomeOrder(a, b);
  const matrix: Record<string, Record<string, number>> = {};
  for (const f of stages) matrix[f] = Object.fromEntries(stages.map((t) => [t, 0]));
  const samples: MovedLead[] = [];
  const perCell = new Map<string, number>();
  const blame = causes(a, b);
  let total = 0;
  let moved = 0;
  return {
    add(id: string, before: ScoredStage, after: ScoredStage): void {
      total++;
      matrix[before.stage] ??= {};
      const row = matrix[before.stage]!;
      row[after.stage] = (row[after.stage] ?? 0) + 1;
      if (before.stage === after.stage) return;
      moved++;
      const cell = `${before.stage}\0${after.stage}`;
      const n = perCell.get(cell) ?? 0;
      if (n >= samplesPerCell) return;
      perCell.set(cell, n + 1);
      samples.push({ id, from: before.stage, to: after.stage, ...blame(before, after) });
    },
    result(): LeadMovement {
      const known = new Set(stages);
      const extra = Object.keys(matrix).filter((s) => !known.has(s));
      return { total, moved, stages: [...stages, ...extra], matrix, samples };
    },
  };
}

/** What a criterion gives when it fires. */
interface Gives {
  points: number;
  fit: boolean;
  gate: boolean;
}

/** Raw sums of points per dimension, and whether a gate fired. */
interface Raw {
  fit: number;
  eng: number;
  gated: boolean;
}

type Rules = Pick<Rubric, 'stages' | 'dimensions'>;

function givesOf(r: Rubric): Map<string, Gives> {
  return new Map(r.criteria.map((c) => [c.id, { points: c.points ?? 0, fit: (c.dimension ?? 'fit') === 'fit', gate: c.disqualify === true }]));
}

function rawOf(fired: readonly string[], gives: Map<string, Gives>): Raw {
  const raw = { fit: 0, eng: 0, gated: false };
  for (const id of fired) add(raw, gives.get(id), 1);
  return raw;
}

function add(raw: Raw, g: Gives | undefined, sign: 1 | -1): void {
  if (!g) return;
  if (g.gate && sign === 1) raw.gated = true;
  if (g.fit) raw.fit += sign * g.points;
  else raw.eng += sign * g.points;
}

/**
 * Why a lead moved, found by asking where it would have landed had only part of the rubric
 * changed (with the one rule that scores: stagePicker). Its new criteria are scored with the
 * old thresholds and caps, and its old criteria with the new ones. The kind of change that
 * alone lands the lead where it landed is blamed (both, when either would), so a lead moved by
 * a threshold or a cap is never blamed on criteria that did not matter; failing that, the kind
 * that alone moves it.
 * Within a kind, the changes without which the lead would have landed elsewhere are named;
 * when no single one is, all of that kind are (they moved it together). A lead that neither
 * kind alone would have moved is looked at with every change made.
 */
function causes(a: Rubric, b: Rubric): (before: ScoredStage, after: ScoredStage) => Pick<MovedLead, 'criteria' | 'rules'> {
  const givesA = givesOf(a);
  const givesB = givesOf(b);
  const decimal = [...a.criteria, ...b.criteria].some((c) => !Number.isInteger(c.points ?? 0));
  const stageWith = (rules: Rules) => {
    const pick = stagePicker(rules, decimal);
    const out: Outcome = { fit: 0, engagement: 0, score: 0, stage: '' };
    return (r: Raw) => pick(r.fit, r.eng, r.gated, out).stage;
  };
  const underA = stageWith(a);
  const underB = stageWith(b);
  const ruleChanges = diffRubrics(a, b).filter(isScoringRule);
  const withoutRule = ruleChanges.map((c) => stageWith(revert(b, a, c)));
  return (before, after) => {
    const rawA = rawOf(before.fired, givesA);
    const rawB = rawOf(after.fired, givesB);
    // Where the lead would land had only its criteria changed, or only the thresholds and caps.
    const byCriteria = underA(rawB);
    const byRules = underB(rawA);
    const together = byCriteria === before.stage && byRules === before.stage;
    // The kind that alone lands the lead where it landed is the cause; else the kind that alone moves it.
    const landed = byCriteria === after.stage || byRules === after.stage;
    const blameCriteria = together || (landed ? byCriteria === after.stage : byCriteria !== before.stage);
    const blameRules = together || (landed ? byRules === after.stage : byRules !== before.stage);
    let criteria: Responsible[] = [];
    if (blameCriteria) {
      const changed = responsible(before.fired, after.fired, givesA, givesB);
      const [stageOf, target] = together ? [underB, after.stage] : [underA, byCriteria];
      const needed = changed.filter((c) => stageOf(withCriterionAsBefore(rawB, c.id, before, after, givesA, givesB)) !== target);
      criteria = needed.length ? needed : changed;
    }
    let rules: RubricChange[] = [];
    if (blameRules) {
      const [raw, target] = together ? [rawB, after.stage] : [rawA, byRules];
      const needed = ruleChanges.filter((_, i) => withoutRule[i]!(raw) !== target);
      rules = needed.length ? needed : ruleChanges;
    }
    return { criteria, rules };
  };
}

/** The lead's raw points under version b, with one criterion giving what it gave under version a. */
function withCriterionAsBefore(rawB: Raw, id: string, before: ScoredStage, after: ScoredStage, givesA: Map<string, Gives>, givesB: Map<string, Gives>): Raw {
  const raw = { ...rawB, gated: false };
  if (after.fired.includes(id)) add(raw, givesB.get(id), -1);
  if (before.fired.includes(id)) add(raw, givesA.get(id), 1);
  raw.gated = after.fired.some((f) => f !== id && givesB.get(f)?.gate === true) || (before.fired.includes(id) && givesA.get(id)?.gate === true);
  return raw;
}

/** The changes that decide a stage from points: a stage's minimum or requirements, a cap. */
function isScoringRule(c: RubricChange): boolean {
  if (c.section === 'cap') return true;
  if (c.section !== 'stage' || c.kind === 'reordered') return false;
  return c.kind !== 'changed' || c.field === 'min' || c.field?.startsWith('require.') === true;
}

/** Version b's thresholds and caps with one change taken back to version a's. */
function revert(b: Rubric, a: Rubric, c: RubricChange): Rules {
  if (c.section === 'cap') {
    const dim = c.id as 'fit' | 'engagement';
    return { stages: b.stages, dimensions: { ...b.dimensions, [dim]: a.dimensions?.[dim] } };
  }
  const old = a.stages.find((s) => s.id === c.id);
  const stages = b.stages.filter((s) => s.id !== c.id);
  if (old) stages.push(old);
  return { stages: stages.sort((x, y) => x.min - y.min), dimensions: b.dimensions };
}

/** Criteria that fired under one version only, or under both giving something else. */
function responsible(before: readonly string[], after: readonly string[], givesA: Map<string, Gives>, givesB: Map<string, Gives>): Responsible[] {
  const b = new Set(after);
  const out: Responsible[] = [];
  for (const id of before) {
    if (!b.has(id)) out.push({ id, reason: 'fires only before' });
    else {
      const x = givesA.get(id)!;
      const y = givesB.get(id)!;
      if (x.gate !== y.gate) out.push({ id, reason: 'gate changed' });
      else if (x.points !== y.points) out.push({ id, reason: 'points changed' });
      else if (x.fit !== y.fit) out.push({ id, reason: 'dimension changed' });
    }
  }
  const a = new Set(before);
  for (const id of after) if (!a.has(id)) out.push({ id, reason: 'fires only after' });
  return out;
}
