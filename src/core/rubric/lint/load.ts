import type { Problem } from '../../errors.js';
import { checkRubric } from '../../checks/rubric.js';
import { RubricSchema, type Rubric } from '../../schemas/rubric.js';
import { regexHazard } from '../../regex/hazard.js';
import { issuesToProblems, type DataPath } from '../../yaml/issues.js';
import { readYaml } from '../../yaml/read.js';
import { lintRubric } from './lint.js';
import type { LintFinding, LintRule } from './finding.js';

export interface LocatedFinding extends Problem {
  rule: LintRule;
  severity: 'error' | 'warning';
}

export type LintLoad = { ok: true; rubric: Rubric; findings: LocatedFinding[] } | { ok: false; problems: Problem[] };

/** A regular expression that matches nothing, standing in for one that does not compile. */
const NEVER = '(?!)';

/**
 * Reads a rubric for `rubric test`: what the loader rejects but a lint explains better (a regular
 * expression that does not compile or could hang scoring, reversed `between` bounds, an impossible at_least) becomes a
 * located lint finding instead of bad input, so the golden leads still run. The file is read
 * as every workspace file is (`readYaml`), so it gives the same data as `align validate` does.
 */
export function loadRubricForLint(file: string, bytes: Uint8Array): LintLoad {
  const read = readYaml(file, bytes);
  if (!read.ok) return read;
  const raw = read.value;
  const regex = badRegexes(raw);
  const result = RubricSchema.safeParse(raw, { reportInput: true });
  if (!result.success) return { ok: false, problems: read.locate(issuesToProblems(result.error.issues)).problems };
  const found: LintFinding[] = [...regex.findings, ...lintRubric(result.data, regex.criteria)];
  const covered = new Set(found.map((f) => JSON.stringify(f.path)));
  const rest = checkRubric(result.data).filter((p) => p.severity !== 'warning' && !covered.has(JSON.stringify(p.path)));
  if (rest.length) return { ok: false, problems: read.locate(rest).problems };
  const placed = read.locate(found);
  if (!placed.ok) return placed;
  const findings = placed.problems.map((p, i) => ({ ...p, rule: found[i]!.rule, severity: found[i]!.severity }));
  return { ok: true, rubric: result.data, findings: findings.sort((x, y) => (x.line ?? 0) - (y.line ?? 0) || (x.col ?? 0) - (y.col ?? 0)) };
}

/** Finds `matches` leaves whose pattern does not compile or could hang and, in place, makes them match nothing. */
function badRegexes(raw: unknown): { findings: LintFinding[]; criteria: Set<number> } {
  const findings: LintFinding[] = [];
  const criteria = new Set<number>();
  const criteriaList = (raw as { criteria?: unknown }).criteria;
  if (!Array.isArray(criteriaList)) return { findings, criteria };
  const walk = (node: unknown, path: DataPath, index: number, id: string) => {
    if (Array.isArray(node)) {
      for (const [i, n] of node.entries()) walk(n, [...path, i], index, id);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const leaf = node as Record<string, unknown>;
    if (leaf.op === 'matches' && typeof leaf.value === 'string') {
      const problem = regexProblem(leaf.value);
      if (problem) {
        findings.push({ rule: 'bad-regex', severity: 'error', path: [...path, 'value'], message: `criterion "${id}": ${problem.message}`, hint: problem.hint });
        leaf.value = NEVER;
        criteria.add(index);
      }
      return;
    }
    for (const k of ['all', 'any', 'not', 'of']) if (k in leaf) walk(leaf[k], [...path, k], index, id);
  };
  criteriaList.forEach((c, i) => {
    if (c && typeof c === 'object') walk((c as Record<string, unknown>).when, ['criteria', i, 'when'], i, String((c as Record<string, unknown>).id ?? i + 1));
  });
  return { findings, criteria };
}

function regexProblem(source: string): { message: string; hint: string } | undefined {
  try {
    new RegExp(source, 'i');
  } catch (e) {
    return {
      message: `the regular expression /${source}/ does not compile: ${(e as Error).message.replace(/^Invalid regular expression: /, '')}`,
      hint: 'regular expressions use JavaScript syntax; escape ( [ { with a backslash to match them literally',
    };
  }
  return regexHazard(source);
}
