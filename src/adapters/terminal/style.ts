import { Chalk, type ChalkInstance } from 'chalk';
import type { Context } from '../context.js';

/** Styles for stdout and stderr, each coloured only when that stream should be. */
export function styles(ctx: Context): { out: ChalkInstance; err: ChalkInstance } {
  return { out: new Chalk({ level: ctx.color ? 1 : 0 }), err: new Chalk({ level: ctx.colorErr ? 1 : 0 }) };
}

export function println(stream: NodeJS.WritableStream, text = ''): void {
  stream.write(`${text}\n`);
}

/** Prompts need a person at a terminal on both ends. */
export function canPrompt(ctx: Context): boolean {
  return ctx.stdinIsTTY && Boolean(ctx.stderr.isTTY) && ctx.env.CI !== 'true';
}
