import type { PathProblem } from '../../yaml/issues.js';

export type LintRule = 'unreachable-stage' | 'never-fires' | 'duplicate-condition' | 'bad-regex';

/** A lint finding: a data path in rubric.yaml (located later), the rule, and whether it fails the check. */
export interface LintFinding extends PathProblem {
  rule: LintRule;
  severity: 'error' | 'warning';
}
