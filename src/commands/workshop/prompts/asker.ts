import checkbox from '@inquirer/checkbox';
import confirm from '@inquirer/confirm';
import input from '@inquirer/input';
import search from '@inquirer/search';
import select from '@inquirer/select';
import type { Context } from '../../../adapters/context.js';
import { styles } from '../../../adapters/terminal/style.js';
import { terminalSafe as t } from '../../../core/text/terminal.js';
import type { StepAnswer } from '../../../core/workshop/state.js';
import { liveMessage } from './live.js';

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
 * The prompts a workshop asks, on stderr. Each answer is appended to the step's log (the
 * draft's `step.given`) and handed to `onAnswer` (which saves the draft). A resumed step is
 * run again from its start with the log replayed: each prompt already answered takes its
 * logged answer (its `✔` line shown again) instead of asking, so the session continues at the
 * exact prompt where it stopped, with every answer given before it in place. A prompt that
 * is not the one logged next (the workspace changed in between) ends the replay there.
 * A draft saved before the log existed keeps its answers by key in `pending`, as it did then.
 *
 * Messages, choices and defaults quote the workspace (names, titles, ids): the terminal is
 * shown them made safe (core/text/terminal.ts); the answers are kept as they are.
 */
export class Asker {
  private readonly out: NodeJS.WritableStream;
  private readonly paint: ReturnType<typeof styles>['err'];
  private given: StepAnswer[] = [];
  private replayed = 0;
  /** Aborts the prompt on screen when the section menu's shortcut is pressed. */
  private menuOpened: AbortController | undefined;
  constructor(
    context: Context,
    private readonly pending: Record<string, unknown>,
    private readonly onAnswer: () => void,
    private readonly prefix: () => string = () => '',
    private readonly menu?: SectionMenu,
  ) {
    this.out = context.stderr;
    this.paint = styles(context).err;
  }

  private get ctx() {
    return { output: this.out, clearPromptOnDone: false as const, ...(this.menuOpened ? { signal: this.menuOpened.signal } : {}) };
  }

  /** A prompt's message: the safe text; the section clock's prefix (coloured, align's own) goes in front of it live, see theme(). */
  private message(text: string): string {
    return t(text);
  }

  /** The live section clock in front of every message, and the section menu's shortcut. */
  private theme() {
    return {
      style: {
        message: liveMessage(this.prefix, (s) => this.paint.bold(s), (key) => {
          if (key.ctrl && key.name === MENU_KEY && this.menu?.enabled()) this.menuOpened?.abort();
        }),
      },
    };
  }

  /** Starts a step: answers go to this log; those it holds already are replayed first. */
  begin(log: StepAnswer[]): void {
    this.given = log;
    this.replayed = 0;
  }

  private async ask<T>(key: string, message: string, shown: (value: T) => string, run: () => Promise<T>): Promise<T> {
    if (this.replayed < this.given.length) {
      const next = this.given[this.replayed]!;
      if (next.key === key) {
        this.replayed++;
        // The prompt as it was answered, so the screen reads as it did before the interruption.
        this.out.write(`${this.paint.green('✔')} ${this.paint.bold(t(message))} ${this.paint.cyan(t(shown(next.value as T)))}\n`);
        return next.value as T;
      }
      this.given.splice(this.replayed);
    }
    let value: T;
    if (key in this.pending) {
      value = this.pending[key] as T;
      delete this.pending[key];
    } else value = await this.withMenu(run);
    this.given.push({ key, value });
    this.replayed = this.given.length;
    this.onAnswer();
    return value;
  }

  /** Runs a prompt; the section menu's shortcut aborts it, opens the menu, then asks the same question again. */
  private async withMenu<T>(run: () => Promise<T>): Promise<T> {
    for (;;) {
      const opened = new AbortController();
      this.menuOpened = opened;
      try {
        return await run();
      } catch (e) {
        if (!opened.signal.aborted || !this.menu) throw e;
        this.menuOpened = undefined;
        await this.menu.open();
      } finally {
        this.menuOpened = undefined;
      }
    }
  }

  /** An item is stored in the section's answer: saves (and forgets the answers an older draft kept by key). */
  done(): void {
    for (const k of Object.keys(this.pending)) delete this.pending[k];
    this.onAnswer();
  }

  text(key: string, message: string, o: { default?: string; validate?: (s: string) => string | undefined; required?: boolean } = {}): Promise<string> {
    return this.ask(key, message, (v) => v, async () =>
      (
        await input(
          {
            message: this.message(message),
            ...(o.default !== undefined && o.default !== '' ? { default: o.default } : {}),
            required: Boolean(o.required),
            validate: shownCheck((s: string) => (o.validate && (s.trim() !== '' || o.required) ? (o.validate(s) ?? true) : true)),
            // A default (or a default taken with Tab) may hold what the terminal must not obey.
            transformer: (value: string, { isFinal }: { isFinal: boolean }) => (isFinal ? this.paint.cyan(t(value)) : t(value)),
            theme: { style: { ...this.theme().style, defaultAnswer: (text: string) => this.paint.dim(`(${t(text)})`) } },
          },
          this.ctx,
        )
      ).trim(),
    );
  }

  select<T>(key: string, message: string, choices: Choice<T>[], o: { default?: T } = {}): Promise<T> {
    return this.ask(key, message, (v) => nameOf(choices, v), () => select<T>({ message: this.message(message), choices: choices.map(shownChoice), pageSize: 12, theme: this.theme(), ...(o.default !== undefined ? { default: o.default } : {}) }, this.ctx));
  }

  /** Tick any number; with `required`, at least one, and the prompt says so (that text) when none is. */
  checkbox<T>(key: string, message: string, choices: Choice<T>[], o: { required?: string } = {}): Promise<T[]> {
    const required = o.required;
    return this.ask(key, message, (vs) => vs.map((v) => nameOf(choices, v)).join(', '), () =>
      checkbox<T>({ message: this.message(message), choices: choices.map(shownChoice), pageSize: 12, theme: this.theme(), ...(required ? { validate: (ticked) => ticked.length > 0 || t(required) } : {}) }, this.ctx),
    );
  }

  confirm(key: string, message: string, def = true): Promise<boolean> {
    return this.ask(key, message, (v) => (v ? 'Yes' : 'No'), () => confirm({ message: this.message(message), default: def, theme: this.theme() }, this.ctx));
  }

  /**
   * Pick from suggestions or type a new text: what is typed is always the first choice. A default
   * (the current value, when editing) opens the list highlighted, so Enter keeps it.
   */
  suggest(key: string, message: string, suggestions: Choice<string>[], o: { validate?: (s: string) => string | undefined; same?: (a: string, b: string) => boolean; default?: string } = {}): Promise<string> {
    const same = o.same ?? ((a: string, b: string) => a === b);
    const current = o.default;
    return this.ask(key, message, (v) => v, () =>
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
            // Typed as a suggestion is (by `same`, e.g. the same person in another case): that suggestion, not a new text.
            const exact = matching.findIndex((s) => same(s.value, typed));
            if (exact > 0) matching.unshift(...matching.splice(exact, 1));
            return (typed && exact < 0 ? [{ name: typed, value: typed, description: 'as typed' }, ...matching] : matching).map(shownChoice);
          },
          validate: shownCheck((v: string) => (v.trim() === '' ? 'type a value' : (o.validate?.(v) ?? true))),
          pageSize: 10,
          theme: this.theme(),
        },
        this.ctx,
      ),
    );
  }
}

/** What a replayed select or checkbox answer is shown as: its choice's name. */
function nameOf<T>(choices: Choice<T>[], value: T): string {
  return choices.find((c) => c.value === value)?.name ?? String(value);
}

/** The section menu (a note, a parked topic, skip or park the section), opened with Ctrl-O at any prompt of a section. */
export interface SectionMenu {
  enabled(): boolean;
  open(): Promise<void>;
}

const MENU_KEY = 'o';

/** Ctrl-C during a prompt: inquirer rejects with this error. */
export function isPromptExit(e: unknown): boolean {
  return e instanceof Error && (e.name === 'ExitPromptError' || e.name === 'AbortPromptError');
}
