import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashTree, tempRepo, type TempRepo } from '../helpers/workspace.js';

let repo: TempRepo;
beforeAll(async () => {
  repo = await tempRepo();
  expect((await repo.align(['init', '--org', 'Acme', '--sales', 'Dana Kim', '--marketing', 'Sam Ortiz'])).exitCode).toBe(0);
});
afterAll(() => repo?.cleanup());

const session = (id: string, owner: string) => `id: ${id}
template: sync
date: 2026-11-20
attendees:
  - { name: Dana Kim, team: sales }
actions:
  - { id: a1, title: Call back the webinar leads, owner: ${owner}, team: sales, due: 2026-12-01, status: open }
`;

describe('align validate', () => {
  it('passes a workspace with sessions, and flags an unknown action owner as a warning only', async () => {
    repo.write('sessions/2026-11-20-sync.yaml', session('2026-11-20-sync', 'Robin Doe'));
    const r = await repo.align(['validate']);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toMatch(/^sessions\/2026-11-20-sync\.yaml:7:\d+: warning: actions\[0\]\.owner: owner "Robin Doe" is not a member/m);
    expect(r.stdout).toMatch(/valid: 4 files checked \(1 warning\)/);
  });

  it('finds problems across files: duplicate session ids, unknown teams; lists all of them at once', async () => {
    repo.write('sessions/2026-11-20-sync-2.yaml', session('2026-11-20-sync', 'Dana Kim').replace('team: sales }\nactions', 'team: finance }\nactions'));
    repo.write('goals.yaml', 'goals:\n  - { id: g1, title: One, owners: [sales, legal] }\n  - { id: g1, title: Two }\n');
    const before = hashTree(repo.dir);
    const r = await repo.align(['validate', '--format', 'json']);
    expect(r.exitCode).toBe(1);
    const doc = JSON.parse(r.stdout);
    const errors = doc.problems.filter((p: { severity: string }) => p.severity === 'error');
    expect(errors.map((p: { file: string; line: number; message: string }) => `${p.file}:${p.line} ${p.message}`).sort()).toEqual([
      'goals.yaml:3 goals[1].id: duplicate goal id "g1" (first used at item 1)',
      'sessions/2026-11-20-sync-2.yaml:5 attendees[0].team: unknown team "finance"',
      // files are read in name order; the second file with an id is the duplicate
      'sessions/2026-11-20-sync.yaml:1 id: duplicate session id "2026-11-20-sync" (also in sessions/2026-11-20-sync-2.yaml)',
    ]);
    expect(hashTree(repo.dir)).toBe(before);
    // goal owners are checked once the file itself is sound
    repo.write('goals.yaml', 'goals:\n  - { id: g1, title: One, owners: [sales, legal] }\n');
    const again = await repo.align(['validate']);
    expect(again.stderr).toMatch(/^goals\.yaml:2:\d+: goals\[0\]\.owners\[1\]: unknown team "legal"/m);
  });
});
