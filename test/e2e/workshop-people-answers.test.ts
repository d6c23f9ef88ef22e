import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { demoWorkspace, hashTree, type TempRepo } from '../helpers/workspace.js';

let repo: TempRepo;
afterEach(() => repo?.cleanup());

describe('align workshop --answers: people and dates', () => {
  it('a person typed in another case is the same person everywhere: align.yaml keeps its spelling, no member added twice', async () => {
    repo = await demoWorkspace();
    repo.write('answers.yaml', [
      'template: lead-definition',
      'facilitator: sam ortiz',
      'attendees: [dana kim, { name: ANA  RUIZ, team: marketing }, { name: Priya Shah, team: sales }]',
      'sections:',
      '  thresholds:',
      '    approved_by: { sales: dana kim, marketing: SAM ORTIZ }',
      '  actions:',
      '    actions:',
      '      - { title: Configure the CRM, owner: priya shah, due: 2026-11-27 }', // due on the session day itself: fine
      '      - { title: Send the lead list, owner: sam ortiz }',
      '',
    ].join('\n'));
    const r = await repo.align(['workshop', '--answers', 'answers.yaml']);
    expect(r.exitCode, r.stderr).toBe(0);
    const session = parse(repo.read('sessions/2026-11-27-lead-definition.yaml'));
    expect(session.facilitator).toBe('Sam Ortiz');
    expect(session.attendees).toEqual([{ name: 'Dana Kim', team: 'sales' }, { name: 'Ana Ruiz', team: 'marketing' }, { name: 'Priya Shah', team: 'sales' }]);
    expect(session.actions).toEqual([
      { id: 'a1', title: 'Configure the CRM', owner: 'Priya Shah', team: 'sales', due: '2026-11-27', status: 'open' },
      { id: 'a2', title: 'Send the lead list', owner: 'Sam Ortiz', team: 'marketing', status: 'open' },
    ]);
    expect(parse(repo.read('rubric.yaml')).approved_by).toEqual({ sales: 'Dana Kim', marketing: 'Sam Ortiz' });
    const teams = parse(repo.read('align.yaml')).teams;
    expect(teams.sales.members).toEqual(['Dana Kim', 'Lee Park', 'Priya Shah']);
    expect(teams.marketing.members).toEqual(['Sam Ortiz', 'Ana Ruiz']);
    expect((await repo.align(['validate'])).exitCode).toBe(0);
  });

  it('the same person twice in another case is listed twice', async () => {
    repo = await demoWorkspace();
    repo.write('answers.yaml', 'template: exchange\nattendees: [{ name: Priya Shah, team: sales }, priya shah]\n');
    const hash = hashTree(repo.dir);
    const r = await repo.align(['workshop', '--answers', 'answers.yaml']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/^answers\.yaml:2:48: attendees\[1\]: "Priya Shah" is listed twice/m);
    expect(hashTree(repo.dir)).toBe(hash);
  });

  it('refuses a due date before the session date and a shared goal no team owns, each at its line and column; nothing written', async () => {
    repo = await demoWorkspace();
    repo.write('bad.yaml', [
      'template: kickoff',
      'sections:',
      '  shared-goals:',
      '    goals:',
      '      - { title: Grow SQL pipeline, owners: [sales, marketing], due: 2026-10-01 }',
      '      - title: A goal nobody owns',
      '        target: 10',
      '      - { title: Owned by an empty list, owners: [] }',
      '  actions:',
      '    actions:',
      '      - { title: Book the workshop, owner: Dana Kim, due: 2026-11-26 }',
      '',
    ].join('\n'));
    const hash = hashTree(repo.dir);
    const r = await repo.align(['workshop', '--answers', 'bad.yaml']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/^bad\.yaml:5:70: .*due: 2026-10-01 is before the session date 2026-11-27/m);
    expect(r.stderr).toMatch(/^bad\.yaml:6:9: .*: shared goal "A goal nobody owns" has no owning team\n {2}hint: .*owners: \[sales, marketing\]/m);
    expect(r.stderr).toMatch(/^bad\.yaml:8:50: .*owners: shared goal "Owned by an empty list" has no owning team/m);
    expect(r.stderr).toMatch(/^bad\.yaml:11:59: .*due: 2026-11-26 is before the session date 2026-11-27/m);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(hashTree(repo.dir)).toBe(hash);
  });
});
