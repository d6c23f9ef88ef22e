/**
 * What a scoring run adds up to: leads per stage, a score histogram, and with an outcome
 * column the conversion per stage and each criterion's fire rate and lift.
 */
import { DISQUALIFIED, UNQUALIFIED } from '../../schemas/rubric.js';
import type { CompiledRubric, LeadValue, Score } from '../engine/compile.js';
import { readBoolean, readNumber } from '../engine/read.js';

interface StageSummary {
  stage: string;
  label?: string;
  count: number;
  share: number;
  converted?: number;
  conversion?: number | null;
}

interface CriterionSummary {
  id: string;
  fires: number;
  fireRate: number;
  conversionWhenFires?: number | null;
  conversionWhenNot?: number | null;
  /** conversionWhenFires / conversionWhenNot; null when either is undefined or the divisor is 0. */
  lift?: number | null;
}

export interface ScoreSummary {
  leads: number;
  skipped: number;
  stages: StageSummary[];
  histogram: { from: number; to: number; count: number }[];
  criteria: CriterionSummary[];
  outcome?: { column: string; converted: number; conversion: number | null };
}

/** Converted when the cell reads as true (true/yes/1) or is a number above zero. */
function isConverted(v: LeadValue): boolean {
  if (readBoolean(v) === true) return true;
  const n = readNumber(v);
  return !Number.isNaN(n) && n > 0;
}

export class SummaryBuilder {
  private order: string[];
  private stageIndex = new Map<string, number>();
  private stageCount: number[];
  private stageConverted: number[];
  private critIndex = new Map<string, number>();
  private ids: string[];
  private fires: number[];
  private firesConverted: number[];
  private bins: number[];
  private start: number;
  private width: number;
  private leads = 0;
  private converted = 0;

  constructor(
    private rubric: CompiledRubric,
    private labels: Record<string, string | undefined> = {},
    private outcome?: string,
  ) {
    // highest stage first, as people read a funnel
    this.order = [...rubric.stages].reverse().concat(UNQUALIFIED, DISQUALIFIED);
    for (const [i, s] of this.order.entries()) this.stageIndex.set(s, i);
    this.stageCount = this.order.map(() => 0);
    this.stageConverted = this.order.map(() => 0);
    for (const [i, c] of rubric.criteria.entries()) this.critIndex.set(c.id, i);
    this.ids = rubric.criteria.map((c) => c.id);
    this.fires = rubric.criteria.map(() => 0);
    this.firesConverted = rubric.criteria.map(() => 0);
    const { min, max } = rubric.range;
    this.width = niceWidth((max - min) / 10);
    this.start = Math.floor(min / this.width) * this.width;
    // the top score falls in the last bin, which includes its upper end
    this.bins = Array.from({ length: Math.max(1, Math.ceil((max - this.start) / this.width)) }, () => 0);
  }

  add(s: Score, outcomeValue?: LeadValue): void {
    this.leads++;
    const converted = this.outcome !== undefined && isConverted(outcomeValue);
    if (converted) this.converted++;
    // stage and criterion ids are the evaluator's own strings: === finds them without hashing
    const order = this.order;
    let si = 0;
    while (si < order.length - 1 && order[si] !== s.stage) si++;
    if (order[si] !== s.stage) si = this.stageIndex.get(s.stage)!;
    this.stageCount[si]!++;
    if (converted) this.stageConverted[si]!++;
    const fired = s.fired;
    const ids = this.ids;
    let k = 0;
    for (let i = 0; i < fired.length; i++) {
      // fired ids come in rubric order
      while (k < ids.length && ids[k] !== fired[i]) k++;
      if (k === ids.length) k = this.critIndex.get(fired[i]!)!;
      this.fires[k]!++;
      if (converted) this.firesConverted[k]!++;
    }
    let b = Math.floor((s.score - this.start) / this.width);
    if (b < 0) b = 0;
    else if (b >= this.bins.length) b = this.bins.length - 1;
    this.bins[b]!++;
  }

  build(skipped: number): ScoreSummary {
    const n = this.leads;
    const rate = (a: number, b: number) => (b === 0 ? null : a / b);
    const withOutcome = this.outcome !== undefined;
    const stages = this.order.map((stage, i) => ({
      stage,
      ...(this.labels[stage] !== undefined ? { label: this.labels[stage] } : {}),
      count: this.stageCount[i]!,
      share: n === 0 ? 0 : this.stageCount[i]! / n,
      ...(withOutcome ? { converted: this.stageConverted[i]!, conversion: rate(this.stageConverted[i]!, this.stageCount[i]!) } : {}),
    }));
    const criteria = this.rubric.criteria.map((c, i) => {
      const f = this.fires[i]!;
      const out: CriterionSummary = { id: c.id, fires: f, fireRate: n === 0 ? 0 : f / n };
      if (withOutcome) {
        const when = rate(this.firesConverted[i]!, f);
        const whenNot = rate(this.converted - this.firesConverted[i]!, n - f);
        out.conversionWhenFires = when;
        out.conversionWhenNot = whenNot;
        out.lift = when === null || whenNot === null || whenNot === 0 ? null : when / whenNot;
      }
      return out;
    });
    const histogram = this.bins.map((count, i) => ({ from: round(this.start + i * this.width), to: round(this.start + (i + 1) * this.width), count }));
    return {
      leads: n,
      skipped,
      stages,
      histogram,
      criteria,
      ...(withOutcome ? { outcome: { column: this.outcome!, converted: this.converted, conversion: rate(this.converted, n) } } : {}),
    };
  }
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** A bin width of 1, 2 or 5 times a power of ten, at least 1 point. */
function niceWidth(raw: number): number {
  if (!(raw > 1)) return 1;
  const p = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * p >= raw) return m * p;
  return 10 * p;
}
