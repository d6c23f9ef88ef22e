/** What a command gets from the shell around it: where it runs, how to print, what time it is. */
export interface Context {
  cwd: string;
  debug: boolean;
  color: boolean; // for stdout
  colorErr: boolean; // for stderr
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stdinIsTTY: boolean;
  env: NodeJS.ProcessEnv;
  /** The clock; ALIGN_NOW fixes it for tests and reproducible output. */
  now: () => Date;
}

export type ColorMode = 'auto' | 'always' | 'never';

/** --color wins; then NO_COLOR, then FORCE_COLOR; otherwise colour only on a terminal. */
export function decideColor(mode: ColorMode, env: NodeJS.ProcessEnv, isTTY: boolean | undefined): boolean {
  if (mode === 'always') return true;
  if (mode === 'never') return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return Boolean(isTTY) && env.TERM !== 'dumb';
}

export function clockFrom(env: NodeJS.ProcessEnv): () => Date {
  const fixed = env.ALIGN_NOW;
  if (!fixed) return () => new Date();
  const t = new Date(/^\d{4}-\d{2}-\d{2}$/.test(fixed) ? `${fixed}T12:00:00Z` : fixed);
  if (Number.isNaN(t.getTime())) throw new Error(`ALIGN_NOW is not a date: ${fixed}`);
  return () => new Date(t);
}

/** Today's date (YYYY-MM-DD) in the local time zone of the clock. */
export function today(ctx: Pick<Context, 'now'>): string {
  const d = ctx.now();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
