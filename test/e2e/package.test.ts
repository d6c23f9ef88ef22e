// The package as a user gets it: `npm pack` of this repository, installed globally into a
// prefix of its own with no network, and the README's walk-through run from PATH in a new
// folder. The process is the point here, so everything is spawned.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PINNED_ENV } from '../helpers/env.js';
import { ROOT } from '../helpers/workspace.js';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string; bin: Record<string, string>; dependencies?: Record<string, string> };

/** The shell lines of the README's walk-through: the first `sh` block under "Five minutes with align". */
function walkThrough(readme: string): string {
  const section = readme.split(/^## Five minutes with align$/m)[1]?.split(/^## /m)[0] ?? '';
  const block = /^```sh\n([\s\S]*?)^```$/m.exec(section)?.[1];
  if (!block) throw new Error('README.md has no ```sh block under "## Five minutes with align"');
  return block;
}

let tmp: string;
let prefix: string;
let packed: { files: { path: string }[]; size: number; unpackedSize: number };
/** A user's environment: the installed align and the tools it needs on PATH, a home of its own with a git identity in it. */
let userEnv: NodeJS.ProcessEnv;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'align-package-'));
  // The suite has just built dist/ (npm test builds before it runs the tests): pack that build
  // as it is. prepack would rebuild it, removing dist/ under the tests that run beside this one.
  const pack = await execa('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', tmp], { cwd: ROOT, env: { ...process.env, ...PINNED_ENV } });
  packed = (JSON.parse(pack.stdout) as (typeof packed & { filename: string })[])[0]!;
  prefix = join(tmp, 'prefix');
  // --offline: what the package needs at run time must come from the npm cache npm ci filled.
  await execa('npm', ['install', '--global', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', join(tmp, `${pkg.name}-${pkg.version}.tgz`)], { env: { ...process.env, ...PINNED_ENV } });
  const home = join(tmp, 'home');
  mkdirSync(home);
  const tools = [...new Set([dirname(process.execPath), ...(await execa('sh', ['-c', 'command -v git npm'])).stdout.split('\n').map((p) => dirname(p))])];
  userEnv = {
    ...PINNED_ENV,
    HOME: home,
    PATH: [join(prefix, 'bin'), ...tools].join(delimiter),
    // `npm root -g` (in the walk-through) answers for this prefix, as it would for the user's own.
    npm_config_prefix: prefix,
    npm_config_offline: 'true',
    npm_config_update_notifier: 'false',
    GIT_CONFIG_NOSYSTEM: '1',
  };
  await execa('git', ['config', '--global', 'user.name', 'Dana Kim'], { env: userEnv });
  await execa('git', ['config', '--global', 'user.email', 'dana@example.com'], { env: userEnv });
});
afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('the package', () => {
  it('holds the bundle, the templates, schemas and examples, the README and the LICENSE, and nothing else', () => {
    const files = packed.files.map((f) => f.path);
    const outside = files.filter((f) => !/^(bin\/align\.js|dist\/bundle\/[^/]+|dist\/room\/[^/]+|(templates|schemas|examples)\/.+|README\.md|LICENSE|package\.json)$/.test(f));
    expect(outside).toEqual([]);
    for (const needed of ['README.md', 'LICENSE', 'bin/align.js', 'dist/bundle/align.js', 'dist/bundle/help.txt', 'examples/lead-definition.answers.yaml', 'schemas/rubric.schema.json', 'templates/rubrics/bant.yaml']) {
      expect(files, needed).toContain(needed);
    }
    // The program once: the bundle (and the room's pages), not also the tsc output beside it.
    expect(files.filter((f) => f.startsWith('dist/') && !f.startsWith('dist/bundle/') && !f.startsWith('dist/room/'))).toEqual([]);
    expect(files).toContain('dist/room/board.js');
  });

  it('needs at run time only what it lists as dependencies: the bundle carries every other library', () => {
    const bundle = join(prefix, 'lib', 'node_modules', pkg.name, 'dist', 'bundle');
    const bare = new Set<string>();
    for (const f of readdirSync(bundle).filter((n) => n.endsWith('.js'))) {
      const text = readFileSync(join(bundle, f), 'utf8');
      for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|\bimport\s*)["']([^"'./][^"']*)["']/g)) bare.add(m[1]!);
    }
    const packageOf = (s: string) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]!);
    // What the pattern also catches in the minified text ("import" in a string) is no package name.
    const packageName = /^(@[a-z0-9~-][a-z0-9._~-]*\/)?[a-z0-9~-][a-z0-9._~-]*(\/[^\s"']*)?$/;
    const needed = [...bare].filter((s) => packageName.test(s) && !s.startsWith('node:') && !builtinModules.includes(s)).map(packageOf);
    expect([...new Set(needed)].sort()).toEqual(Object.keys(pkg.dependencies ?? {}).sort());
  });

  it('runs from PATH: --version, and the README walk-through in a new folder', async () => {
    const which = await execa('sh', ['-c', 'command -v align'], { env: userEnv });
    expect(which.stdout).toBe(join(prefix, 'bin', 'align'));
    expect((await execa('align', ['--version'], { env: userEnv })).stdout).toBe(pkg.version);

    const work = join(tmp, 'new-folder');
    mkdirSync(work);
    const script = walkThrough(readFileSync(join(ROOT, 'README.md'), 'utf8'));
    const r = await execa('bash', ['-e', '-o', 'pipefail', '-c', script], { cwd: work, env: userEnv, reject: false });
    expect(r.exitCode, `${r.stderr}\n${r.stdout}`).toBe(0);

    const acme = join(work, 'acme');
    expect(readdirSync(join(acme, 'sessions'))).toContain('2026-11-27-lead-definition.yaml');
    expect(readdirSync(join(acme, 'agendas')).some((f) => f.endsWith('.ics'))).toBe(true);
    expect(readFileSync(join(acme, 'summary.md'), 'utf8')).toMatch(/^# Acme Corp/);
    // The modeline names the schema align wrote beside the workspace, which names the published one.
    expect(readFileSync(join(acme, 'rubric.yaml'), 'utf8')).toMatch(/^# yaml-language-server: \$schema=\.\/\.align\/schemas\/rubric\.schema\.json$/m);
    expect(JSON.parse(readFileSync(join(acme, '.align', 'schemas', 'rubric.schema.json'), 'utf8')).$id).toBe(`https://unpkg.com/${pkg.name}@${pkg.version}/schemas/rubric.schema.json`);
    const log = await execa('git', ['log', '--format=%s'], { cwd: acme, env: userEnv });
    expect(log.stdout.split('\n')).toHaveLength(2);
    // What the rubric diff of the walk-through shows: the thresholds the workshop agreed.
    expect(r.stdout).toMatch(/stage mql: min\s.*30.*35/);
    expect(existsSync(join(ROOT, `${pkg.name}-${pkg.version}.tgz`))).toBe(false);
  });
});
