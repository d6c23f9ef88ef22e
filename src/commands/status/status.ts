import { terminalColumns } from '../../adapters/terminal/width.js';
import { today, type Context } from '../../adapters/context.js';
import { styles } from '../../adapters/terminal/style.js';
import { requireWorkspaceRoot } from '../../adapters/workspace/load.js';
import { buildStatus, type StatusReport } from '../../core/status/status.js';
import { readValidWorkspace } from '../../adapters/workspace/clean.js';
import { jsonDocument } from '../../core/output/json.js';
import { renderStatus } from '../../core/status/render-text.js';
import { DOCUMENTS } from '../../core/output/documents.js';
import { defineCommand } from '../../cli/define.js';
import { countFlag, formatFlag } from '../../cli/flags.js';

export const command = defineCommand({
  path: ['status'],
  description: 'what to look at when a sync starts: goals at risk, overdue and due-soon actions, days since the last session, rubric sign-off and golden leads; always exits 0 (a view, not a check)',
  flags: {
    days: countFlag('--days <n>', 'an open action is "due soon" when it is due within this many days', { min: 0, default: 7 }),
    format: formatFlag(['text', 'json']),
  },
  examples: ['align status', 'align status --days 14', 'align status --format json'],
  run: ({ opts, ctx }) => status(opts.days ?? 7, opts.format, ctx),
});

/** A view, not a check: exit 0 whatever it shows (bad input still exits 2). */
async function status(soonDays: number, format: 'text' | 'json', ctx: Context): Promise<number> {
  const ws = readValidWorkspace(requireWorkspaceRoot(ctx.cwd), 'status');
  const report = buildStatus({
    config: ws.config,
    goals: ws.goals?.goals ?? [],
    rubric: ws.rubric,
    sessions: ws.sessions,
    today: today(ctx),
    soonDays,
  });
  ctx.stdout.write(RENDERERS[format](report, ctx));
  return 0;
}

const RENDERERS: Record<'text' | 'json', (r: StatusReport, ctx: Context) => string> = {
  text: (r, ctx) => renderStatus(r, styles(ctx).out, terminalColumns(ctx.stdout)),
  json: (r) => jsonDocument(DOCUMENTS.status, r),
};
