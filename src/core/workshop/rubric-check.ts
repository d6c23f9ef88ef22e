import { diffRubrics } from '../rubric/diff/diff.js';
import { runGoldenTests, type GoldenResult } from '../rubric/golden/run.js';
import type { Rubric } from '../schemas/rubric.js';
import type { Locale } from '../values/locale.js';
import type { Answers, WorkshopInput } from './types.js';

/** The draft rubric's golden leads, as `align rubric test` runs them; `error` when the rubric cannot be scored yet. */
export type GoldenRun = { ok: true; results: GoldenResult[] } | { ok: false; error: string };

/** Runs the golden leads (`tests:`) of a rubric on the session date, each on its own `as_of` if it has one. */
export function runGolden(rubric: Rubric, date: string, locale?: Locale): GoldenRun {
  try {
    return { ok: true, results: runGoldenTests(rubric, date, locale) };
  } catch (e) {
    // A half-agreed rubric the engine refuses (a field typo the room is still fixing) must not end the session.
    return { ok: false, error: (e as Error).message };
  }
}

/** One line per golden lead that fails: its name, the stage the room expects and the one it gets now. */
export function goldenFailureLines(run: GoldenRun): string[] {
  if (!run.ok) return [`golden leads not run: ${run.error}`];
  return run.results.filter((r) => !r.passed).map((r) => `✗ ${r.name}: expected ${r.expect}, now ${r.actual} (score ${r.score.score})`);
}

/** A one-line verdict: how many golden leads pass, or that there are none. */
export function goldenVerdict(run: GoldenRun): string {
  if (!run.ok) return 'golden leads not run';
  const n = run.results.length;
  if (!n) return 'no golden leads yet';
  const failed = run.results.filter((r) => !r.passed).length;
  return failed ? `${failed} of ${n} golden lead${n === 1 ? '' : 's'} fail${failed === 1 ? 's' : ''}` : `all ${n} golden lead${n === 1 ? '' : 's'} pass`;
}

/** Whether the session changed what the rubric does (criteria, stages, caps, SLA): sign-off and golden leads alone do not. */
export function rubricChanged(before: Rubric | undefined, after: Rubric | undefined): boolean {
  if (!before || !after) return false;
  return diffRubrics(before, after).some((c) => c.section !== 'sign-off' && c.section !== 'test');
}

/** The sign-offs given in this session, per team, from the sections that capture them. */
export function signedInSession(input: WorkshopInput, answers: Answers): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of input.template.sections) {
    if (s.capture === 'stages') Object.assign(out, answers.sections[s.id]?.approved_by as Record<string, string> | undefined);
  }
  return out;
}

/**
 * A sign-off approves one version of the rubric: when the session changed the rubric, only the
 * approvals given in the session stand; the teams whose earlier sign-off is dropped are returned.
 */
export function settleSignOff(rubric: Rubric, before: Rubric | undefined, signed: Record<string, string>): string[] {
  if (!rubricChanged(before, rubric)) return [];
  const cleared = Object.keys(before?.approved_by ?? {}).filter((t) => !(t in signed));
  if (Object.keys(signed).length) rubric.approved_by = { ...signed };
  else delete rubric.approved_by;
  return cleared;
}

/** What an answers-file run says on stderr about the rubric it writes: failing golden leads, a cleared sign-off. */
export function rubricWarnings(check: { golden: GoldenRun; cleared: string[] }): string[] {
  const out: string[] = [];
  const failing = goldenFailureLines(check.golden);
  if (failing.length) out.push(`warning: ${goldenVerdict(check.golden)} under the rubric this session writes (written anyway; \`align rubric test\` shows why):`, ...failing.map((l) => `  ${l}`));
  if (check.cleared.length) out.push(`warning: the rubric changed, so the earlier sign-off of ${check.cleared.join(', ')} is cleared; give approved_by in the stages section to sign this version`);
  return out;
}
