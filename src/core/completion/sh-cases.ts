import type { CompletionModel, Values } from './model.js';
import { tablesOf, type Key } from './tables.js';

/** A word in single quotes, for bash and zsh. */
export function shQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** A case pattern for a lookup key: the command's words quoted, or `*` for any command. */
function pattern(k: Key): string {
  return k.command === null ? `*${shQuote(`|${k.word}`)}` : shQuote(`${k.command}|${k.word}`);
}

/** Values as the scripts hold them: the words, or @files for file names. */
export function valueWords(v: Values | undefined): string {
  return v === undefined ? '' : v === 'files' ? '@files' : v.words.join(' ');
}

/**
 * The lookups of bash and zsh (both read `case` the same way), as functions named
 * PREFIX_sub (is "$2" a command under "$1"), PREFIX_valued (does option "$2" of "$1" take a
 * value) and PREFIX_values (its values, into PREFIX_words).
 */
export function shCaseFunctions(model: CompletionModel, prefix: string): string {
  const t = tablesOf(model);
  const seenValues = new Set<string>();
  const valueLines = t.values
    .filter((v) => {
      const p = pattern(v.key);
      if (seenValues.has(p)) return false;
      seenValues.add(p);
      return true;
    })
    .map((v) => `    ${pattern(v.key)}) ${prefix}_words=${shQuote(valueWords(v.value))} ;;`);
  return [
    `${prefix}_sub() {`,
    '  case "$1|$2" in',
    `    ${t.subcommands.map(shQuote).join('|')}) return 0 ;;`,
    '  esac',
    '  return 1',
    '}',
    `${prefix}_valued() {`,
    '  case "$1|$2" in',
    `    ${[...new Set(t.valued.map(pattern))].join('|')}) return 0 ;;`,
    '  esac',
    '  return 1',
    '}',
    `${prefix}_values() {`,
    '  case "$1|$2" in',
    ...valueLines,
    `    *) ${prefix}_words=@files ;;`,
    '  esac',
    '}',
  ].join('\n');
}

/**
 * The loop of bash and zsh over the words typed before the cursor (both read it the same way):
 * it finds the command they name (`cmd`), whether `help` came first, an option still waiting
 * for its value (`pending`) and how many arguments follow the command (`n`). `words` is the
 * shell's array and `from`/`to` the indexes the loop runs between.
 */
export function shWordLoop(prefix: string, words: string, from: number, to: string): string {
  const p = prefix;
  return `  for ((i = ${from}; i < ${to}; i++)); do
    w="\${${words}[i]}"
    if [[ -n $pending ]]; then pending=; continue; fi
    if [[ $w == -* ]]; then
      ${p}_valued "$cmd" "$w" && pending="$w"
      continue
    fi
    if [[ -z $cmd && -z $help && $w == help ]]; then help=1; continue; fi
    if ${p}_sub "$cmd" "$w"; then cmd="\${cmd:+$cmd }$w"; n=0; continue; fi
    n=$((n + 1))
  done`;
}
