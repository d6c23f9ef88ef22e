import { DISQUALIFIED, UNQUALIFIED, type Rubric } from '../schemas/rubric.js';
import { isLeaf, type Condition } from '../schemas/condition.js';
import type { DataPath, PathProblem } from '../yaml/issues.js';
import { duplicateIds } from './unique.js';

/** What the schema cannot say about one rubric: unique ids, ascending stages, ordered bounds, known stages. */
export function checkRubric(rubric: Rubric): PathProblem[] {
  const out = [...duplicateIds(rubric.stages, ['stages'], 'stage'), ...duplicateIds(rubric.criteria, ['criteria'], 'criterion')];
  rubric.stages.forEach((stage, i) => {
    const prev = rubric.stages[i - 1];
    if (prev && stage.min <= prev.min) {
      out.push({
        path: ['stages', i, 'min'],
        message: `stage "${stage.id}" has min ${stage.min}, not above "${prev.id}" (${prev.min})`,
        hint: 'stages are ordered from lowest to highest; each min must be above the one before',
      });
    }
  });
  for (const [i, c] of rubric.criteria.entries()) out.push(...checkCondition(c.when, ['criteria', i, 'when']));
  const outcomes = new Set([...rubric.stages.map((s) => s.id), UNQUALIFIED, DISQUALIFIED]);
  (rubric.tests ?? []).forEach((t, i) => {
    if (!outcomes.has(t.expect)) {
      out.push({ path: ['tests', i, 'expect'], message: `unknown stage "${t.expect}"`, hint: `expected one of ${[...outcomes].join(', ')}` });
    }
  });
  return out;
}

function checkCondition(c: Condition, path: DataPath): PathProblem[] {
  if (isLeaf(c)) {
    if (c.op === 'between' && Array.isArray(c.value) && c.value.length === 2) {
      const [lo, hi] = c.value as [number | string, number | string];
      if (lo > hi) return [{ path: [...path, 'value'], message: `\`between\` bounds are reversed: ${lo} is above ${hi}`, hint: 'write the lower bound first' }];
    }
    return [];
  }
  if ('all' in c) return c.all.flatMap((s, i) => checkCondition(s, [...path, 'all', i]));
  if ('any' in c) return c.any.flatMap((s, i) => checkCondition(s, [...path, 'any', i]));
  if ('not' in c) return checkCondition(c.not, [...path, 'not']);
  const out = c.of.flatMap((s, i) => checkCondition(s, [...path, 'of', i]));
  if (c.at_least > c.of.length) {
    out.push({ path: [...path, 'at_least'], message: `at_least ${c.at_least} of only ${c.of.length} conditions can never hold`, hint: 'lower at_least or add conditions' });
  }
  return out;
}
