import { DISQUALIFIED, UNQUALIFIED, type Rubric } from '../../schemas/rubric.js';
import type { CompiledCriterion, Score, Test } from './compile.js';

/** Sums of decimal points are rounded so that 0.1 + 0.2 meets a threshold of 0.3. */
export function roundPoints(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** A lead's outcome from its raw sums of points per dimension, before caps. */
export interface Outcome {
  fit: number;
  engagement: number;
  score: number;
  stage: string;
}

/**
 * The one rule from raw points to an outcome: each dimension capped, the total, then the highest
 * stage whose minimum and requirements the lead meets; a gate that fired disqualifies. The
 * kernel scores with it, and `rubric diff --leads` asks it what a lead's stage would be with
 * another version's thresholds or caps.
 */
export function stagePicker(rubric: Pick<Rubric, 'stages' | 'dimensions'>, decimal: boolean) {
  const fitMax = rubric.dimensions?.fit?.max ?? Infinity;
  const engMax = rubric.dimensions?.engagement?.max ?? Infinity;
  const stageIds = rubric.stages.map((s) => s.id);
  const mins = rubric.stages.map((s) => s.min);
  const reqFit = rubric.stages.map((s) => s.require?.fit ?? -Infinity);
  const reqEng = rubric.stages.map((s) => s.require?.engagement ?? -Infinity);
  return (rawFit: number, rawEng: number, gated: boolean, out: Outcome): Outcome => {
    let fit = decimal ? roundPoints(rawFit) : rawFit;
    let eng = decimal ? roundPoints(rawEng) : rawEng;
    if (fit > fitMax) fit = fitMax;
    if (eng > engMax) eng = engMax;
    const total = decimal ? roundPoints(fit + eng) : fit + eng;
    let stage = UNQUALIFIED;
    if (gated) stage = DISQUALIFIED;
    else {
      for (let k = mins.length - 1; k >= 0; k--) {
        if (total >= mins[k]! && fit >= reqFit[k]! && eng >= reqEng[k]!) {
          stage = stageIds[k]!;
          break;
        }
      }
    }
    out.fit = fit;
    out.engagement = eng;
    out.score = total;
    out.stage = stage;
    return out;
  };
}

/** The scoring loop over compiled criterion tests: sums, caps, gates and the stage. */
export function makeKernel(rubric: Rubric, criteria: CompiledCriterion[]) {
  const n = criteria.length;
  const ids = criteria.map((c) => c.id);
  const isFit = criteria.map((c) => c.dimension === 'fit');
  const points = criteria.map((c) => c.points);
  const gate = criteria.map((c) => c.gate);
  const fitMax = rubric.dimensions?.fit?.max ?? Infinity;
  const engMax = rubric.dimensions?.engagement?.max ?? Infinity;
  const decimal = points.some((p) => !Number.isInteger(p));
  const pick = stagePicker(rubric, decimal);
  const sumOf = (fit: boolean, sign: 1 | -1) => criteria.reduce((a, c, i) => a + (isFit[i] === fit && Math.sign(c.points) === sign ? c.points : 0), 0);
  const range = {
    min: roundPoints(Math.min(sumOf(true, -1), fitMax) + Math.min(sumOf(false, -1), engMax)),
    max: roundPoints(Math.min(sumOf(true, 1), fitMax) + Math.min(sumOf(false, 1), engMax)),
  };
  return {
    range,
    run<I>(tests: Test<I>[], x: I, out: Score): Score {
      const fired = out.fired;
      fired.length = 0;
      let fit = 0;
      let eng = 0;
      let gated = false;
      for (let i = 0; i < n; i++) {
        if (!tests[i]!(x)) continue;
        fired.push(ids[i]!);
        if (gate[i]) gated = true;
        if (isFit[i]) fit += points[i]!;
        else eng += points[i]!;
      }
      pick(fit, eng, gated, out);
      return out;
    },
  };
}
