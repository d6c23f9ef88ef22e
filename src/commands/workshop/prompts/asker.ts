import { checkbox, confirm, input, search, select } from '@inquirer/prompts';
import type { Context } from '../../../adapters/context.js';
import { styles } from '../../../adapters/terminal/style.js';
import { terminalSafe as t } from '../../../core/text/terminal.js';

export interface Choice<T> {
  name: string;
  value: T;
  description?: string;
  checked?: boolean;
}

/** What the terminal shows of a choice: its name and description made safe; its value is the answer, as it is. */
function shownChoice<T>(c: Choice<T>): Choice<T> {
  return { ...c, name: t(c.name), ...(c.description !== undefined ? { description: t(c.description) } : {}) };
}

/** A validation message quotes the answer: made safe like everything else a prompt shows. */
function shownCheck(check: (s: string) => string | true): (s: string) => string | true {
  return (s) => {
    const r = check(s);
    return r === true ? r : t(r);
  };
}

/**
 * The prompts a workshop asks, on stderr. Each answer is recorded under a key in `pending`
 * and handed to `onAnswer` (which saves the draft), so an interrupted item resumes where it
 * stopped: a key already answered is not asked again.
 *
 * Messages, choices and defaults quote the workspace (names, titles, ids): the terminal is
 * shown them made safe (core/text/terminal.ts); the answers are kept as they are.
 */
export class Asker {
  private readonly ctx: { output: NodeJS.WritableStream; clearPromptOnDone: false };
  private readonly paint: ReturnType<typeof styles>['err'];
  constructor(
    context: Context,
    private readonly pending: Record<string, unknown>,
    private readonly onAnswer: () => void,
    private readonly prefix: () => string = () => '',
  ) {
    this.ctx = { output: context.stderr, clearPromptOnDone: false };
    this.paint = styles(context).err;
  }

  /** A prompt's message: the section clock's prefix (coloured, align's own), then the safe text. */
  private message(text: string): string {
    return this.prefix() + t(text);
  }

  private async ask<T>(key: string, run: () => Promise<T>): Promise<T> {
    if (key in this.pending) return this.pending[key] as T;
    const value = await run();
    this.pending[key] = value;
    this.onAnswer();
    return value;
  }

  /** Forgets the item's answers once it is stored in the section's answer; saves. */
  done(): void {
    for (const k of Object.keys(this.pending)) delete this.pending[k];
    this.onAnswer();
  }

  text(key: string, message: string, o: { default?: string; validate?: (s: string) => string | undefined; required?: boolean } = {}): Promise<string> {
    return this.ask(key, async () =>
      (
        await input(
          {
            message: this.message(message),
            ...(o.default !== undefined && o.default !== '' ? { default: o.default } : {}),
            required: Boolean(o.required),
            validate: shownCheck((s: string) => (o.validate && (s.trim() !== '' || o.required) ? (o.validate(s) ?? true) : true)),
            // A default (or a default taken with Tab) may hold what the terminal must not obey.
            transformer: (value: string, { isFinal }: { isFinal: boolean }) => (isFinal ? this.paint.cyan(t(value)) : t(value)),
            theme: { style: { defaultAnswer: (text: string) => this.paint.dim(`(${t(text)})`) } },
          },
          this.ctx,
        )
      ).trim(),
    );
  }

  select<T>(key: string, message: string, choices: Choice<T>[], o: { default?: T } = {}): Promise<T> {
    return this.ask(key, () => select<T>({ message: this.message(message), choices: choices.map(shownChoice), pageSize: 12, ...(o.default !== undefined ? { default: o.default } : {}) }, this.ctx));
  }

  checkbox<T>(key: string, message: string, choices: Choice<T>[]): Promise<T[]> {
    return this.ask(key, () => checkbox<T>({ message: this.message(message), choices: choices.map(shownChoice), pageSize: 12 }, this.ctx));
  }

  confirm(key: string, message: string, def = true): Promise<boolean> {
    return this.ask(key, () => confirm({ message: this.message(message), default: def }, this.ctx));
  }

  /**
   * Pick from suggestions or type a new text: what is typed is always the first choice. A default
   * (the current value, when editing) opens the list highlighted, so Enter keeps it.
   */
  suggest(key: string, message: string, suggestions: Choice<string>[], o: { validate?: (s: string) => string | undefined; default?: string } = {}): Promise<string> {
    const current = o.default;
    return this.ask(key, () =>
      search<string>(
        {
          message: this.message(message),
          source: (term) => {
            const typed = (term ?? '').trim();
            if (!typed && current) {
              const known = suggestions.find((s) => s.value === current);
              return [{ ...(known ?? { name: current, value: current }), description: 'current value: Enter keeps it' }, ...suggestions.filter((s) => s !== known)].map(shownChoice);
            }
            const matching = suggestions.filter((s) => !typed || s.value.toLowerCase().includes(typed.toLowerCase()) || s.name.toLowerCase().includes(typed.toLowerCase()));
            const exact = matching.findIndex((s) => s.value === typed);
            if (exact > 0) matching.unshift(...matching.splice(exact, 1));
            return (typed && exact < 0 ? [{ name: typed, value: typed, description: 'as typed' }, ...matching] : matching).map(shownChoice);
          },
          validate: shownCheck((v: string) => (v.trim() === '' ? 'type a value' : (o.validate?.(v) ?? true))),
          pageSize: 10,
        },
        this.ctx,
      ),
    );
  }
}

/** Ctrl-C during a prompt: inquirer rejects with this error. */
export function isPromptExit(e: unknown): boolean {
  return e instanceof Error && (e.name === 'ExitPromptError' || e.name === 'AbortPromptError');
}
