import { DISQUALIFIED, UNQUALIFIED, type Rubric } from '../../schemas/rubric.js';

/** What the movement tally needs from a score: the stage, and the ids of the criteria that fired. */
export interface ScoredStage {
  stage: string;
  fired: readonly string[];
}

/** Why one lead moved: criteria that fired in one version only, or fired in both with other points. */
export interface Responsible {
  id: string;
  reason: 'fires only before' | 'fires only after' | 'points changed';
}

interface MovedLead {
  id: string;
  from: string;
  to: string;
  criteria: Responsible[];
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
  const pointsA = pointsOf(a);
  const pointsB = pointsOf(b);
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
      samples.push({ id, from: before.stage, to: after.stage, criteria: responsible(before.fired, after.fired, pointsA, pointsB) });
    },
    result(): LeadMovement {
      const known = new Set(stages);
      const extra = Object.keys(matrix).filter((s) => !known.has(s));
      return { total, moved, stages: [...stages, ...extra], matrix, samples };
    },
  };
}

/** A criterion's points, or its gate, as one comparable value. */
function pointsOf(r: Rubric): Map<string, number | 'gate'> {
  return new Map(r.criteria.map((c) => [c.id, c.disqualify ? 'gate' : (c.points ?? 0)]));
}

/** Criteria that fired under one version only, or under both with different points (or gate-ness). */
function responsible(before: readonly string[], after: readonly string[], pointsA: Map<string, number | 'gate'>, pointsB: Map<string, number | 'gate'>): Responsible[] {
  const b = new Set(after);
  const out: Responsible[] = [];
  for (const id of before) {
    if (!b.has(id)) out.push({ id, reason: 'fires only before' });
    else if (pointsA.get(id) !== pointsB.get(id)) out.push({ id, reason: 'points changed' });
  }
  const a = new Set(before);
  for (const id of after) if (!a.has(id)) out.push({ id, reason: 'fires only after' });
  return out;
}
