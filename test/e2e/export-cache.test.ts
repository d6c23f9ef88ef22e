import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, type TempRepo } from '../helpers/workspace.js';
import { buildExportFixture, EXPORT_NOW } from '../fixtures/export/workspace.js';

/**
 * export and status keep checked session records in .git/align-sessions.json, by the hash of
 * each file's bytes. These tests change files behind the cache's back: the output must follow
 * the files, never the cache.
 */
let repo: TempRepo;
const CACHE = () => join(repo.dir, '.git', 'align-sessions.json');
const run = (args: string[]) => repo.align(args, { env: { ...repo.env, ALIGN_NOW: EXPORT_NOW } });

beforeAll(async () => {
  repo = await buildExportFixture();
});
afterAll(() => repo?.cleanup());

describe('the checked-session cache', () => {
  it('gives the same document with and without it, and never shows in git status', async () => {
    const cold = await run(['export']);
    expect(existsSync(CACHE())).toBe(true);
    const warm = await run(['export']);
    expect(warm.stdout).toBe(cold.stdout);
    expect(await repo.git('status', '--porcelain')).toBe('');
  });

  it('follows an edited session file', async () => {
    await run(['export']);
    const rel = 'sessions/2026-11-10-sync.yaml';
    repo.write(rel, repo.read(rel).replace('The December webinar targets mid-market accounts', 'The January webinar targets enterprise accounts'));
    const r = await run(['export']);
    expect(r.stdout).toContain('The January webinar targets enterprise accounts');
    expect(r.stdout).not.toContain('The December webinar');
  });

  it('still refuses a session that became invalid, with its file:line:col', async () => {
    await run(['export']);
    const rel = 'sessions/2026-10-20-lead-definition.yaml';
    const before = repo.read(rel);
    const invalid = before.replace(/^date: "2026-10-20"$/m, 'date: "2026-10-32"');
    expect(invalid).not.toBe(before);
    repo.write(rel, invalid);
    const r = await run(['status']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/sessions\/2026-10-20-lead-definition\.yaml:\d+:\d+/);
    repo.write(rel, before);
  });

  it('re-checks cross-file references: a team removed from align.yaml fails a cached session', async () => {
    await run(['export']);
    const config = repo.read('align.yaml');
    repo.write('align.yaml', config.replace(/\n {2}marketing:[\s\S]*$/, '\n'));
    const r = await run(['export']);
    expect(r.exitCode, r.stdout).toBe(2);
    expect(r.stderr).toContain('unknown team "marketing"');
    repo.write('align.yaml', config);
  });

  it('ignores a damaged cache, and one written by a different align version', async () => {
    const good = (await run(['export'])).stdout;
    // A cache's first line names the align version that wrote it; its data follows.
    const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
    const [head, ...rest] = readFileSync(CACHE(), 'utf8').split('\n');
    expect(head).toBe(`align ${version}`);
    writeFileSync(CACHE(), 'align 0.0.0-other\n{"v":1,"sessions":{}}');
    expect((await run(['export'])).stdout).toBe(good);
    const cache = JSON.parse(rest.join('\n'));
    // Poison every record: a cache from another version must not be believed.
    for (const k of Object.keys(cache.sessions)) cache.sessions[k].decisions = ['poisoned'];
    writeFileSync(CACHE(), `align 0.0.0-other\n${JSON.stringify(cache)}`);
    expect((await run(['export'])).stdout).toBe(good);
    // The same poison under this version is believed (the files' hashes match): the warm path is really taken.
    writeFileSync(CACHE(), `align ${version}\n${JSON.stringify(cache)}`);
    expect((await run(['export'])).stdout).toContain('- poisoned');
    writeFileSync(CACHE(), `align ${version}\nnot json`);
    expect((await run(['export'])).stdout).toBe(good);
  });

  it('ignores a cache torn by a crash mid-write (what lets it be written without a flush to disk)', async () => {
    const good = (await run(['export'])).stdout;
    const whole = readFileSync(CACHE(), 'utf8');
    for (const cut of [Math.floor(whole.length / 2), whole.length - 1]) {
      writeFileSync(CACHE(), whole.slice(0, cut));
      expect((await run(['export'])).stdout).toBe(good);
      expect(readFileSync(CACHE(), 'utf8')).toBe(whole); // and put whole again
    }
  });
});
