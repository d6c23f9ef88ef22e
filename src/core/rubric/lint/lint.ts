import { isLeaf, type Condition } from '../../schemas/condition.js';
import type { Rubric } from '../../schemas/rubric.js';
import type { DataPath } from '../../yaml/issues.js';
import { canonical } from '../condition-text.js';
import type { LintFinding } from './finding.js';
import { neverHolds } from './never.js';
import { unreachableStages } from './stages.js';

/**
 * Everything about a rubric that is valid YAML and schema but cannot be what the room meant.
 * `neverIndexes` are criteria already known never to fire (a regular expression that does not compile).
 */
export function lintRubric(rubric: Rubric, neverIndexes: ReadonlySet<number> = new Set()): LintFinding[] {
  const out: LintFinding[] = [];
  const never = new Set(neverIndexes);
  rubric.criteria.forEach((c, i) => {
    if (never.has(i)) return;
    const n = neverHolds(c.when, ['criteria', i, 'when']);
    if (!n) return;
    never.add(i);
    out.push({ rule: 'never-fires', severity: 'error', path: n.path, message: `criterion "${c.id}" can never fire: ${n.reason}`, hint: 'fix the condition or remove the criterion' });
  });
  out.push(...unreachableStages(rubric, (i) => !never.has(i)));
  for (const [i, c] of rubric.criteria.entries()) out.push(...duplicatesIn(c.when, ['criteria', i, 'when'], c.id));
  out.push(...sameConditions(rubric));
  return out;
}

/** The same condition twice in one group: harmless in all/any, but counted twice by at_least. */
function duplicatesIn(c: Condition, path: DataPath, id: string): LintFinding[] {
  if (isLeaf(c)) return [];
  if ('not' in c) return duplicatesIn(c.not, [...path, 'not'], id);
  const [key, items] = 'all' in c ? ['all', c.all] as const : 'any' in c ? ['any', c.any] as const : ['of', c.of] as const;
  const out: LintFinding[] = [];
  const seen = new Map<string, number>();
  items.forEach((s, i) => {
    const k = canonical(s);
    const first = seen.get(k);
    if (first === undefined) seen.set(k, i);
    else {
      const counts = key === 'of';
      out.push({
        rule: 'duplicate-condition', severity: counts ? 'error' : 'warning', path: [...path, key, i],
        message: `criterion "${id}" has the same condition twice in one \`${key === 'of' ? 'at_least' : key}\` group (items ${first + 1} and ${i + 1})${counts ? ': it counts twice toward at_least' : ''}`,
        hint: 'remove one of them',
      });
    }
    out.push(...duplicatesIn(s, [...path, key, i], id));
  });
  return out;
}

function sameConditions(rubric: Rubric): LintFinding[] {
  const seen = new Map<string, string>();
  const out: LintFinding[] = [];
  rubric.criteria.forEach((c, i) => {
    const k = canonical(c.when);
    const first = seen.get(k);
    if (first === undefined) seen.set(k, c.id);
    else {
      out.push({
        rule: 'duplicate-condition', severity: 'warning', path: ['criteria', i, 'when'],
        message: `criterion "${c.id}" has the same condition as "${first}": a lead that meets one gets both`,
        hint: 'merge them into one criterion, or make the conditions differ',
      });
    }
  });
  return out;
}
