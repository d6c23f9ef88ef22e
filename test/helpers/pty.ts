import * as pty from 'node-pty';
import { ALIGN } from './workspace.js';

const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07]*\x07|\x1b[()][0-9A-Za-z]|\x1b[=>78]/g;

export const KEY = { enter: '\r', up: '\x1b[A', down: '\x1b[B', space: ' ', ctrlC: '\x03', backspace: '\x7f' } as const;

export interface PtySession {
  /** Waits until the text appears in the output after the last match; throws with a screen dump on timeout. */
  waitFor(text: string | RegExp, timeoutMs?: number): Promise<string>;
  /** Types the keys (a string, or several key codes). */
  type(...keys: string[]): void;
  /** Waits for the prompt, then types the answer and Enter. */
  answer(prompt: string | RegExp, text: string): Promise<void>;
  /** Everything printed, colours removed. */
  output(): string;
  exited: Promise<number>;
}

/** Runs `align ARGS` in a real pseudo-terminal (80 columns), as a facilitator's laptop would. */
export function spawnAlign(args: string[], opts: { cwd: string; env: Record<string, string | undefined> }): PtySession {
  const env = Object.fromEntries(Object.entries({ ...process.env, ...opts.env, CI: undefined, TERM: 'xterm-256color' }).filter(([, v]) => v !== undefined)) as Record<string, string>;
  const p = pty.spawn(process.execPath, [ALIGN, ...args], { name: 'xterm-256color', cols: 80, rows: 40, cwd: opts.cwd, env });
  let raw = '';
  let from = 0;
  p.onData((d) => {
    raw += d;
  });
  const exited = new Promise<number>((resolve) => p.onExit(({ exitCode }) => resolve(exitCode)));
  const clean = () => raw.replace(ANSI, '').replace(/\r/g, '');
  const session: PtySession = {
    output: clean,
    async waitFor(text, timeoutMs = 30_000) {
      const start = Date.now();
      for (;;) {
        const out = clean();
        const rest = out.slice(from);
        const m = typeof text === 'string' ? (rest.includes(text) ? { index: rest.indexOf(text), len: text.length } : null) : (() => {
          const r = text.exec(rest);
          return r ? { index: r.index, len: r[0].length } : null;
        })();
        if (m) {
          from += m.index + m.len;
          return rest.slice(m.index, m.index + m.len);
        }
        if (Date.now() - start > timeoutMs) {
          throw new Error(`timed out after ${timeoutMs} ms waiting for ${String(text)}\n--- screen (last 3000 characters) ---\n${out.slice(-3000)}\n--- end of screen ---`);
        }
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    type(...keys) {
      for (const k of keys) p.write(k);
    },
    async answer(prompt, text) {
      await session.waitFor(prompt);
      await settle();
      p.write(text);
      await settle();
      p.write(KEY.enter);
    },
    exited,
  };
  return session;
}

/** Inquirer renders asynchronously; a short pause lets it attach to the keypresses. */
export const settle = () => new Promise((r) => setTimeout(r, 60));
