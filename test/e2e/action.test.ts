// align in CI: the GitHub Action's steps (scripts/action.sh) on a local bare repository, in a full
// clone and a depth-1 clone; rubric log and export in a depth-1 clone; the pre-commit hooks.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { COMMANDS } from '../../src/cli/registry.js';
import { ALIGN, demoWorkspace, ROOT, type TempRepo } from '../helpers/workspace.js';

const LEAD_COLUMNS = 'id,title,demo_requested,budget_confirmed,annual_budget,purchase_timeline_days,employees,is_competitor,last_activity,pain_point';

let source: TempRepo;
let base: string;
let bare: string;

/** A clone of the bare repository's feature branch, full or depth 1, in a folder of its own. */
function clone(name: string, depth?: number): string {
  const dir = join(base, name);
  execFileSync('git', ['clone', '-q', ...(depth ? ['--depth', String(depth)] : []), '--branch', 'feature', `file://${bare}`, dir], { env: source.env as NodeJS.ProcessEnv });
  return dir;
}

/** The action's steps as GitHub runs them on a pull request from feature into main. */
async function action(dir: string, inputs: Record<string, string> = {}) {
  const summary = join(dir, '..', `${dir.split('/').pop()}-summary.md`);
  writeFileSync(summary, '');
  const r = await execa('bash', [join(ROOT, 'scripts', 'action.sh')], {
    cwd: dir,
    reject: false,
    env: { ...source.env, ALIGN: `node ${ALIGN}`, GITHUB_STEP_SUMMARY: summary, GITHUB_BASE_REF: 'main', GITHUB_HEAD_REF: 'feature', ...inputs },
  });
  return { exitCode: r.exitCode, stderr: String(r.stderr), summary: readFileSync(summary, 'utf8') };
}

const git = (dir: string, ...args: string[]) => execFileSync('git', args, { cwd: dir, env: source.env as NodeJS.ProcessEnv, encoding: 'utf8' }).trim();

beforeAll(async () => {
  // main: the workspace, then two rubric changes and a commit that leaves the rubric alone;
  // feature (the pull request): one more rubric change.
  source = await demoWorkspace();
  const edit = async (from: string, to: string, message: string) => {
    source.write('rubric.yaml', source.read('rubric.yaml').replace(from, to));
    await source.git('commit', '-qam', message);
  };
  await edit('label: Marketing-qualified', 'label: Marketing qualified', 'rubric: mql label');
  await edit('min: 60, require', 'min: 65, require', 'rubric: sql needs 65');
  source.write('leads.csv', `${LEAD_COLUMNS}\n1,VP Sales,true,true,80000,60,500,false,2026-11-20,slow hand-off\n2,Coordinator,true,false,,90,40,false,2026-11-01,\n`);
  await source.git('add', 'leads.csv');
  await source.git('commit', '-qm', 'leads to compare rubrics with, not the rubric');
  await source.git('switch', '-qc', 'feature');
  await edit('label: Sales-ready', 'label: Sales ready', 'rubric: sql label');
  base = mkdtempSync(join(tmpdir(), 'align-action-'));
  bare = join(base, 'origin.git');
  await source.git('clone', '-q', '--bare', source.dir, bare);
});
afterAll(() => {
  source?.cleanup();
  if (base) rmSync(base, { recursive: true, force: true });
});

describe('rubric log and export in a depth-1 clone', () => {
  it('never credit the whole rubric to the last commit: the version there is history-missing, and stderr says so', async () => {
    const shallow = clone('log-shallow', 1);
    const log = await source.align(['rubric', 'log', '--format', 'json'], { cwd: shallow });
    expect(log.exitCode).toBe(0);
    const doc = JSON.parse(log.stdout);
    expect(doc.history_complete).toBe(false);
    expect(doc.versions.map((v: { status: string }) => v.status)).toEqual(['history-missing']);
    expect(doc.versions[0].changes).toEqual([]);
    expect(doc.versions[0].summary).toMatch(/^history before this commit is missing \(shallow clone\); here: \d+ criteria/);
    expect(log.stderr).toContain(`history before ${git(shallow, 'rev-parse', '--short=7', 'HEAD')} is missing`);
    expect(log.stderr).toContain('git fetch --unshallow');

    const text = await source.align(['rubric', 'log'], { cwd: shallow });
    expect(text.stdout).not.toContain('created');
    const json = await source.align(['export', '--format', 'json'], { cwd: shallow });
    expect(json.exitCode).toBe(0);
    expect(JSON.parse(json.stdout).changelog.map((e: { status: string }) => e.status)).toEqual(['history-missing']);
    expect(json.stderr).toContain('is missing');
    const md = await source.align(['export'], { cwd: shallow });
    expect(md.stdout).toContain('history before this commit is missing (shallow clone)');
    expect(md.stdout).not.toMatch(/created: \d+ criteria/);
  });

  it('a depth-2 clone shows the change it has, and marks only where its history stops', async () => {
    const shallow = clone('log-depth2', 2);
    const full = clone('log-full');
    const cut = JSON.parse((await source.align(['rubric', 'log', '--format', 'json'], { cwd: shallow })).stdout);
    const whole = JSON.parse((await source.align(['rubric', 'log', '--format', 'json'], { cwd: full })).stdout);
    expect(whole.history_complete).toBe(true);
    expect(whole.versions.map((v: { status: string }) => v.status)).toEqual(['changed', 'changed', 'changed', 'created']);
    // The newest version is the same in both; the one where the clone stops is not "created".
    expect(cut.versions[0]).toEqual(whole.versions[0]);
    expect(cut.versions.slice(1).map((v: { status: string }) => v.status)).toEqual(['history-missing']);
  });

  it('rubric diff to a commit the clone does not have says the history is missing', async () => {
    const shallow = clone('diff-shallow', 1);
    const r = await source.align(['rubric', 'diff', 'HEAD~1', 'HEAD'], { cwd: shallow });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('names no commit here');
    expect(r.stderr).toContain('shallow clone');
  });
});

describe('the action (scripts/action.sh) on a pull request', () => {
  let fullRun: Awaited<ReturnType<typeof action>>;
  let full: string;
  beforeAll(async () => {
    full = clone('action-full');
    fullRun = await action(full, { INPUT_LEADS: 'leads.csv' });
  });

  it('in a full clone: validate and the golden leads pass, and the rubric diff from main is in the summary', () => {
    expect(fullRun.exitCode, fullRun.stderr + fullRun.summary).toBe(0);
    expect(fullRun.summary).toContain('### Workspace (`align validate`): passed');
    expect(fullRun.summary).toContain('### Golden leads (`align rubric test`): passed');
    expect(fullRun.summary).toContain('### Rubric changes (origin/main → HEAD)');
    expect(fullRun.summary).toContain('Sales ready');
    expect(fullRun.summary).not.toContain('Marketing-qualified');
  });

  it('in a depth-1 clone: deepens it, and writes the same summary; rubric log then matches the full clone', async () => {
    const shallow = clone('action-shallow', 1);
    const run = await action(shallow, { INPUT_LEADS: 'leads.csv' });
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.summary).toBe(fullRun.summary);
    expect(git(shallow, 'rev-parse', '--is-shallow-repository')).toBe('false');
    const a = await source.align(['rubric', 'log', '--format', 'json'], { cwd: shallow });
    const b = await source.align(['rubric', 'log', '--format', 'json'], { cwd: full });
    expect(a.stdout).toBe(b.stdout);
    expect(a.stderr).toBe('');
  });

  it('in a depth-1 clone it may not deepen: the summary says plainly that the history is missing; a failing golden lead fails the job', async () => {
    const shallow = clone('action-no-deepen', 1);
    writeFileSync(join(shallow, 'rubric.yaml'), readFileSync(join(shallow, 'rubric.yaml'), 'utf8').replace('expect: sql', 'expect: unqualified'));
    const run = await action(shallow, { INPUT_DEEPEN: 'false', INPUT_BASE: 'HEAD~2' });
    expect(run.exitCode).toBe(1);
    expect(git(shallow, 'rev-parse', '--is-shallow-repository')).toBe('true');
    expect(run.summary).toContain('### Workspace (`align validate`): passed');
    expect(run.summary).toContain('### Golden leads (`align rubric test`): failed (exit 1)');
    expect(run.summary).toContain('### Rubric changes (HEAD~2 → HEAD)');
    expect(run.summary).toContain('this is a shallow clone, so older commits are missing');
  });
});

describe('action.yml and .pre-commit-hooks.yaml', () => {
  it('the action is a composite action whose inputs reach the script by the names it reads', () => {
    const spec = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8'));
    const script = readFileSync(join(ROOT, 'scripts', 'action.sh'), 'utf8');
    expect(spec.runs.using).toBe('composite');
    const steps = spec.runs.steps as { run: string; shell: string; env?: Record<string, string> }[];
    expect(steps.every((s) => s.shell === 'bash')).toBe(true);
    const step = steps.find((s) => s.run.includes('scripts/action.sh'))!;
    for (const input of ['working-directory', 'base', 'head', 'leads', 'deepen']) {
      const name = `INPUT_${input.toUpperCase().replace(/-/g, '_')}`;
      expect(spec.inputs[input].description).toBeTruthy();
      expect(step.env?.[name]).toBe(`\${{ inputs.${input} }}`);
      expect(script).toContain(`\${${name}`);
    }
  });

  it('the hooks run align commands that exist, on the files they check', () => {
    const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; name: string; entry: string; language: string; files: string; pass_filenames: boolean }[];
    expect(hooks.map((h) => h.id)).toEqual(['align-validate', 'align-rubric-test']);
    const commands = COMMANDS.map((c) => `align ${c.path.join(' ')}`);
    for (const h of hooks) {
      expect(h.name).toBeTruthy();
      expect(h.language).toBe('node');
      expect(h.pass_filenames).toBe(false);
      expect(commands).toContain(h.entry);
      expect(new RegExp(h.files).test('rubric.yaml')).toBe(true);
    }
    expect(new RegExp(hooks[0]!.files).test('sessions/2026-11-27-kickoff.yaml')).toBe(true);
    expect(new RegExp(hooks[1]!.files).test('goals.yaml')).toBe(false);
  });
});
