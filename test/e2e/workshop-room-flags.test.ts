import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, demoWorkspace, hashTree, type TempRepo } from '../helpers/workspace.js';

let repo: TempRepo;
beforeAll(async () => {
  repo = await demoWorkspace();
});
afterAll(() => repo.cleanup());

describe('align workshop --room: flags that do not go together', () => {
  it.each([
    [['workshop', 'kickoff', '--host', '0.0.0.0'], '--host is for the room, and there is none without --room'],
    [['workshop', 'kickoff', '--port', '8080'], '--port is for the room, and there is none without --room'],
    [['workshop', 'kickoff', '--room', '--answers', join(ROOT, 'examples', 'kickoff.answers.yaml')], '--answers and --room do not go together'],
    [['workshop', 'kickoff', '--room', '--port', '70000'], 'invalid --port "70000": expected a whole number from 1 to 65535'],
    [['workshop', 'kickoff', '--room'], 'align workshop asks its questions on a terminal, and there is none here'],
  ])('%j is refused, and nothing changes', async (args, message) => {
    const before = hashTree(repo.dir);
    const r = await repo.align(args);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(message);
    expect(hashTree(repo.dir)).toBe(before);
  });
});
