import { resolve } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { clockFrom, decideColor, type ColorMode, type Context, type Stream } from '../adapters/context.js';
import { packageInfo } from '../adapters/package/info.js';
import { UserError } from '../core/errors.js';
import { terminalSafe } from '../core/text/terminal.js';
import type { CommandSpec } from './define.js';
import { GLOBAL_FLAGS } from './globals.js';
import { commandsFor, GROUPS, helpAsFlag } from './registry.js';
import { reportError } from './report.js';

/** What align is given by whoever runs it: the process, or a test running it in-process. */
export interface Shell {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: Stream;
  stderr: Stream;
  stdinIsTTY: boolean;
  /** The clock; without it, ALIGN_NOW from env, else the real one. */
  now?: () => Date;
}

function processShell(): Shell {
  return { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr, stdinIsTTY: Boolean(process.stdin.isTTY) };
}

interface GlobalOptions {
  cwd?: string;
  color: ColorMode;
  debug?: boolean;
}

const EXIT_CODES = 'Exit codes: 0 ok, 1 a check failed or a difference was found, 2 wrong usage or bad input, 74 stdout or stderr could not be written, 130 interrupted.';

/**
 * The commander program for one command line. Only the commands the line can call are
 * imported (registry.ts); flags are parsed into each command's typed options before it runs.
 */
export function buildProgram(shell: Shell = processShell()) {
  return {
    async run(given: string[]): Promise<number> {
      const argv = helpAsFlag(given);
      let debug = argv.includes('--debug');
      let exitCode = 0;
      try {
        const specs = await Promise.all(commandsFor(argv).map(async (e) => (await e.load()).command));
        const program = rootCommand(shell);
        for (const spec of specs) {
          const cmd = addCommand(program, spec, shell);
          cmd.action(async (...given: unknown[]) => {
            const command = given[given.length - 1] as Command;
            const globals = command.optsWithGlobals() as GlobalOptions;
            debug = Boolean(globals.debug);
            const ctx = makeContext(shell, globals);
            const args = given.slice(0, -2).filter((a): a is string => typeof a === 'string');
            exitCode = await spec.run({ args, opts: parseFlags(spec, command, ctx), ctx });
          });
        }
        addGroupExamples(program, specs);
        await program.parseAsync(argv, { from: 'user' });
        return exitCode;
      } catch (err) {
        if (err instanceof CommanderError) {
          return err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help' ? 0 : 2;
        }
        return reportError(err, { stderr: shell.stderr, debug, argv });
      }
    },
  };
}

function rootCommand(shell: Shell): Command {
  return new Command('align')
    .description('Run sales–marketing alignment workshops and keep what the teams agree, versioned in git.')
    .version(packageInfo().version, '-V, --version', 'print the version')
    .option(GLOBAL_FLAGS.cwd.flags, GLOBAL_FLAGS.cwd.description)
    .addOption(new Option(GLOBAL_FLAGS.color.flags, GLOBAL_FLAGS.color.description).choices(GLOBAL_FLAGS.color.choices).default('auto'))
    .option(GLOBAL_FLAGS.debug.flags, GLOBAL_FLAGS.debug.description)
    // Answered before commander parses (registry.ts helpAsFlag): the words after help name a command or subcommand.
    .helpCommand('help [command] [subcommand]', 'display help for a command: align help rubric score')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeErr: (s) => writeErr(shell, s), writeOut: (s) => shell.stdout.write(s) })
    .exitOverride()
    .addHelpText('after', `\nExamples:\n  $ align init acme --org "Acme Corp" --yes\n  $ align validate\n  $ align -C acme validate --format json\n\n${EXIT_CODES}`);
}

/** Commander's own errors quote what was typed (`unknown option '…'`): made safe for a terminal like align's. */
function writeErr(shell: Shell, text: string): void {
  shell.stderr.write(terminalSafe(text, 'lines'));
}

function addCommand(program: Command, spec: CommandSpec, shell: Shell): Command {
  let parent = program;
  if (spec.path.length === 2) {
    const group = spec.path[0];
    parent = program.commands.find((c) => c.name() === group) ?? program.command(group).description(GROUPS[group] ?? '');
    parent.exitOverride().configureOutput({ writeErr: (s) => writeErr(shell, s), writeOut: (s) => shell.stdout.write(s) });
  }
  const name = spec.path[spec.path.length - 1]!;
  const cmd = parent.command(spec.args ? `${name} ${spec.args}` : name).description(spec.description);
  for (const flag of Object.values(spec.flags)) {
    const opt = new Option(flag.flags, flag.description);
    if (flag.repeatable) opt.argParser((v: string, prev: string[] | undefined) => [...(prev ?? []), v]);
    cmd.addOption(opt);
  }
  cmd.addHelpText('after', `\nExamples:\n${spec.examples.map((e) => `  $ ${e}`).join('\n')}\n`);
  cmd.exitOverride();
  cmd.showHelpAfterError('(run with --help for usage)');
  return cmd;
}

/** A group's help (`align rubric --help`) shows the first example of each of its commands. */
function addGroupExamples(program: Command, specs: CommandSpec[]): void {
  for (const group of Object.keys(GROUPS)) {
    const parent = program.commands.find((c) => c.name() === group);
    const examples = specs.filter((s) => s.path.length === 2 && s.path[0] === group).map((s) => s.examples[0]);
    if (parent && examples.length) parent.addHelpText('after', `\nExamples:\n${examples.map((e) => `  $ ${e}`).join('\n')}\n`);
  }
}

/** Each flag's value as commander read it, through the flag's own parser. */
function parseFlags(spec: CommandSpec, command: Command, ctx: Context): Record<string, unknown> {
  const raw = command.opts();
  const out: Record<string, unknown> = {};
  for (const [key, flag] of Object.entries(spec.flags)) {
    const attribute = new Option(flag.flags).attributeName();
    out[key] = flag.parse(raw[attribute], ctx);
  }
  return out;
}

function makeContext(shell: Shell, globals: GlobalOptions): Context {
  const env = shell.env;
  let now = shell.now;
  if (!now) {
    try {
      now = clockFrom(env);
    } catch (e) {
      throw new UserError((e as Error).message, 'set ALIGN_NOW to an ISO date such as 2026-11-27, or unset it');
    }
  }
  if (globals.cwd !== undefined && globals.cwd.trim() === '') throw new UserError('-C needs a folder, not an empty text', 'for example -C path/to/workspace');
  return {
    // A path as typed, spaces and all: resolved against the folder align started in.
    cwd: globals.cwd === undefined ? shell.cwd : resolve(shell.cwd, globals.cwd),
    debug: Boolean(globals.debug),
    color: decideColor(globals.color, env, shell.stdout.isTTY),
    colorErr: decideColor(globals.color, env, shell.stderr.isTTY),
    stdout: shell.stdout,
    stderr: shell.stderr,
    stdinIsTTY: shell.stdinIsTTY,
    env,
    now,
  };
}
