import type { Context } from '../../adapters/context.js';
import { today } from '../../adapters/context.js';
import { UserError } from '../../core/errors.js';
import { buildOutcome } from '../../core/workshop/outcome.js';
import { canPrompt } from '../../adapters/terminal/style.js';
import { requireWorkspaceRoot } from '../../adapters/workspace/load.js';
import { finish } from './finish.js';
import { answersError, loadValidWorkspace, readAnswersFile, workshopInput } from './load.js';

interface WorkshopOptions {
  answers?: string;
  resume?: boolean;
  leads?: string;
  commit: boolean;
  dryRun?: boolean;
  format: 'text' | 'json';
}

export async function run(args: string[], raw: Record<string, unknown>, ctx: Context): Promise<number> {
  const opts = raw as unknown as WorkshopOptions;
  const root = requireWorkspaceRoot(ctx.cwd);
  const finishOpts = { commit: opts.commit !== false, dryRun: Boolean(opts.dryRun), json: opts.format === 'json' };
  if (opts.answers) {
    if (opts.resume) throw new UserError('--answers and --resume do not go together', 'an answers file holds the whole session; drop --resume');
    const ws = loadValidWorkspace(root);
    const file = readAnswersFile(ctx.cwd, opts.answers, args[0], root);
    const facts = { date: file.answers.date ?? today(ctx), ...(file.answers.facilitator ? { facilitator: file.answers.facilitator } : {}), today: today(ctx) };
    const input = workshopInput(ws, file.template.template.id, facts, file.template);
    const built = buildOutcome(input, file.answers);
    if (!built.ok) throw answersError(file, built.problems);
    return finish(ws, input, built.outcome, finishOpts, ctx);
  }
  if (!canPrompt(ctx)) {
    throw new UserError('align workshop asks its questions on a terminal, and there is none here', 'pass --answers FILE.yaml to give every answer from a file (see "Running a workshop" in the README)');
  }
  const { interactive } = await import('./interactive.js');
  return interactive(root, args[0], { ...finishOpts, resume: Boolean(opts.resume), ...(opts.leads ? { leads: opts.leads } : {}) }, ctx);
}
