// The layers hold: core is pure, adapters never reach up into commands, commands never import each other.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/registry.js';
import { ROOT } from '../helpers/workspace.js';

const SRC = join(ROOT, 'src');

interface Import {
  from: string; // the importing file, relative to src/
  spec: string; // as written
  target: string | null; // the imported file relative to src/, or null for a package
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Static imports and exports, `import type`, and dynamic `import('…')` with a literal name. */
function importsOf(file: string): Import[] {
  const text = readFileSync(file, 'utf8');
  const from = relative(SRC, file);
  const specs = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"`;]*?\bfrom\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
  return specs.map((spec) => ({ from, spec, target: spec.startsWith('.') ? relative(SRC, resolve(dirname(file), spec)).replace(/\.js$/, '.ts') : null }));
}

const ALL = files(SRC).flatMap(importsOf);
const layer = (path: string) => path.split('/')[0]!;

/** The packages the pure core may use: data in, data out. */
const CORE_PACKAGES = ['zod', 'yaml', 'mustache', 'cli-table3'];

describe('the layers', () => {
  it('finds the imports it checks (the scan itself works)', () => {
    expect(ALL.length).toBeGreaterThan(300);
    expect(ALL.some((i) => i.from === 'cli/registry.ts' && i.target === 'commands/rubric/score.ts')).toBe(true);
  });

  it('core imports only core and its data libraries: no fs, process, git, terminal or prompts', () => {
    const bad = ALL.filter((i) => layer(i.from) === 'core').filter((i) => (i.target === null ? !CORE_PACKAGES.includes(i.spec) : layer(i.target) !== 'core'));
    expect(bad.map((i) => `${i.from} → ${i.spec}`)).toEqual([]);
    const processUse = files(join(SRC, 'core')).filter((f) => /\bprocess\.(env|cwd|stdout|stderr|stdin|argv|exit)\b/.test(readFileSync(f, 'utf8')));
    expect(processUse.map((f) => relative(SRC, f))).toEqual([]);
  });

  it('adapters import core and adapters only: never commands or the CLI', () => {
    const bad = ALL.filter((i) => layer(i.from) === 'adapters' && i.target !== null && !['core', 'adapters'].includes(layer(i.target)));
    expect(bad.map((i) => `${i.from} → ${i.spec}`)).toEqual([]);
  });

  it('commands and the CLI touch no file, process or terminal themselves: side effects live in adapters', () => {
    const SIDE_EFFECTS = ['node:fs', 'node:fs/promises', 'node:child_process', 'execa', 'chalk', 'node-pty'];
    const bad = ALL.filter((i) => ['commands', 'cli'].includes(layer(i.from)) && SIDE_EFFECTS.includes(i.spec));
    expect(bad.map((i) => `${i.from} → ${i.spec}`)).toEqual([]);
  });

  it('a command imports no other command, and no other area of commands/', () => {
    // The registry's lazy imports name every command's module.
    const commandFiles = new Set(ALL.filter((i) => i.from === 'cli/registry.ts' && i.target?.startsWith('commands/')).map((i) => i.target!));
    expect(commandFiles.size).toBe(COMMANDS.length);
    const area = (p: string) => p.split('/')[1];
    const bad = ALL.filter(
      (i) => layer(i.from) === 'commands' && i.target !== null && layer(i.target) === 'commands' && (commandFiles.has(i.target) || area(i.target) !== area(i.from)),
    );
    expect(bad.map((i) => `${i.from} → ${i.spec}`)).toEqual([]);
  });

  it("the room's pages import only each other and the room's data shapes, as types", () => {
    const bad = ALL.filter((i) => layer(i.from) === 'room-ui').filter((i) => i.target === null || (layer(i.target) !== 'room-ui' && !i.target.startsWith('core/room/model')));
    expect(ALL.some((i) => i.from === 'room-ui/board.ts' && i.target === 'core/room/model.ts')).toBe(true);
    expect(bad.map((i) => `${i.from} → ${i.spec}`)).toEqual([]);
    const valueImports = files(join(SRC, 'room-ui')).filter((f) => /^import (?!type )[^;]*core\//m.test(readFileSync(f, 'utf8')));
    expect(valueImports.map((f) => relative(SRC, f))).toEqual([]);
  });

  it('only the entry ends the process', () => {
    const exits = files(SRC).filter((f) => /\bprocess\.exit\s*\(/.test(readFileSync(f, 'utf8')));
    expect(exits.map((f) => relative(SRC, f))).toEqual(['cli/main.ts']);
  });

  it('zod is imported as a namespace, so the bundle keeps only the parts align uses (not its 40 locales)', () => {
    const named = files(SRC).filter((f) => /^import\s+(?!type\b)\{[^}]*\}\s+from\s+'zod'/m.test(readFileSync(f, 'utf8')));
    expect(named.map((f) => relative(SRC, f))).toEqual([]);
    expect(files(SRC).some((f) => /^import \* as z from 'zod';$/m.test(readFileSync(f, 'utf8')))).toBe(true);
  });
});
