import { Command, CommanderError, Option } from 'commander';
import { UserError } from '../core/errors.js';
import { clockFrom, decideColor, type ColorMode, type Context } from '../adapters/context.js';
import { reportError } from './report.js';
import { COMMANDS, type CommandSpec } from './registry.js';
import { packageInfo } from '../adapters/package/info.js';

interface GlobalOptions {
  cwd?: string;
  color: ColorMode;
  debug?: boolean;
}

/** The commander program: flags and help for every command; each command's code is imported only when it runs. */
export function buildProgram() {
  let exitCode = 0;
  let debug = process.argv.includes('--debug');
  const program = new Command('align')
    .description('Run sales–marketing alignment workshops and keep what the teams agree, versioned in git.')
    .version(packageInfo().version, '-V, --version', 'print the version')
    .option('-C, --cwd <dir>', 'run as if started in <dir>')
    .addOption(new Option('--color <when>', 'colour output').choices(['auto', 'always', 'never']).default('auto'))
    .option('--debug', 'show stack traces and internal details')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) })
    .exitOverride()
    .addHelpText('after', '\nExamples:\n  $ align init acme --org "Acme Corp" --yes\n  $ align validate\n  $ align -C acme validate --format json\n\nExit codes: 0 ok, 1 a check failed or a difference was found, 2 wrong usage or bad input.');

  for (const spec of COMMANDS) {
    const cmd = defineCommand(program, spec);
    cmd.action(async (...args: unknown[]) => {
      const command = args[args.length - 1] as Command;
      const globals = command.optsWithGlobals() as GlobalOptions & Record<string, unknown>;
      debug = Boolean(globals.debug);
      const ctx = makeContext(globals);
      const mod = await spec.load();
      exitCode = await mod.run(args.slice(0, -2) as string[], globals, ctx);
    });
  }

  return {
    async run(argv: string[]): Promise<number> {
      try {
        await program.parseAsync(argv, { from: 'user' });
        return exitCode;
      } catch (err) {
        if (err instanceof CommanderError) {
          if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
          return 2;
        }
        return reportError(err, { stderr: process.stderr, debug });
      }
    },
  };
}

function defineCommand(program: Command, spec: CommandSpec): Command {
  let parent = program;
  if (spec.group) {
    const existing = program.commands.find((c) => c.name() === spec.group);
    if (existing) parent = existing;
    else {
      parent = program.command(spec.group).description(spec.groupDescription ?? '');
      const examples = COMMANDS.filter((c) => c.group === spec.group).flatMap((c) => c.examples.slice(0, 1));
      parent.addHelpText('after', `\nExamples:\n${examples.map((e) => `  $ ${e}`).join('\n')}\n`);
    }
    parent.exitOverride();
  }
  const cmd = parent.command(spec.usage).description(spec.description);
  for (const o of spec.options ?? []) {
    const opt = new Option(o.flags, o.description);
    if (o.choices) opt.choices(o.choices);
    if (o.default !== undefined) opt.default(o.default);
    if (o.repeatable) opt.argParser((v: string, prev: string[] | undefined) => [...(prev ?? []), v]);
    cmd.addOption(opt);
  }
  cmd.addHelpText('after', `\nExamples:\n${spec.examples.map((e) => `  $ ${e}`).join('\n')}\n`);
  cmd.exitOverride();
  cmd.showHelpAfterError('(run with --help for usage)');
  return cmd;
}

function makeContext(globals: GlobalOptions): Context {
  const env = process.env;
  let now: () => Date;
  try {
    now = clockFrom(env);
  } catch (e) {
    throw new UserError((e as Error).message, 'set ALIGN_NOW to an ISO date such as 2026-11-27, or unset it');
  }
  return {
    cwd: globals.cwd ? resolveDir(globals.cwd) : process.cwd(),
    debug: Boolean(globals.debug),
    color: decideColor(globals.color, env, process.stdout.isTTY),
    colorErr: decideColor(globals.color, env, process.stderr.isTTY),
    stdout: process.stdout,
    stderr: process.stderr,
    stdinIsTTY: Boolean(process.stdin.isTTY),
    env,
    now,
  };
}

function resolveDir(dir: string): string {
  return new URL(dir, `file://${process.cwd()}/`).pathname;
}
