import { checkbox, confirm, input, search, select } from '@inquirer/prompts';
import type { Context } from '../../../adapters/context.js';

export interface Choice<T> {
  name: string;
  value: T;
  description?: string;
  checked?: boolean;
}

/**
 * The prompts a workshop asks, on stderr. Each answer is recorded under a key in `pending`
 * and handed to `onAnswer` (which saves the draft), so an interrupted item resumes where it
 * stopped: a key already answered is not asked again.
 */
export class Asker {
  private readonly ctx: { output: NodeJS.WritableStream; clearPromptOnDone: false };
  constructor(
    context: Context,
    private readonly pending: Record<string, unknown>,
    private readonly onAnswer: () => void,
    private readonly prefix: () => string = () => '',
  ) {
    this.ctx = { output: context.stderr, clearPromptOnDone: false };
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
            message: this.prefix() + message,
            ...(o.default !== undefined && o.default !== '' ? { default: o.default } : {}),
            required: Boolean(o.required),
            validate: (s: string) => (o.validate && (s.trim() !== '' || o.required) ? (o.validate(s) ?? true) : true),
          },
          this.ctx,
        )
      ).trim(),
    );
  }

  select<T>(key: string, message: string, choices: Choice<T>[], o: { default?: T } = {}): Promise<T> {
    return this.ask(key, () => select<T>({ message: this.prefix() + message, choices, pageSize: 12, ...(o.default !== undefined ? { default: o.default } : {}) }, this.ctx));
  }

  checkbox<T>(key: string, message: string, choices: Choice<T>[]): Promise<T[]> {
    return this.ask(key, () => checkbox<T>({ message: this.prefix() + message, choices, pageSize: 12 }, this.ctx));
  }

  confirm(key: string, message: string, def = true): Promise<boolean> {
    return this.ask(key, () => confirm({ message: this.prefix() + message, default: def }, this.ctx));
  }

  /** Pick from suggestions or type a new text: what is typed is always the first choice. */
  suggest(key: string, message: string, suggestions: Choice<string>[], o: { validate?: (s: string) => string | undefined } = {}): Promise<string> {
    return this.ask(key, () =>
      search<string>(
        {
          message: this.prefix() + message,
          source: (term) => {
            const t = (term ?? '').trim();
            const matching = suggestions.filter((s) => !t || s.value.toLowerCase().includes(t.toLowerCase()) || s.name.toLowerCase().includes(t.toLowerCase()));
            const exact = matching.findIndex((s) => s.value === t);
            if (exact > 0) matching.unshift(...matching.splice(exact, 1));
            return t && exact < 0 ? [{ name: t, value: t, description: 'as typed' }, ...matching] : matching;
          },
          validate: (v: string) => (v.trim() === '' ? 'type a value' : (o.validate?.(v) ?? true)),
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
