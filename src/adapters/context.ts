import { readFileSync } from 'node:fs';
import { isRealDate } from '../core/calendar-date.js';

/** An output stream: the process's stdout or stderr, or a test's capture of them. */
export type Stream = NodeJS.WritableStream & { isTTY?: boolean; columns?: number };

/** What a command gets from the shell around it: where it runs, how to print, what time it is. */
export interface Context {
  cwd: string;
  debug: boolean;
  color: boolean; // for stdout
  colorErr: boolean; // for stderr
  stdout: Stream;
  stderr: Stream;
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

/**
 * ALIGN_NOW as docs/flags.md gives it: a date, YYYY-MM-DD, or an ISO timestamp such as
 * 2026-11-27T10:00:00Z. Date only checks the form: it reads 2026-02-30 as March 2nd, and
 * other text ("1", "May 5") as some date, so the form and the day are checked here.
 */
const ISO_NOW = /^(\d{4}-\d{2}-\d{2})(?:T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)?)?$/;

export function clockFrom(env: NodeJS.ProcessEnv): () => Date {
  const clock = fixedClock(env);
  const file = env.ALIGN_TEST_CLOCK_FILE;
  if (!file) return clock;
  // A file caught half rewritten reads as the last time it held.
  let last: Date | undefined;
  return () => {
    last = testClock(file) ?? last;
    return last ? new Date(last) : clock();
  };
}

/**
 * Test-only (docs/limits.md): ALIGN_TEST_CLOCK_FILE names a file holding an ISO timestamp, read
 * at every look at the clock, so a terminal test moves time forward by rewriting it, never sleeping.
 */
function testClock(file: string): Date | undefined {
  try {
    const d = new Date(readFileSync(file, 'utf8').trim());
    return Number.isNaN(d.getTime()) ? undefined : d;
  } catch {
    return undefined;
  }
}

function fixedClock(env: NodeJS.ProcessEnv): () => Date {
  const fixed = env.ALIGN_NOW;
  if (!fixed) return () => new Date();
  const day = ISO_NOW.exec(fixed)?.[1];
  if (day === undefined || !isRealDate(day)) throw new Error(`ALIGN_NOW is not a real date or ISO timestamp: ${fixed}`);
  const t = new Date(day === fixed ? `${fixed}T12:00:00Z` : fixed);
  return () => new Date(t);
}

/**
 * Today's date (YYYY-MM-DD) on the clock, in the time zone the environment names (TZ), else
 * the machine's: the same day whether align runs as its own process or in a test's.
 */
export function today(ctx: Pick<Context, 'now' | 'env'>): string {
  const d = ctx.now();
  // The process's own zone needs no Intl: its first use costs tens of milliseconds at start-up.
  if (ctx.env.TZ === process.env.TZ) return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: envZone(ctx), year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(d);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The time zone the environment names (TZ) when Intl knows it, else none (the machine's own). */
function envZone(ctx: Pick<Context, 'env'>): string | undefined {
  const tz = ctx.env.TZ?.replace(/^:/, '');
  if (!tz) return undefined;
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return tz;
  } catch {
    return undefined;
  }
}

/** The zone align runs in: TZ from the environment, else the machine's, else UTC. */
export function systemZone(ctx: Pick<Context, 'env'>): string {
  return envZone(ctx) ?? (Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
}
