import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { ROOT, tempRepo, type TempRepo } from './workspace.js';

/** Every command that writes a file with --out, as a user would call it in `outWorkspace()`. */
export const WITH_OUT: [string, string[]][] = [
  ['agenda', ['agenda', 'sync']],
  ['export', ['export']],
  ['rubric sql', ['rubric', 'sql']],
  ['rubric score', ['rubric', 'score', 'leads.csv', '--rubric', 'scoring.yaml', '--format', 'csv']],
];

/** A workspace made by `align init`, with the leads fixture and its rubric as leads.csv and scoring.yaml. */
export async function outWorkspace(): Promise<TempRepo> {
  const repo = await tempRepo();
  const init = await repo.align(['init', '--org', 'Acme', '--sales', 'Dana Kim', '--marketing', 'Sam Ortiz', '--yes']);
  expect(init.exitCode, init.stderr).toBe(0);
  repo.write('leads.csv', readFileSync(join(ROOT, 'test/fixtures/leads/quirks.csv')));
  repo.write('scoring.yaml', readFileSync(join(ROOT, 'test/fixtures/leads/rubric.yaml')));
  return repo;
}
