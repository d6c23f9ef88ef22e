/**
 * Every flag that more than one command takes, defined once: how it is spelled, what help
 * says, and how what was typed is read. A command lists the flags it takes and receives
 * their parsed, typed values; a wrong value is refused here, before the command runs, with
 * the same words whichever command it was given to.
 *
 * Where a setting can also come from align.yaml (`defaults:`), the order is stated once, in
 * `setting()`: the flag, then align.yaml, then align's own default.
 */
import { today, type Context } from '../adapters/context.js';
import { UserError } from '../core/errors.js';
import { isIsoDate } from '../core/calendar-date.js';
import { MAX_LINE_BYTES, sizeText } from '../adapters/leads/csv-input.js';
import { CRMS, type CrmName } from '../core/leads/crm.js';
import { isLocale, LOCALES, type Locale } from '../core/values/locale.js';
import type { Flag } from './define.js';

/** The name of a flag as typed, from its commander spelling: `--as-of <date>` → `--as-of`. */
function nameOf(flags: string): string {
  return /--[\w-]+/.exec(flags)?.[0] ?? flags;
}

function text(raw: unknown): string | undefined {
  return raw === undefined ? undefined : String(raw);
}

/** A flag that takes any text, or nothing. */
export function textFlag(flags: string, description: string): Flag<string | undefined> {
  return { flags, description, parse: text };
}

/** A flag that takes a text that must not be empty, or nothing. */
export function nameFlag(flags: string, description: string, example: string): Flag<string | undefined> {
  const name = nameOf(flags);
  return {
    flags,
    description,
    parse(raw) {
      const v = text(raw);
      if (v !== undefined && v.trim() === '') throw new UserError(`invalid ${name} "": expected a value`, `for example ${name} ${example}`);
      return v;
    },
  };
}

/** A flag that is there or not. */
export function switchFlag(flags: string, description: string): Flag<boolean> {
  return { flags, description, parse: (raw) => raw === true };
}

/** `--no-x`: on unless the user turns it off. */
export function negatableFlag(flags: string, description: string): Flag<boolean> {
  return { flags, description, negatable: true, parse: (raw) => raw !== false };
}

/** A flag given any number of times; its values in order. */
export function repeatableFlag(flags: string, description: string): Flag<string[]> {
  return { flags, description, repeatable: true, parse: (raw) => (Array.isArray(raw) ? raw.map(String) : raw === undefined ? [] : [String(raw)]) };
}

/** A whole number within bounds, or the default. */
export function countFlag(flags: string, description: string, bounds: { min: number; max?: number; default?: number }): Flag<number | undefined> {
  const name = nameOf(flags);
  return {
    flags,
    description: bounds.default === undefined ? description : `${description} (default: ${bounds.default})`,
    parse(raw) {
      const v = text(raw);
      if (v === undefined) return bounds.default;
      const n = Number(v);
      if (!/^\s*\d+\s*$/.test(v) || n < bounds.min || (bounds.max !== undefined && n > bounds.max)) {
        const range = bounds.max === undefined ? `${bounds.min} or more` : `from ${bounds.min} to ${bounds.max}`;
        throw new UserError(`invalid ${name} ${JSON.stringify(v)}: expected a whole number ${range}`, `for example ${name} ${Math.max(bounds.min, bounds.default ?? 1)}`);
      }
      return n;
    },
  };
}

/** One of a fixed list of words. */
export function choiceFlag<const V extends string>(flags: string, description: string, values: readonly V[], fallback: V): Flag<V> {
  const name = nameOf(flags);
  return {
    flags,
    description: `${description}: ${values.join(', ')} (default: ${fallback})`,
    choices: values,
    parse(raw) {
      const v = text(raw) ?? fallback;
      if (!(values as readonly string[]).includes(v)) throw new UserError(`invalid ${name} ${JSON.stringify(v)}: expected one of ${values.join(', ')}`, `for example ${name} ${fallback}`);
      return v as V;
    },
  };
}

/**
 * `--format`: how a command prints its results. The human format is called `text` in every
 * command; `table` and `md`, its older names, still mean it where they do not name a format
 * of their own (`rubric diff --format md` is Markdown for a pull request).
 */
export function formatFlag<const V extends string>(values: readonly V[]): Flag<V> {
  const aliases = Object.fromEntries(['table', 'md'].filter((a) => !(values as readonly string[]).includes(a)).map((a) => [a, 'text']));
  const fallback = values[0]!;
  return {
    flags: '--format <format>',
    description: `output format: ${values.join(', ')} (default: ${fallback})`,
    choices: values,
    parse(raw) {
      const given = text(raw) ?? fallback;
      const v = aliases[given] ?? given;
      if (!(values as readonly string[]).includes(v)) throw new UserError(`invalid --format ${JSON.stringify(given)}: expected one of ${values.join(', ')}`, `for example --format ${values.includes('json' as V) ? 'json' : fallback}`);
      return v as V;
    },
  };
}

/** A real calendar date written YYYY-MM-DD. */
function readDate(name: string, value: string): string {
  if (!isIsoDate(value)) throw new UserError(`invalid ${name} ${JSON.stringify(value)}: expected a real calendar date written YYYY-MM-DD`, `for example ${name} 2026-11-27`);
  return value;
}

/** A date flag; without it, today (on the clock of the context) or nothing. */
export function dateFlag(flags: string, description: string, fallback: 'today'): Flag<string>;
export function dateFlag(flags: string, description: string): Flag<string | undefined>;
export function dateFlag(flags: string, description: string, fallback?: 'today'): Flag<string | undefined> {
  const name = nameOf(flags);
  return {
    flags,
    description: `${description}, YYYY-MM-DD${fallback ? ' (default: today)' : ''}`,
    parse(raw, ctx: Context) {
      const v = text(raw);
      if (v === undefined) return fallback ? today(ctx) : undefined;
      return readDate(name, v);
    },
  };
}

/** `--as-of`: the scoring date, which fixes `within_last`; today unless given. */
export const asOfFlag = (what = 'the scoring date for within_last'): Flag<string> => dateFlag('--as-of <date>', what, 'today');

/** `--out FILE`: where to write instead of stdout. Checked again when written (adapters/files/out.ts). */
export function outFlag(description = 'write to this file (atomically) instead of stdout, and print its path'): Flag<string | undefined> {
  return nameFlag('--out <file>', description, 'summary.md');
}

/** `--force`: with --out, replace a file that exists. */
export const forceFlag = (): Flag<boolean> => switchFlag('--force', 'with --out: replace the file if it exists (a regular file only)');

/** `--rubric`: a rubric file, REV:PATH, or a git revision (rubric.yaml there); the workspace's rubric.yaml without it. */
export const rubricFlag = (): Flag<string | undefined> =>
  nameFlag('--rubric <rubric>', 'the rubric: a file, REV:PATH, or a git revision (default: the workspace rubric.yaml)', 'HEAD~1');

/** `--id-column`: the CSV column that names each lead. */
export const idColumnFlag = (fallback = 'the first of id, lead_id, Lead ID, Record ID, Id, email found, ignoring case, spaces, _, - and .; else the line number'): Flag<string | undefined> =>
  nameFlag('--id-column <column>', `the column that names each lead (default: ${fallback})`, 'lead_id');

/** `--delimiter`: one character, or `tab`. */
export const delimiterFlag = (): Flag<string> => ({
  flags: '--delimiter <char>',
  description: 'the CSV delimiter: one character, or "tab" (default: ,)',
  parse(raw) {
    const given = text(raw);
    const d = given === undefined ? ',' : given === '\\t' || given === 'tab' ? '\t' : given;
    if (d.length !== 1 || d === '"' || d === '\n' || d === '\r') {
      throw new UserError(`invalid --delimiter ${JSON.stringify(given)}: expected one character other than a quote or a line break`, 'for example --delimiter ";" or --delimiter tab');
    }
    return d;
  },
});

/**
 * `--max-line-bytes`: the longest record a CSV of leads may have (csv-input.ts), in bytes, or
 * in KiB or MiB with K or M after the number (`64K`, `16M`).
 */
export const maxLineBytesFlag = (): Flag<number> => ({
  flags: '--max-line-bytes <size>',
  description: `the longest record (line) of the CSV of leads: bytes, or K, M for KiB, MiB (default: ${sizeText(MAX_LINE_BYTES.default)}, at most ${sizeText(MAX_LINE_BYTES.most)})`,
  parse(raw) {
    const given = text(raw);
    if (given === undefined) return MAX_LINE_BYTES.default;
    const m = /^\s*(\d+)\s*(?:([km])(?:i?b)?|b)?\s*$/i.exec(given);
    const unit = m?.[2]?.toLowerCase();
    const n = m ? Number(m[1]) * (unit === 'k' ? 1024 : unit === 'm' ? 1024 * 1024 : 1) : Number.NaN;
    if (!(n >= 1 && n <= MAX_LINE_BYTES.most)) {
      throw new UserError(`invalid --max-line-bytes ${JSON.stringify(given)}: expected a size from 1 byte to ${sizeText(MAX_LINE_BYTES.most)}, in bytes or with K or M`, 'for example --max-line-bytes 64M');
    }
    return n;
  },
});

/** `--jobs <n>`: how many worker threads score a CSV of leads (adapters/leads/parallel/). */
export const jobsFlag = (): Flag<number | undefined> => countFlag('--jobs <n>', 'score on this many threads (default: the cores available; 1: this thread only)', { min: 1, max: 256 });

/** `--locale`: how the leads' dates and numbers are written; undefined: align.yaml `defaults.locale`, else en. */
export const localeFlag = (): Flag<Locale | undefined> => ({
  flags: '--locale <locale>',
  description: `how dates and numbers in the leads are written: ${LOCALES.join(', ')} (default: align.yaml defaults.locale, else en; see docs/values.md)`,
  parse(raw) {
    const v = text(raw);
    if (v === undefined) return undefined;
    if (!isLocale(v)) throw new UserError(`invalid --locale ${JSON.stringify(v)}: expected one of ${LOCALES.join(', ')}`, 'for example --locale de (20.11.2026, 1.200,50); docs/values.md lists what each reads');
    return v;
  },
});

/** `--strict-values`: a value the rubric compares that cannot be read fails the run. */
export const strictValuesFlag = (): Flag<boolean> =>
  switchFlag('--strict-values', 'fail (exit 2) when a value the rubric compares cannot be read as a number, a date or true/false, instead of scoring it as unknown');

/** The one order in which a setting is taken: the flag, then align.yaml `defaults:`, then align's own default. */
export function setting<T>(flag: T | undefined, workspace: T | undefined, builtIn: T): T {
  return flag ?? workspace ?? builtIn;
}

/** `--crm`: a CRM whose export align knows; its header map replaces the rubric's `columns:` for the run. */
export const crmFlag = (what = "read a CRM export's headers with align's map for them, instead of the rubric's columns:"): Flag<CrmName | undefined> => ({
  flags: '--crm <crm>',
  description: `${what}: ${CRMS.join(', ')} (see docs/crm.md)`,
  parse(raw) {
    const v = text(raw);
    if (v === undefined) return undefined;
    if (!(CRMS as readonly string[]).includes(v)) throw new UserError(`invalid --crm ${JSON.stringify(v)}: expected one of ${CRMS.join(', ')}`, 'for example --crm hubspot');
    return v as CrmName;
  },
});

/** `--columns FILE`: a YAML map from rubric field to header names, used instead of the rubric's `columns:` for the run. */
export const columnsFlag = (): Flag<string | undefined> =>
  nameFlag('--columns <file>', "a YAML file mapping rubric fields to CSV headers (budget: [Budget, \"Annual Budget\"]), used instead of rubric.yaml's columns: for this run", 'columns.yaml');

/** `--keep`: columns of the CSV carried through to the scored rows, in the file's order; `all` for every one. */
export const keepFlag = (): Flag<readonly string[] | 'all' | undefined> => ({
  flags: '--keep <columns>',
  description: 'carry these CSV columns through to the scored leads (comma-separated headers), or all of them: --keep all',
  parse(raw) {
    const given = text(raw);
    if (given === undefined) return undefined;
    if (given.trim() === 'all') return 'all';
    const names = given.split(',').map((s) => s.trim()).filter(Boolean);
    if (names.length === 0) throw new UserError(`invalid --keep ${JSON.stringify(given)}: expected column names separated by commas, or all`, 'for example --keep "Email,Company Name" or --keep all');
    return names;
  },
});
