import { terminalColumns } from '../../adapters/terminal/width.js';
import type { Context } from '../../adapters/context.js';
import { requireWorkspaceRoot } from '../../adapters/workspace/root.js';
import { rubricHistory } from '../../adapters/workspace/rubric-history.js';
import { renderLogJson, renderLogText } from '../../core/rubric/history/render.js';
import type { LogEntry } from '../../core/rubric/history/log.js';
import { missingHistoryWarning } from '../../core/rubric/history/shallow.js';
import { defineCommand } from '../../cli/define.js';
import { countFlag, formatFlag } from '../../cli/flags.js';

// This command imports no YAML parser, schema library or chalk until it needs them: a log the
// cache already answers should print about as fast as node starts.

/** Histories longer than this show progress on a terminal. */
const LONG_HISTORY = 200;

export const command = defineCommand({
  path: ['rubric', 'log'],
  description: 'every version of rubric.yaml in git history, what each changed and who signed it off',
  flags: {
    limit: countFlag('-n, --limit <n>', 'show only the newest N versions', { min: 1 }),
    format: formatFlag(['text', 'json']),
  },
  examples: ['align rubric log', 'align rubric log --limit 5', 'align rubric log --format json'],
  run: ({ opts, ctx }) => log(opts.limit, opts.format, ctx),
});

async function log(limit: number | undefined, format: 'text' | 'json', ctx: Context): Promise<number> {
  const root = requireWorkspaceRoot(ctx.cwd);
  let shownProgress = false;
  const entries = await rubricHistory({ dir: root, env: ctx.env }, {
    ...(limit !== undefined ? { limit } : {}),
    onProgress(done, total) {
      if (!ctx.stderr.isTTY || total <= LONG_HISTORY) return;
      ctx.stderr.write(`\rreading rubric versions: ${done}/${total}`);
      shownProgress = true;
    },
  });
  if (shownProgress) ctx.stderr.write('\r\x1b[K');
  const missing = missingHistoryWarning(entries, 'rubric.yaml');
  if (missing) ctx.stderr.write(`${missing}\n`);
  const shown = entries.reverse();
  ctx.stdout.write(await RENDERERS[format](shown, ctx));
  return 0;
}

const RENDERERS: Record<'text' | 'json', (shown: LogEntry[], ctx: Context) => string | Promise<string>> = {
  json: (shown) => renderLogJson(shown, 'rubric.yaml'),
  async text(shown, ctx) {
    if (!ctx.color) return renderLogText(shown, undefined, terminalColumns(ctx.stdout));
    const { styles } = await import('../../adapters/terminal/style.js');
    const { out } = styles(ctx);
    return renderLogText(shown, { commit: out.yellow, bad: out.red, dim: out.dim }, terminalColumns(ctx.stdout));
  },
};
