import type { Condition } from '../../schemas/condition.js';
import type { Criterion, GoldenLead, Stage } from '../../schemas/rubric.js';
import { describeCondition, formatValue } from '../condition-text.js';
import type { RubricChange } from './diff.js';

/** A change in words, shared by every renderer: what changed, and its value before and after. */
export interface ChangeText {
  what: string;
  before: string;
  after: string;
}

const NONE = '—';

export function changeText(c: RubricChange): ChangeText {
  const what = subject(c) + (c.kind === 'added' || c.kind === 'removed' ? ` ${c.kind}` : c.field ? `: ${c.field}` : '');
  return { what, before: valueText(c, c.before), after: valueText(c, c.after) };
}

function subject(c: RubricChange): string {
  switch (c.section) {
    case 'rubric':
      return c.id ?? 'rubric';
    case 'criterion':
      return `criterion ${c.id}`;
    case 'stage':
      return c.kind === 'reordered' ? 'stage order' : `stage ${c.id}`;
    case 'cap':
      return `${c.id} cap`;
    case 'sla':
      return `SLA ${c.id}`;
    case 'sign-off':
      return `sign-off ${c.id}`;
    case 'test':
      return `test ${JSON.stringify(c.id)}`;
  }
}

function valueText(c: RubricChange, v: unknown): string {
  if (v === undefined) return NONE;
  if (c.kind === 'reordered') return (v as string[]).join(' < ');
  if (c.kind === 'added' || c.kind === 'removed') {
    if (c.section === 'criterion') return criterionText(v as Criterion);
    if (c.section === 'stage') return stageText(v as Stage);
    if (c.section === 'test') return testText(v as GoldenLead);
  }
  if (c.field === 'when') return describeCondition(v as Condition);
  if (c.field === 'gate') return v ? 'disqualifies' : 'no';
  if (c.field === 'lead') return leadText(v as GoldenLead['lead']);
  if (typeof v === 'object' && v !== null && !Array.isArray(v)) return leadText(v as GoldenLead['lead']);
  // Names, labels, rationales and people read best as written; quotes are for values inside conditions.
  if (typeof v === 'string') return v;
  return formatValue(v as never);
}

/** A criterion in one line: its condition and what it gives. */
function criterionText(c: Criterion): string {
  const gives = c.disqualify ? 'disqualifies' : `${c.points ?? 0} ${c.dimension ?? 'fit'}`;
  return `${describeCondition(c.when)} → ${gives}`;
}

function stageText(s: Stage): string {
  const req = Object.entries(s.require ?? {}).map(([d, n]) => `${d} ≥ ${n}`);
  return [`min ${s.min}`, ...req].join(', ');
}

function testText(t: GoldenLead): string {
  return `${leadText(t.lead)} expects ${t.expect}`;
}

function leadText(lead: Record<string, unknown>): string {
  return `{${Object.entries(lead).map(([k, v]) => `${k}: ${formatValue(v as never)}`).join(', ')}}`;
}

/**
 * A change on one line with its values in full: "stage sql min 60 → 70", "fit cap 60 → 50",
 * "criterion webinar added: webinar is yes → 10 engagement".
 */
export function changeLine(c: RubricChange): string {
  const t = changeText(c);
  if (c.kind === 'added') return `${t.what}: ${t.after}`;
  if (c.kind === 'removed') return `${t.what}: ${t.before}`;
  if (c.kind === 'reordered') return `${t.what} ${t.before} → ${t.after}`;
  return `${t.what.replace(': ', ' ').replace(/ cap max$/, ' cap')} ${t.before} → ${t.after}`;
}

/** A one-line summary for `rubric log`: "+criterion demo; points x 10→15; stage sql min 70→75". */
export function summarize(changes: RubricChange[], maxParts = 4): string {
  if (changes.length === 0) return 'no semantic change';
  // Only the parts shown are put in words: a version changing 25 things describes 4 of them.
  const shown = changes.slice(0, maxParts).map(shortText);
  if (changes.length > maxParts) shown.push(`+${changes.length - maxParts} more`);
  return shown.join('; ');
}

function shortText(c: RubricChange): string {
  const sign = c.kind === 'added' ? '+' : c.kind === 'removed' ? '-' : '';
  if (sign) return `${sign}${subject(c)}`;
  if (c.kind === 'reordered') return 'stages reordered';
  const t = changeText(c);
  const short = (s: string) => (s.length > 24 ? `${s.slice(0, 23)}…` : s);
  return `${t.what.replace(': ', ' ')} ${short(t.before)}→${short(t.after)}`;
}
