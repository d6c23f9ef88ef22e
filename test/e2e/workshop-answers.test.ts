import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { demoWorkspace, hashTree, ROOT, TEST_ENV, type TempRepo } from '../helpers/workspace.js';

let repo: TempRepo;
afterEach(() => repo?.cleanup());

const example = (t: string) => join(ROOT, 'examples', `${t}.answers.yaml`);

async function commitCount(r: TempRepo): Promise<number> {
  return Number(await r.git('rev-list', '--count', 'HEAD'));
}

async function lastCommitFiles(r: TempRepo): Promise<string[]> {
  return (await r.git('show', '--name-only', '--format=', 'HEAD')).trim().split('\n').sort();
}

const EXPECTED: Record<string, string[]> = {
  kickoff: ['align.yaml', 'goals.yaml', 'sessions/2026-11-27-kickoff.yaml'],
  'lead-definition': ['rubric.yaml', 'sessions/2026-11-27-lead-definition.yaml'],
  sync: ['goals.yaml', 'sessions/2026-11-27-sync.yaml'],
  exchange: ['sessions/2026-11-27-exchange.yaml'],
  future: ['goals.yaml', 'sessions/2026-11-27-future.yaml'],
};

describe('align workshop --answers', () => {
  for (const template of Object.keys(EXPECTED)) {
    it(`runs ${template} from its bundled answers: valid files, exactly one commit of exactly its files`, async () => {
      repo = await demoWorkspace();
      // sync and future review what the kickoff set up: its actions and goals
      if (template === 'sync' || template === 'future') expect((await repo.align(['workshop', 'kickoff', '--answers', example('kickoff')])).exitCode).toBe(0);
      const before = await commitCount(repo);
      const r = await repo.align(['workshop', template, '--answers', example(template)]);
      expect(r.exitCode, r.stderr).toBe(0);
      expect(await commitCount(repo)).toBe(before + 1);
      expect(await lastCommitFiles(repo)).toEqual(EXPECTED[template]);
      expect(r.stdout.trim().split('\n').sort()).toEqual(EXPECTED[template]);
      const subject = await repo.git('log', '-1', '--format=%s');
      const session = parse(repo.read(`sessions/2026-11-27-${template}.yaml`));
      expect(subject).toBe(`workshop: ${session.title} (2026-11-27)`);
      expect(session.template).toBe(template);
      const body = await repo.git('log', '-1', '--format=%b');
      for (const d of session.decisions ?? []) expect(body).toContain(d);
      const v = await repo.align(['validate']);
      expect(v.exitCode, v.stderr + v.stdout).toBe(0);
      expect(await repo.git('status', '--porcelain')).toBe('');
    });
  }

  it('the bundled answers run the same on any later day: each names its date, so its due dates never fall behind the clock', async () => {
    for (const template of Object.keys(EXPECTED)) expect(parse(readFileSync(example(template), 'utf8')).date, template).toBe('2026-11-27');
    repo = await demoWorkspace();
    const later = { ...TEST_ENV, ALIGN_NOW: '2031-06-01T10:00:00Z' };
    for (const template of ['kickoff', 'sync']) {
      const r = await repo.align(['workshop', template, '--answers', example(template)], { env: later });
      expect(r.exitCode, r.stderr).toBe(0);
    }
    expect(parse(repo.read('sessions/2026-11-27-sync.yaml')).date).toBe('2026-11-27');
  });

  it('kickoff: adds new attendees to their team, and the goals, in the parsed files', async () => {
    repo = await demoWorkspace();
    expect((await repo.align(['workshop', 'kickoff', '--answers', example('kickoff')])).exitCode).toBe(0);
    const config = parse(repo.read('align.yaml'));
    expect(config.teams.sales.members).toEqual(['Dana Kim', 'Lee Park', 'Priya Shah']);
    expect(config.teams.marketing.values).toEqual(['Message consistency', 'Experiments over opinions']);
    const goals = parse(repo.read('goals.yaml')).goals;
    expect(goals.map((g: { id: string }) => g.id)).toEqual(['grow-pipeline-from-sales-ready-leads', 'enter-the-mid-market-segment']);
    expect(goals[1].status).toBe('proposed');
    expect(repo.read('goals.yaml')).toContain('# shared goals of sales and marketing'); // comments kept
    const session = parse(repo.read('sessions/2026-11-27-kickoff.yaml'));
    expect(session.actions.map((a: { id: string; team: string }) => `${a.id}:${a.team}`)).toEqual(['a1:sales', 'a2:sales', 'a3:marketing']);
    expect(session.changes).toEqual({ goals: ['grow-pipeline-from-sales-ready-leads', 'enter-the-mid-market-segment'], teams: true });
  });

  it('commits only its own files in a repository with unrelated uncommitted changes, and leaves those alone', async () => {
    repo = await demoWorkspace();
    repo.write('README.md', '# team workspace\n\nedited, not committed\n');
    repo.write('notes/staged.txt', 'staged, not committed\n');
    await repo.git('add', 'notes/staged.txt');
    repo.write('scratch.txt', 'untracked\n');
    const statusBefore = await repo.git('status', '--porcelain');
    const r = await repo.align(['workshop', 'exchange', '--answers', example('exchange')]);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(await lastCommitFiles(repo)).toEqual(['sessions/2026-11-27-exchange.yaml']);
    expect(await repo.git('status', '--porcelain')).toBe(statusBefore);
    expect(repo.read('README.md')).toBe('# team workspace\n\nedited, not committed\n');
    expect(await repo.git('diff', '--cached', '--name-only')).toBe('notes/staged.txt');
  });

  it('names a session -2 when that date and template already has one', async () => {
    repo = await demoWorkspace();
    expect((await repo.align(['workshop', 'exchange', '--answers', example('exchange')])).exitCode).toBe(0);
    const r = await repo.align(['workshop', 'exchange', '--answers', example('exchange')]);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe('sessions/2026-11-27-exchange-2.yaml');
    expect(parse(repo.read('sessions/2026-11-27-exchange-2.yaml')).id).toBe('2026-11-27-exchange-2');
  });

  it('--dry-run writes nothing and prints the files it would write', async () => {
    repo = await demoWorkspace();
    const hash = hashTree(repo.dir);
    const r = await repo.align(['workshop', 'kickoff', '--answers', example('kickoff'), '--dry-run']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(hashTree(repo.dir)).toBe(hash);
    expect(r.stdout).toContain('--- sessions/2026-11-27-kickoff.yaml (new)');
    expect(r.stdout).toContain('--- goals.yaml (update)');
    expect(r.stdout).toContain('Priya Shah');
  });

  it('--no-commit writes the files and commits nothing', async () => {
    repo = await demoWorkspace();
    const before = await commitCount(repo);
    const r = await repo.align(['workshop', 'lead-definition', '--answers', example('lead-definition'), '--no-commit', '--format', 'json']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ schema: 'align.workshop/1', dry_run: false, session: '2026-11-27-lead-definition', files: ['sessions/2026-11-27-lead-definition.yaml', 'rubric.yaml'], commit: null });
    expect(await commitCount(repo)).toBe(before);
    expect(parse(repo.read('rubric.yaml')).sla.follow_up_hours).toBe(8);
  });

  it('a failed commit leaves the files in place and says what to run (exit 1)', async () => {
    repo = await demoWorkspace({ identity: false });
    const r = await repo.align(['workshop', 'exchange', '--answers', example('exchange')]);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/not committed: git does not know who you are/);
    expect(r.stderr).toContain('git add -- sessions/2026-11-27-exchange.yaml && git commit');
    expect(existsSync(join(repo.dir, 'sessions/2026-11-27-exchange.yaml'))).toBe(true);
  });

  it('bad answers: every problem with file:line:col, exit 2, nothing written', async () => {
    repo = await demoWorkspace();
    repo.write('bad.yaml', [
      'template: lead-definition',
      'attendees: [Dana Kim, { name: Pat, team: finance }]',
      'sections:',
      '  fit:',
      '    criteria:',
      '      - when: { field: employees, op: between, value: [50] }',
      '        points: 10',
      '  sla:',
      '    follow_up_hours: soon',
      '  actions:',
      '    actions:',
      '      - { title: Configure the CRM, owner: Nobody Known, due: 2026-13-01 }',
      '',
    ].join('\n'));
    const hash = hashTree(repo.dir);
    const r = await repo.align(['workshop', '--answers', 'bad.yaml']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/^bad\.yaml:6:\d+: .*between/m);
    expect(r.stderr).toMatch(/^bad\.yaml:9:22: /m);
    expect(r.stderr).toMatch(/^bad\.yaml:12:\d+: .*real calendar date/m);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(hashTree(repo.dir)).toBe(hash);
    // once the shape is right, the workspace checks run: unknown team and unknown owner
    repo.write('bad2.yaml', 'attendees: [Dana Kim, { name: Pat, team: finance }]\nsections:\n  actions:\n    actions:\n      - { title: Configure the CRM, owner: Nobody Known }\n');
    const hash2 = hashTree(repo.dir);
    const r2 = await repo.align(['workshop', 'lead-definition', '--answers', 'bad2.yaml']);
    expect(r2.exitCode).toBe(2);
    expect(r2.stderr).toMatch(/^bad2\.yaml:1:\d+: .*unknown team "finance"/m);
    expect(r2.stderr).toMatch(/^bad2\.yaml:5:\d+: .*owner "Nobody Known"/m);
    expect(hashTree(repo.dir)).toBe(hash2);
  });

  it('without a terminal and without --answers, exits 2 naming --answers', async () => {
    repo = await demoWorkspace();
    const r = await repo.align(['workshop', 'kickoff']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('--answers');
  });
});
