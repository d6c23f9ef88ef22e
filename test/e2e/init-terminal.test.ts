import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { spawnAlign } from '../helpers/pty.js';
import { tempRepo, type TempRepo } from '../helpers/workspace.js';

let repo: TempRepo;
afterEach(() => repo?.cleanup());

describe('align init on a terminal', () => {
  it('asks for the organization and the members of each team', async () => {
    repo = await tempRepo();
    const term = spawnAlign(['init', '--rubric', 'anum'], { cwd: repo.dir, env: repo.env });
    await term.answer('Organization name', 'Globex Inc');
    await term.answer('Sales team members', 'Hank Scorpio, Mindy Lee');
    await term.answer('Marketing team members', 'Frank Grimes');
    expect(await term.exited).toBe(0);
    const config = parse(repo.read('align.yaml'));
    expect(config.organization).toBe('Globex Inc');
    expect(config.teams.sales.members).toEqual(['Hank Scorpio', 'Mindy Lee']);
    expect(config.teams.marketing.members).toEqual(['Frank Grimes']);
    expect(await repo.git('log', '-1', '--format=%s')).toBe('align: start the Globex Inc workspace');
  });

  it('asks only what the flags left open', async () => {
    repo = await tempRepo();
    const term = spawnAlign(['init', '--org', 'Initech', '--sales', 'Bill Lumbergh'], { cwd: repo.dir, env: repo.env });
    await term.answer('Marketing team members', 'Peter Gibbons');
    expect(await term.exited).toBe(0);
    expect(term.output()).not.toContain('Organization name');
    expect(parse(repo.read('align.yaml')).teams.marketing.members).toEqual(['Peter Gibbons']);
  });
});
