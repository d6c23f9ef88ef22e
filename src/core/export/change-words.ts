import type { Condition } from '../schemas/condition.js';
import type { Criterion, Stage } from '../schemas/rubric.js';
import type { RubricChange } from '../rubric/diff/diff.js';
import { changeText, type ChangeText } from '../rubric/diff/text.js';
import { conditionInWords, formatNumber, signedPoints } from './plain-condition.js';

/**
 * A rubric change as the summary's readers read it: conditions and stages in the same words
 * as the lead definition above the changelog ("Title mentions "vp" or "director": +20 fit"),
 * not in the notation of `rubric diff`; every other change as `rubric diff` words it.
 */
function changeInWords(c: RubricChange, said: ConditionWords): ChangeText {
  const words = (v: unknown): string | null => {
    if (v === undefined) return null;
    if ((c.kind === 'added' || c.kind === 'removed') && c.section === 'criterion') return criterionInWords(v as Criterion, said);
    if ((c.kind === 'added' || c.kind === 'removed') && c.section === 'stage') return stageInWords(v as Stage);
    if (c.kind === 'changed' && c.section === 'criterion' && c.field === 'when') return said(v as Condition);
    return null;
  };
  const before = words(c.before);
  const after = words(c.after);
  // `rubric diff` words only the values told here in its notation: a long history has
  // thousands of conditions, and describing each of them twice is most of the changelog's time.
  const text = changeText({ ...c, before: before === null ? c.before : undefined, after: after === null ? c.after : undefined });
  return { what: text.what, before: before ?? text.before, after: after ?? text.after };
}

function criterionInWords(c: Criterion, said: ConditionWords): string {
  const gives = c.disqualify ? 'disqualifies' : `${signedPoints(c.points ?? 0)} ${c.dimension ?? 'fit'}`;
  return `${said(c.when)}: ${gives}`;
}

/** "from 65 points, with 30 fit points" */
function stageInWords(s: Stage): string {
  const needs = Object.entries(s.require ?? {}).map(([d, n]) => `${formatNumber(n as number)} ${d} points`);
  return `from ${formatNumber(s.min)} points${needs.length ? `, with ${needs.join(' and ')}` : ''}`;
}

type ConditionWords = (c: Condition) => string;

/**
 * changeInWords for the changes of one history, each condition worded once and remembered by
 * its JSON: along a history each change's old condition is the change before's new one.
 */
export function historyInWords(): (c: RubricChange) => ChangeText {
  const said = new Map<string, string>();
  const remembered: ConditionWords = (c) => {
    const key = JSON.stringify(c);
    let words = said.get(key);
    if (words === undefined) {
      words = conditionInWords(c);
      said.set(key, words);
    }
    return words;
  };
  return (c) => changeInWords(c, remembered);
}
