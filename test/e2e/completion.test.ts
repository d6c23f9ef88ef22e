// align completion: each shell's script loaded in that shell, completing command lines; align help <command> <subcommand>.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/registry.js';
import { listTemplates } from '../../src/adapters/workspace/templates.js';
import { ROOT, tempRepo, type TempRepo } from '../helpers/workspace.js';

const has = (shell: string) => spawnSync(shell, ['-c', 'exit 0']).status === 0;
const TEMPLATE_IDS = listTemplates(null).map((e) => e.template.id);

let repo: TempRepo;
const scripts: Record<string, string> = {};
beforeAll(async () => {
  repo = await tempRepo({ git: false });
  for (const shell of ['bash', 'zsh', 'fish']) {
    const r = await repo.align(['completion', shell], { stripFinalNewline: false });
    expect(r.exitCode, r.stderr).toBe(0);
    scripts[shell] = join(repo.home, `align.${shell}`);
    writeFileSync(scripts[shell], r.stdout);
  }
  // Files for the cases that complete file names.
  repo.write('leads.csv', 'id\n');
});
afterAll(() => repo?.cleanup());

/** Runs a script in a shell, in the repo's folder; its output's lines. */
function shell(name: string, args: string[], script: string): string[] {
  const r = spawnSync(name, [...args, script], { cwd: repo.dir, encoding: 'utf8', env: { PATH: process.env.PATH, HOME: repo.home } });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout.split('\n').filter((l) => l !== '');
}

/** Each command line (the last word is the one being completed) with what completion must offer, in any order. */
const CASES: [string[], string[]][] = [
  [['align', 'ru'], ['rubric']],
  [['align', 'rubric', ''], ['score', 'diff', 'log', 'test', 'sql']],
  [['align', 'rubric', 'score', '--format', ''], ['text', 'csv', 'json', 'ndjson']],
  [['align', 'agenda', ''], TEMPLATE_IDS],
  [['align', 'agenda', 'kickoff', ''], []],
  [['align', 'help', 'rubric', ''], ['score', 'diff', 'log', 'test', 'sql']],
  [['align', '-C', 'ws', 'templates', ''], ['show']],
  [['align', 'templates', 'show', ''], TEMPLATE_IDS],
  [['align', 'export', '--template', ''], TEMPLATE_IDS],
  [['align', '--color', ''], ['auto', 'always', 'never']],
  [['align', 'completion', ''], ['bash', 'zsh', 'fish']],
  [['align', 'rubric', 'log', '--f'], ['--format']],
  [['align', 'rubric', 'score', 'le'], ['leads.csv']],
];

describe('align completion bash', () => {
  it('is a script bash reads without error (bash -n)', () => {
    shell('bash', ['-n'], scripts.bash!);
  });

  it('completes commands, subcommands, option values, template ids and files', () => {
    // One bash for every case: each prints its command line, a tab, and the candidates.
    const driver = join(repo.home, 'drive.bash');
    const calls = CASES.map(([words]) => `t ${words.map((w) => `'${w}'`).join(' ')}`);
    writeFileSync(driver, `source '${scripts.bash}'\nt() { COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); COMPREPLY=(); _align; printf '%s\\t%s\\n' "$*" "\${COMPREPLY[*]}"; }\n${calls.join('\n')}\n`);
    const lines = shell('bash', [], driver);
    expect(lines).toHaveLength(CASES.length);
    for (const [i, [words, want]] of CASES.entries()) {
      const [line, got = ''] = lines[i]!.split('\t');
      expect(line).toBe(words.join(' '));
      expect(got.split(' ').filter(Boolean).sort(), words.join(' ')).toEqual([...want].sort());
    }
  });

  it('knows every command the registry has, and every --format value each command takes', async () => {
    const text = (await repo.align(['completion', 'bash'])).stdout;
    for (const entry of COMMANDS) {
      const { command } = await entry.load();
      const [first, second] = command.path;
      expect(text).toContain(second === undefined ? `'|${first}'` : `'${first}|${second}'`);
      const format = (command.flags as Record<string, { flags: string; choices?: readonly string[] }>).format;
      if (format?.choices) expect(text).toContain(`'${command.path.join(' ')}|--format') _align_words='${format.choices.join(' ')}'`);
    }
  });
});

describe.skipIf(!has('zsh'))('align completion zsh', () => {
  it('is a script zsh reads without error (zsh -n)', () => {
    shell('zsh', ['-n'], scripts.zsh!);
  });

  it('offers the same words as bash when its completion functions are asked', () => {
    const driver = join(repo.home, 'drive.zsh');
    const calls = CASES.map(([words]) => `t ${words.map((w) => `'${w}'`).join(' ')}`);
    const stubs = readFileSync(join(ROOT, 'test', 'fixtures', 'completion', 'zsh-driver.zsh'), 'utf8');
    writeFileSync(driver, `${stubs}\nsource '${scripts.zsh}'\n${calls.join('\n')}\n`);
    const lines = shell('zsh', ['-f'], driver);
    expect(lines).toHaveLength(CASES.length);
    for (const [i, [words, want]] of CASES.entries()) {
      const got = lines[i]!.split('\t')[1] ?? '';
      expect(got.split(' ').filter(Boolean).sort(), words.join(' ')).toEqual([...want].sort());
    }
  });
});

describe.skipIf(!has('fish'))('align completion fish', () => {
  it('is a script fish reads without error (fish -n)', () => {
    shell('fish', ['-n'], scripts.fish!);
  });

  it('completes command lines in fish itself (complete -C)', () => {
    const driver = join(repo.home, 'drive.fish');
    const calls = CASES.map(([words]) => `echo (string join -- ' ' (complete -C ${`'${words.join(' ')}'`} | string replace -r '\\t.*' ''))`);
    writeFileSync(driver, `source '${scripts.fish}'\n${calls.join('\n')}\n`);
    const r = spawnSync('fish', ['--no-config', driver], { cwd: repo.dir, encoding: 'utf8', env: { PATH: process.env.PATH, HOME: repo.home } });
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n').slice(0, CASES.length);
    for (const [i, [words, want]] of CASES.entries()) {
      expect(lines[i]!.split(' ').filter(Boolean).sort(), words.join(' ')).toEqual([...want].sort());
    }
  });
});

describe('align completion, refused', () => {
  it('names the shells it knows, exit 2', async () => {
    const r = await repo.align(['completion', 'tcsh']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('expected one of bash, zsh, fish');
    expect(r.stdout).toBe('');
  });
});

describe('align help <command> <subcommand>', () => {
  it('shows the subcommand, as --help does', async () => {
    const help = await repo.align(['help', 'rubric', 'score']);
    const flag = await repo.align(['rubric', 'score', '--help']);
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toContain('Usage: align rubric score [options] <file>');
    expect(help.stdout).toBe(flag.stdout);
  });

  it('a group, and a command after a global option', async () => {
    expect((await repo.align(['help', 'rubric'])).stdout).toContain('Usage: align rubric [options] [command]');
    expect((await repo.align(['-C', '.', 'help', 'templates', 'show'])).stdout).toContain('Usage: align templates show [options] <id>');
  });
});
