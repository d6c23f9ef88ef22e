import * as z from 'zod';
import { regexHazard } from '../regex/hazard.js';
import { Scalar } from './common.js';

export const OPERATORS = [
  'eq', 'neq', 'in', 'not_in', 'contains', 'not_contains', 'starts_with', 'ends_with',
  'gt', 'gte', 'lt', 'lte', 'between', 'matches', 'is_known', 'is_unknown',
  'within_last', 'before', 'after',
] as const;
export const Operator = z.enum(OPERATORS);
export type Operator = z.infer<typeof Operator>;

/** One line each, shown by prompts and help. */
export const OPERATOR_HELP: Record<Operator, string> = {
  eq: 'equals the value',
  neq: 'is known and differs from the value',
  in: 'is one of the listed values',
  not_in: 'is known and none of the listed values',
  contains: 'text contains the value',
  not_contains: 'text is known and does not contain the value',
  starts_with: 'text starts with the value',
  ends_with: 'text ends with the value',
  gt: 'is greater than the number or date',
  gte: 'is at least the number or date',
  lt: 'is less than the number or date',
  lte: 'is at most the number or date',
  between: 'is between two numbers or dates, both ends included',
  matches: 'matches a regular expression (case-insensitive)',
  is_known: 'has a value (not empty or missing)',
  is_unknown: 'is empty, blank or missing',
  within_last: 'is a date within the last 14d, 8w or 3m before the scoring date',
  before: 'is a date before the given date',
  after: 'is a date after the given date',
};

const DURATION = /^(\d+)([dwm])$/;
export const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

export type LeafValue = Scalar | Scalar[];

export interface Leaf {
  field: string;
  op: Operator;
  value?: LeafValue;
}
export type Condition =
  | Leaf
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { at_least: number; of: Condition[] };

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isDate = (v: unknown): v is string => typeof v === 'string' && ISO_DATE_TIME.test(v.trim());
const isOrdered = (v: unknown): boolean => isNumber(v) || isDate(v);
/** What `Scalar` accepts (text, a finite number, a boolean), tested without a zod parse: rubrics have this check on every leaf. */
const isScalar = (v: unknown): boolean => typeof v === 'string' || typeof v === 'boolean' || isNumber(v);

export interface ValueProblem {
  message: string;
  hint?: string;
}

/** What `value` must be for each operator; undefined means it is right. */
export function valueProblem(op: Operator, value: unknown): ValueProblem | undefined {
  const problem = valueMessage(op, value);
  return typeof problem === 'string' ? { message: problem } : problem;
}

function valueMessage(op: Operator, value: unknown): string | ValueProblem | undefined {
  switch (op) {
    case 'is_known':
    case 'is_unknown':
      return value === undefined ? undefined : `\`${op}\` takes no value`;
    case 'in':
    case 'not_in':
      return Array.isArray(value) && value.length > 0 && value.every(isScalar)
        ? undefined
        : `\`${op}\` needs a non-empty list of values, like [US, CA]`;
    case 'between':
      if (!Array.isArray(value) || value.length !== 2) return '`between` needs two bounds, like [10, 50]';
      if (!(value.every(isNumber) || value.every(isDate))) return '`between` needs two numbers or two ISO dates';
      return undefined;
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return isOrdered(value) ? undefined : `\`${op}\` needs a number or an ISO date (YYYY-MM-DD)`;
    case 'before':
    case 'after':
      return isDate(value) ? undefined : `\`${op}\` needs an ISO date (YYYY-MM-DD)`;
    case 'within_last':
      return typeof value === 'string' && DURATION.test(value.trim())
        ? undefined
        : '`within_last` needs a period like 14d, 8w or 3m';
    case 'matches':
      if (typeof value !== 'string') return '`matches` needs a regular expression as text';
      try {
        new RegExp(value, 'i');
      } catch (e) {
        return `the regular expression does not compile: ${(e as Error).message}`;
      }
      // A pattern that compiles must also be one that cannot hang scoring.
      return regexHazard(value);
    case 'contains':
    case 'not_contains':
    case 'starts_with':
    case 'ends_with':
      return typeof value === 'string' || isNumber(value) ? undefined : `\`${op}\` needs a text value`;
    case 'eq':
    case 'neq':
      return isScalar(value) ? undefined : `\`${op}\` needs one value (text, number, boolean or date)`;
  }
}

const LeafSchema = z
  .strictObject({
    field: z.string().min(1, { message: 'expected a field name (a CSV column header)' }).describe('the lead field: a CSV column header'),
    op: Operator.describe('how the field is compared: eq, in, gte, between, matches, within_last, …'),
    value: z.union([Scalar, z.array(Scalar)]).optional().describe('what the field is compared with; its type decides how the CSV text is read'),
  })
  .superRefine((leaf, ctx) => {
    const problem = valueProblem(leaf.op, leaf.value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem.message, params: { hint: problem.hint }, path: leaf.value === undefined ? [] : ['value'] });
  });

export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    LeafSchema,
    z.strictObject({ all: z.array(ConditionSchema).min(1).describe('every one of these conditions') }),
    z.strictObject({ any: z.array(ConditionSchema).min(1).describe('at least one of these conditions') }),
    // Described where it is defined: a copy described here would be a new schema on every expansion.
    z.strictObject({ not: ConditionSchema }),
    z.strictObject({
      at_least: z.number().int().min(1).describe('how many of the conditions must hold'),
      of: z.array(ConditionSchema).min(1).describe('the conditions counted'),
    }),
  ]),
).describe('a condition: { field, op, value }; all, any (lists of conditions); not (one condition); at_least N of (a list)') as z.ZodType<Condition>;

export { isLeaf } from './is-leaf.js';
