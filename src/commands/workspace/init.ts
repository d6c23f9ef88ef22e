import { basename, join, resolve } from 'node:path';
import type { Context } from '../../adapters/context.js';
import { UserError } from '../../core/errors.js';
import { defineCommand, type OptionsOf } from '../../cli/define.js';
import { choiceFlag, crmFlag, negatableFlag, switchFlag, textFlag } from '../../cli/flags.js';
import { initialConfig, splitMembers, type InitAnswers } from '../../core/init/files.js';
import { commitPaths, initRepo } from '../../adapters/git/repo.js';
import { shellQuote } from '../../core/text/shell-quote.js';
import { repoRoot } from '../../adapters/git/run.js';
import { canPrompt, println } from '../../adapters/terminal/style.js';
import { crmStarterRubric, makeWorkspaceFolder, starterRubric, workspaceFilesIn, writeNewWorkspace } from '../../adapters/workspace/create.js';
import { lockWorkspace, recoverInterrupted, type LockedWorkspace } from '../../adapters/workspace/writing.js';
import { oneLine } from '../../core/export/escape.js';
import { terminalSafe } from '../../core/text/terminal.js';

const STARTERS = ['blank', 'bant', 'champ', 'meddic', 'gpctba', 'anum'] as const;

const flags = {
  rubric: choiceFlag('--rubric <starter>', 'starter lead rubric', STARTERS, 'bant'),
  crm: crmFlag("start with the CRM's starter rubric, each field mapped to the export's headers (instead of --rubric)"),
  org: textFlag('--org <name>', 'organization name'),
  sales: textFlag('--sales <members>', 'sales team members, comma-separated'),
  marketing: textFlag('--marketing <members>', 'marketing team members, comma-separated'),
  yes: switchFlag('-y, --yes', 'ask nothing: use the flags given and defaults for the rest'),
  commit: negatableFlag('--no-commit', 'write the files but do not commit them'),
};

type InitOptions = OptionsOf<typeof flags>;

export const command = defineCommand({
  path: ['init'],
  args: '[dir]',
  description: 'create a workspace: align.yaml, goals.yaml, rubric.yaml, sessions/ (and a git repository if there is none)',
  flags,
  examples: [
    'align init',
    'align init acme --org "Acme Corp" --sales "Dana Kim,Lee Park" --marketing "Sam Ortiz,Ana Ruiz" --yes',
    'align init --rubric meddic --no-commit',
    'align init --crm hubspot --yes',
  ],
  run: ({ args, opts, ctx }) => init(args[0], opts, ctx),
});

async function init(dirArg: string | undefined, opts: InitOptions, ctx: Context): Promise<number> {
  const dir = resolve(ctx.cwd, dirArg ?? '.');
  // An init that was interrupted is finished or undone first: what it left decides whether the folder is taken.
  recoverInterrupted(dir, 'init', ctx);
  const taken = workspaceFilesIn(dir);
  if (taken.length) {
    throw new UserError(`${dir} already holds a workspace (${taken.join(', ')}); align init changes nothing there`, 'run `align validate` to check it, or pick another folder');
  }
  const rubricText = opts.crm ? crmStarterRubric(opts.crm) : starterRubric(opts.rubric);
  const starter = opts.crm ?? opts.rubric;
  const answers = await gatherAnswers(opts, dir, ctx);
  const repo = { dir, env: ctx.env };
  const unmake = makeWorkspaceFolder(dir);
  let ws: LockedWorkspace;
  let written: string[];
  try {
    ws = lockWorkspace(dir, 'init', ctx);
    try {
      written = writeNewWorkspace(ws, dir, initialConfig(answers), rubricText);
    } catch (e) {
      ws.release();
      throw e;
    }
  } catch (e) {
    unmake(); // nothing was written: the folder made for it goes too
    throw e;
  }
  try {
    if ((await repoRoot(repo)) === null) {
      await initRepo(repo);
      println(ctx.stderr, `initialised a git repository in ${terminalSafe(dir)}`);
    }
    for (const f of written) println(ctx.stdout, terminalSafe(join(dir, f)));

    if (!opts.commit) {
      println(ctx.stderr, 'files written, not committed (--no-commit)');
      return 0;
    }
    const result = await commitPaths(repo, written, `align: start the ${answers.organization} workspace`);
    if (!result.ok) {
      println(ctx.stderr, `align: the files are written but were not committed: ${terminalSafe(result.reason)}`);
      println(ctx.stderr, `then commit them with:\n  ${terminalSafe(`cd ${shellQuote(dir)} && ${result.retry}`)}`);
      return 1;
    }
    println(ctx.stderr, `committed ${written.length} files (${result.commit.slice(0, 7)}) with the ${starter} starter rubric`);
    return 0;
  } finally {
    ws.release();
  }
}

async function gatherAnswers(opts: InitOptions, dir: string, ctx: Context): Promise<InitAnswers> {
  // A folder's name may hold anything a file name can; the organization's name gets no control character from it.
  const fallbackOrg = titleCase(oneLine(basename(dir))) || 'My Company';
  const given = { organization: opts.org?.trim(), sales: opts.sales, marketing: opts.marketing };
  if (!opts.yes && canPrompt(ctx) && (!given.organization || given.sales === undefined || given.marketing === undefined)) {
    const { default: input } = await import('@inquirer/input');
    const ask = { output: ctx.stderr } as const;
    const organization = given.organization ?? (await input({ message: 'Organization name', default: fallbackOrg, required: true }, ask)).trim();
    const sales = given.sales ?? (await input({ message: 'Sales team members (comma-separated)' }, ask));
    const marketing = given.marketing ?? (await input({ message: 'Marketing team members (comma-separated)' }, ask));
    return { organization, sales: splitMembers(sales), marketing: splitMembers(marketing) };
  }
  const defaulted: string[] = [];
  if (!given.organization) defaulted.push(`organization "${fallbackOrg}" (--org)`);
  if (given.sales === undefined) defaulted.push('no sales members (--sales)');
  if (given.marketing === undefined) defaulted.push('no marketing members (--marketing)');
  if (defaulted.length) {
    const why = opts.yes ? '--yes given' : 'no terminal to ask on';
    println(ctx.stderr, `${why}, so using defaults: ${terminalSafe(defaulted.join(', '))}; edit align.yaml to change them`);
  }
  return { organization: given.organization || fallbackOrg, sales: splitMembers(given.sales), marketing: splitMembers(given.marketing) };
}

function titleCase(s: string): string {
  return s
    .split(/[-_\s]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join(' ');
}
