import type { z } from 'zod';

export type DataPath = (string | number)[];

/** A problem found in parsed data, to be located in the file by its path. */
export interface PathProblem {
  path: DataPath;
  /** Point at the key of the last path step rather than its value (unknown keys). */
  atKey?: boolean;
  message: string;
  hint?: string;
  severity?: 'error' | 'warning';
}

type Issue = z.core.$ZodIssue;

/** Schema issues as readable problems; for a union, the branch the data was most likely meant for. */
export function issuesToProblems(issues: readonly Issue[], base: DataPath = []): PathProblem[] {
  const out: PathProblem[] = [];
  for (const issue of issues) {
    const path = [...base, ...(issue.path as (string | number)[])];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      out.push(...issuesToProblems(bestBranch(issue.errors), path));
      continue;
    }
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        out.push({ path: [...path, key], atKey: true, message: `unknown key \`${key}\``, hint: 'check the spelling; the JSON Schema named on the first line lists the keys allowed here' });
      }
      continue;
    }
    out.push({ path, ...describe(issue) });
  }
  return out;
}

/** The branch whose complaints are least about the shape of the node itself. */
function bestBranch(branches: Issue[][]): Issue[] {
  let best = branches[0]!;
  let bestScore = Infinity;
  for (const branch of branches) {
    const score = branch.reduce((n, i) => n + (isShapeMismatch(i) ? 100 : 1), 0);
    if (score < bestScore) {
      best = branch;
      bestScore = score;
    }
  }
  return best;
}

function isShapeMismatch(issue: Issue): boolean {
  if (issue.path.length === 0) return issue.code === 'unrecognized_keys' || issue.code === 'invalid_type';
  return issue.path.length === 1 && issue.code === 'invalid_type' && issue.input === undefined;
}

function describe(issue: Issue): { message: string; hint?: string } {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return { message: `missing required \`${lastKey(issue.path)}\`` };
      return { message: `expected ${article(issue.expected)}, found ${typeName(issue.input)}` };
    }
    case 'unrecognized_keys':
      return {
        message: `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `\`${k}\``).join(', ')}`,
        hint: 'check the spelling; the JSON Schema named on the first line lists the keys allowed here',
      };
    case 'invalid_value':
      return { message: `expected one of ${issue.values.map(String).join(', ')}, found ${JSON.stringify(issue.input)}` };
    case 'too_small':
      if (issue.origin === 'array') return { message: issue.message.startsWith('Too small') ? `expected at least ${issue.minimum} item(s)` : issue.message };
      if (issue.origin === 'string') return { message: 'expected some text' };
      return { message: issue.message.startsWith('Too small') ? `expected a number ${issue.inclusive ? 'at least' : 'above'} ${issue.minimum}` : issue.message };
    case 'too_big':
      return { message: issue.message.startsWith('Too big') ? `expected at most ${String(issue.maximum)}` : issue.message };
    case 'invalid_format':
      return { message: issue.message };
    case 'invalid_key':
      return { message: 'invalid key', hint: issuesToProblems(issue.issues)[0]?.message };
    case 'custom': {
      // A refinement may pass its hint along (`params: { hint }`).
      const hint = (issue.params as { hint?: unknown } | undefined)?.hint;
      return typeof hint === 'string' ? { message: issue.message, hint } : { message: issue.message };
    }
    default:
      return { message: issue.message };
  }
}

function lastKey(path: PropertyKey[]): string {
  return String(path[path.length - 1] ?? 'value');
}

function article(expected: string): string {
  if (expected === 'object' || expected === 'record' || expected === 'map') return 'a mapping';
  if (expected === 'array') return 'a list';
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

function typeName(v: unknown): string {
  if (v === null) return 'nothing (null)';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `text ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  return `${typeof v} ${String(v)}`;
}
