import type { Context } from '../../adapters/context.js';
import { today } from '../../adapters/context.js';
import { UserError } from '../../core/errors.js';
import { defineCommand, type OptionsOf } from '../../cli/define.js';
import { countFlag, formatFlag, maxLineBytesFlag, nameFlag, negatableFlag, switchFlag } from '../../cli/flags.js';
import { buildOutcome } from '../../core/workshop/outcome.js';
import { canPrompt } from '../../adapters/terminal/style.js';
import { requireWorkspaceRoot } from '../../adapters/workspace/load.js';
import { recoverInterrupted } from '../../adapters/workspace/writing.js';
import { finish } from './finish.js';
import { answersError, loadValidWorkspace, readAnswersFile, workshopInput } from './load.js';
import { baseAtRevision, workspaceAt } from '../../adapters/workspace/merge.js';
import { rubricWarnings } from '../../core/workshop/rubric-check.js';
import { println } from '../../adapters/terminal/style.js';
import { terminalSafe } from '../../core/text/terminal.js';
import { answersExamplesHint } from '../../adapters/package/info.js';

const flags = {
  answers: nameFlag('--answers <file>', 'take every answer from a YAML file (keyed by section id) instead of asking; needs no terminal', 'kickoff.answers.yaml'),
  resume: switchFlag('--resume', 'continue a workshop that was interrupted, where it stopped'),
  leads: nameFlag('--leads <file>', 'a CSV of leads: suggests its columns as criteria fields and counts leads per stage live (the first 100,000); remembered for --resume', 'leads.csv'),
  maxLineBytes: maxLineBytesFlag(),
  commit: negatableFlag('--no-commit', 'write the files but do not commit them'),
  dryRun: switchFlag('--dry-run', 'write nothing; print the files the workshop would write'),
  format: formatFlag(['text', 'json']),
  room: switchFlag('--room', 'also serve a live room on this machine: a board for the projector and a page where participants add notes and vote'),
  host: nameFlag('--host <addr>', 'with --room: the address the room listens on (default 127.0.0.1, this machine only; 0.0.0.0 opens it to the network)', '0.0.0.0'),
  port: countFlag('--port <n>', 'with --room: the port the room listens on (default: a free one)', { min: 1, max: 65535 }),
};

export const command = defineCommand({
  path: ['workshop'],
  args: '[template]',
  completes: 'templates',
  description: 'run a facilitated session section by section, write what the room agreed to the workspace files, and commit them',
  flags,
  examples: [
    'align workshop kickoff',
    'align workshop lead-definition --leads leads.csv',
    'align workshop --resume',
    'align workshop kickoff --answers examples/kickoff.answers.yaml',
    'align workshop sync --answers sync.yaml --dry-run',
    'align workshop kickoff --room',
    'align workshop kickoff --room --host 0.0.0.0 --port 8080',
  ],
  run: ({ args, opts, ctx }) => workshop(args[0], opts, ctx),
});

async function workshop(templateArg: string | undefined, opts: OptionsOf<typeof flags>, ctx: Context): Promise<number> {
  const root = requireWorkspaceRoot(ctx.cwd);
  // A write an earlier run left interrupted is finished or undone before this one reads the files.
  if (!opts.dryRun) recoverInterrupted(root, 'workshop', ctx);
  const finishOpts = { commit: opts.commit, dryRun: opts.dryRun, format: opts.format };
  if (!opts.room && (opts.host !== undefined || opts.port !== undefined)) throw new UserError(`${opts.host !== undefined ? '--host' : '--port'} is for the room, and there is none without --room`, 'add --room, or drop it');
  if (opts.answers) {
    if (opts.room) throw new UserError('--answers and --room do not go together', 'the room is live during a session run on a terminal; drop --answers to run it there, or --room to take the answers from the file');
    if (opts.resume) throw new UserError('--answers and --resume do not go together', 'an answers file holds the whole session; drop --resume');
    const ws = loadValidWorkspace(root);
    const file = readAnswersFile(ctx.cwd, opts.answers, templateArg, root);
    const facts = { date: file.answers.date ?? today(ctx), ...(file.answers.facilitator ? { facilitator: file.answers.facilitator } : {}), today: today(ctx) };
    // With `base:`, the answers apply to the files as they were at that revision, and are merged onto them as they are.
    const view = file.base ? workspaceAt(ws, await baseAtRevision(root, file.base, ctx), `${opts.answers} (base: ${file.base})`) : ws;
    const input = workshopInput(view, file.template.template.id, facts, file.template);
    const built = buildOutcome(input, file.answers);
    if (!built.ok) throw answersError(file, built.problems);
    // Written as agreed, with a warning: the exit code stays 0 (`align rubric test` is the check that fails on them).
    if (built.outcome.rubricCheck) for (const line of rubricWarnings(built.outcome.rubricCheck)) println(ctx.stderr, terminalSafe(line));
    return finish(view, input, built.outcome, finishOpts, ctx);
  }
  if (!canPrompt(ctx)) {
    throw new UserError('align workshop asks its questions on a terminal, and there is none here', `pass --answers FILE.yaml to give every answer from a file: ${answersExamplesHint()}`);
  }
  const { interactive } = await import('./interactive.js');
  return interactive(root, templateArg, { ...finishOpts, resume: opts.resume, maxLineBytes: opts.maxLineBytes, ...(opts.leads ? { leads: opts.leads } : {}), ...(opts.room ? { room: { ...(opts.host !== undefined ? { host: opts.host } : {}), ...(opts.port !== undefined ? { port: opts.port } : {}) } } : {}) }, ctx);
}
