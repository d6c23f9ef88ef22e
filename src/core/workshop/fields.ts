import { IsoDate, type Scalar } from '../schemas/common.js';
import { valueProblem, type LeafValue, type Operator } from '../schemas/condition.js';
import type { WorkspaceConfig } from '../schemas/workspace.js';

/** The validators the prompts and the answers file share, so both refuse the same things. */

export function dateProblem(text: string): string | undefined {
  const r = IsoDate.safeParse(text.trim());
  return r.success ? undefined : (r.error.issues[0]?.message ?? 'expected a date written YYYY-MM-DD');
}

/** A due date must not be before the session it is agreed in (both YYYY-MM-DD, so they compare as text). */
export function dueProblem(due: string, sessionDate: string): string | undefined {
  const d = due.trim();
  return dateProblem(d) ?? (d < sessionDate ? `${d} is before the session date ${sessionDate}; a due date is on or after the day it is agreed` : undefined);
}

export function parseNumber(text: string): number | undefined {
  const t = text.trim();
  if (t === '' || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return undefined;
  return Number(t);
}

/** Reads one typed scalar: a number, a boolean, else text. */
export function readScalar(text: string): Scalar {
  const t = text.trim();
  const n = parseNumber(t);
  if (n !== undefined) return n;
  if (/^(true|false)$/i.test(t)) return t.toLowerCase() === 'true';
  return t;
}

/** A condition value typed at a prompt, read for its operator: lists are comma-separated. */
export function readConditionValue(op: Operator, text: string): { value?: LeafValue; problem?: string } {
  const t = text.trim();
  let value: LeafValue | undefined;
  if (op === 'is_known' || op === 'is_unknown') value = undefined;
  else if (op === 'in' || op === 'not_in' || op === 'between') value = t === '' ? [] : t.split(',').map(readScalar);
  else if (op === 'matches' || op === 'within_last' || op === 'before' || op === 'after') value = t;
  else if (op === 'contains' || op === 'not_contains' || op === 'starts_with' || op === 'ends_with') value = t;
  else value = t === '' ? undefined : readScalar(t);
  const problem = valueProblem(op, value);
  if (!problem) return { value };
  return { problem: problem.hint ? `${problem.message}; ${problem.hint}` : problem.message };
}

/** An id made from a title: lower-case words joined by dashes. */
export function slugify(title: string): string {
  const s = title
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  return s || 'item';
}

/** A slug not yet in `taken`: the base, then base-2, base-3 … */
export function freeId(base: string, taken: Set<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** Each member's team, from align.yaml. */
export function memberTeams(config: WorkspaceConfig): Map<string, string> {
  const out = new Map<string, string>();
  for (const [id, team] of Object.entries(config.teams)) for (const m of team.members) if (!out.has(m)) out.set(m, id);
  return out;
}

export function teamIds(config: WorkspaceConfig): string[] {
  return Object.keys(config.teams);
}
