import * as pty from 'node-pty';
import { PINNED_ENV } from './env.js';
import { ALIGN } from './workspace.js';

/*
 * Every step of a terminal test waits for something on the screen; none sleeps.
 *
 * How the prompts (@inquirer/select, input, checkbox, ...) draw, which the waits below rely on:
 * - Each render erases the prompt and writes it whole again. With the escape codes removed the
 *   output is every render one after the other: `? Points 2? Points 20✔ Points 20`.
 * - A prompt takes keys from its first render on (the render and its keypress handler come in
 *   one synchronous step); keys that arrive before are thrown away. So a key is typed only once
 *   the prompt's text is on screen.
 * - A prompt answered is drawn one last time with `✔` in front, and stays. Waiting for that line
 *   puts the search cursor past every render of the prompt, so the next wait cannot match a stale
 *   one (two prompts in a row can have the same text).
 * - Lines longer than the terminal's columns (80 unless the test asks for others) are cut into
 *   several (and a space where one is cut is dropped): a text given to the helpers may be found
 *   across those cuts.
 */

const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07]*\x07|\x1b[()][0-9A-Za-z]|\x1b[=>78]/g;
/** The start of an escape sequence, not finished yet: a chunk of output can end inside one. */
const UNFINISHED_ESCAPE = /\x1b(?:\[[0-9;?]*[ -/]*|\][^\x07]*|[()])?$/;

export const KEY = { enter: '\r', up: '\x1b[A', down: '\x1b[B', space: ' ', ctrlC: '\x03', backspace: '\x7f' } as const;

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A pattern for the text as the terminal may show it: cut into lines at its last column. */
function onScreen(text: string): string {
  return [...text].map((c) => (c === ' ' ? '(?: |(?=\\n))' : escapeRegex(c))).join('\\n?');
}

/** The line a prompt shows for these keys (letters, and backspaces that delete the one before). */
function echoOf(keys: string): string {
  let line = '';
  for (const c of keys) {
    if (c === KEY.backspace) line = line.slice(0, -1);
    else if (c < ' ') throw new Error(`answer() types text; send the key ${JSON.stringify(c)} with type()`);
    else line += c;
  }
  return line;
}

/** A prompt waiting for an answer: `? <message>`, the message holding this text (not, say, a section's notes that quote it). */
const asking = (prompt: string) => new RegExp(`\\? [^\\n]*?${onScreen(prompt)}`);

/** The prompt's last render, once answered: `✔ <message> <answer>`, up to the end of its line. */
const doneLine = (prompt: string) => new RegExp(`✔[^✔]*?${onScreen(prompt)}[^\\n]*`);

export interface PtySession {
  /**
   * Waits until the text appears in the output after the last match, and moves past it; returns
   * what matched. A string is also found across the terminal's line cuts. Fails, with the screen,
   * when align exits first or after timeoutMs.
   */
  waitFor(text: string | RegExp, timeoutMs?: number): Promise<string>;
  /** Types the keys (a string, or several key codes), at once. */
  type(...keys: string[]): void;
  // The helpers below take `prompt`, a part of the prompt's message, and wait for a prompt line (`? …`) holding it.
  /**
   * An input, confirm or checkbox prompt: waits for it, types the text, waits until the prompt
   * shows it, presses Enter, and waits until the prompt is answered (its ✔ line). Start the text
   * with backspaces to clear a default. With `rejectedWith`, waits for that error instead: the
   * prompt stays open, and `correct` answers it.
   */
  answer(prompt: string, text: string, opts?: { rejectedWith?: string | RegExp }): Promise<void>;
  /** Answers the prompt on screen that rejected an answer: as answer(), without waiting for the prompt first. */
  correct(prompt: string, text: string): Promise<void>;
  /**
   * A search prompt (pick from suggestions or type): waits for it, types the text, waits until the
   * list, updated for it, highlights the entry for that text (`❯ text…`), presses Enter, waits until answered.
   */
  choose(prompt: string, text: string): Promise<void>;
  /**
   * A select prompt: waits for it, moves the highlight (down, or up) one entry at a time, each time
   * waiting for the list to show where it is, until it is on the entry of that name (the whole line,
   * or a pattern for it); presses Enter, waits until answered. With `from`, the list must open with
   * the highlight on that entry (its default).
   */
  pick(prompt: string, name: string | RegExp, opts?: { up?: boolean; from?: string | RegExp }): Promise<void>;
  /**
   * A checkbox prompt: waits for it, types the keys (e.g. `a` for all; none to keep the ticks),
   * waits until the list is exactly these entries, ticked, presses Enter, waits until answered.
   */
  tick(prompt: string, keys: string, ticked: string[]): Promise<void>;
  /** Everything printed, colours removed. */
  output(): string;
  /** Everything printed, exactly as the terminal received it: escape codes and all. */
  raw(): string;
  exited: Promise<number>;
}

/** Runs `align ARGS` in a real pseudo-terminal (80 columns unless `cols` says otherwise), as a facilitator's laptop would. */
export function spawnAlign(args: string[], opts: { cwd: string; env: Record<string, string | undefined>; cols?: number }): PtySession {
  // The test's environment; the language and zone pinned even where it does not say.
  const env = Object.fromEntries(
    Object.entries({ ...process.env, ...PINNED_ENV, ...opts.env, CI: undefined, TERM: 'xterm-256color' }).filter(([, v]) => v !== undefined),
  ) as Record<string, string>;
  const p = pty.spawn(process.execPath, [ALIGN, ...args], { name: 'xterm-256color', cols: opts.cols ?? 80, rows: 40, cwd: opts.cwd, env });

  let text = ''; // the output so far, escape codes and carriage returns removed
  let raw = ''; // the output so far, as received
  let held = ''; // the end of the last chunk when it stops inside an escape sequence
  let from = 0; // where the next wait starts looking
  let exitCode: number | undefined;
  let waiting: { re: RegExp; what: string; resolve: (s: string) => void; reject: (e: Error) => void; timer: NodeJS.Timeout } | undefined;

  const screen = (why: string) =>
    new Error(`${why}\n--- screen (last 3000 characters; the wait looked after the mark ▮) ---\n${(`${text.slice(0, from)}▮${text.slice(from)}`).slice(-3000)}\n--- end of screen ---`);
  const check = () => {
    if (!waiting) return;
    waiting.re.lastIndex = from;
    const m = waiting.re.exec(text);
    const w = waiting;
    if (m) {
      from = m.index + m[0].length;
      waiting = undefined;
      clearTimeout(w.timer);
      w.resolve(m[0]);
    } else if (exitCode !== undefined) {
      waiting = undefined;
      clearTimeout(w.timer);
      w.reject(screen(`align exited (code ${exitCode}) without showing ${w.what}`));
    }
  };

  p.onData((d) => {
    raw += d;
    const chunk = held + d;
    const cut = UNFINISHED_ESCAPE.exec(chunk)?.index ?? chunk.length;
    held = chunk.slice(cut);
    text += chunk.slice(0, cut).replace(ANSI, '').replace(/\r/g, '');
    check();
  });
  // node-pty reports the exit once all the output is read.
  const exited = new Promise<number>((resolve) =>
    p.onExit(({ exitCode: code }) => {
      text += held.replace(ANSI, '').replace(/\r/g, '');
      held = '';
      exitCode = code;
      check();
      resolve(code);
    }),
  );

  const session: PtySession = {
    output: () => text,
    raw: () => raw,
    waitFor(what, timeoutMs = 30_000) {
      if (waiting) return Promise.reject(new Error(`waitFor(${String(what)}) while waiting for ${waiting.what}`));
      const re = typeof what === 'string' ? new RegExp(onScreen(what), 'g') : new RegExp(what.source, `${what.flags.replace(/[gy]/g, '')}g`);
      return new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting = undefined;
          reject(screen(`timed out after ${timeoutMs} ms waiting for ${String(what)}`));
        }, timeoutMs);
        waiting = { re, what: String(what), resolve, reject, timer };
        check();
      });
    },
    type(...keys) {
      for (const k of keys) p.write(k);
    },
    async answer(prompt, text, o = {}) {
      await session.waitFor(asking(prompt));
      await submit(prompt, text, o.rejectedWith);
    },
    correct: (prompt, text) => submit(prompt, text),
    async choose(prompt, typed) {
      await session.waitFor(asking(prompt));
      p.write(typed);
      // The prompt line ends with the text; the first highlighted entry below it is the text's.
      await session.waitFor(new RegExp(`(?<=[ \\n])${onScreen(typed)}\\n(?:[^\\n❯]*\\n)*?❯ ${onScreen(typed)}(?=[ \\n]|$)`));
      p.write(KEY.enter);
      await session.waitFor(doneLine(prompt));
    },
    async pick(prompt, name, o = {}) {
      await session.waitFor(asking(prompt));
      const is = (line: string, entry: string | RegExp) => (typeof entry === 'string' ? line === entry : entry.test(line));
      let first: string | undefined;
      for (;;) {
        // One render per key: the next highlight after the last one is where this key moved it.
        const line = (await session.waitFor(/❯ [^\n]*/)).slice(2);
        if (first === undefined && o.from !== undefined && !is(line, o.from)) throw screen(`${prompt} opened on ${line}, not on ${String(o.from)}`);
        if (is(line, name)) break;
        if (line === first) throw screen(`${String(name)} is not an entry of ${prompt}`);
        first ??= line;
        p.write(o.up ? KEY.up : KEY.down);
      }
      p.write(KEY.enter);
      await session.waitFor(doneLine(prompt));
    },
    async tick(prompt, keys, ticked) {
      // With no keys the list to check is the one the prompt opens with, so look for it from its first line.
      if (keys) {
        await session.waitFor(asking(prompt));
        p.write(keys);
      }
      const list = ticked.map((n) => `[❯ ]◉ ${onScreen(n)}\\n`).join('');
      await session.waitFor(new RegExp(`${asking(prompt).source}[^\\n]*\\n${list}(?![❯ ][◉◯])`));
      p.write(KEY.enter);
      await session.waitFor(doneLine(prompt));
    },
    exited,
  };

  async function submit(prompt: string, keys: string, rejectedWith?: string | RegExp): Promise<void> {
    const echo = echoOf(keys);
    if (keys) p.write(keys);
    // The prompt line ends with what was typed (a render may follow, or an error line).
    if (echo) await session.waitFor(new RegExp(`(?<=[ \\n])${onScreen(echo)}(?=$|\\n|\\? |✔)`));
    p.write(KEY.enter);
    await session.waitFor(rejectedWith ?? doneLine(prompt));
  }

  return session;
}
