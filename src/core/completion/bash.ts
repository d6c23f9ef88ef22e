import type { CompletionModel } from './model.js';
import { shCaseFunctions, shQuote, shWordLoop, valueWords } from './sh-cases.js';
import { optionNames } from './tables.js';

/**
 * The bash completion script: `source <(align completion bash)`. It reads the words before
 * the cursor the way align does (options and their values skipped, `help` before command
 * words), then offers the values of the option being given, the options (after `-`), or the
 * commands and arguments that may come next.
 */
export function bashScript(model: CompletionModel): string {
  const p = `_${model.program}`;
  const commandCases = model.commands.map((c) => {
    const sets = [
      `${p}_subs=${shQuote(c.subcommands.map((s) => s.word).join(' '))}`,
      `${p}_opts=${shQuote(optionNames(model, c.key).join(' '))}`,
      `${p}_args=${shQuote(valueWords(c.args))}`,
      `${p}_nargs=${c.argCount}`,
    ];
    return `    ${shQuote(c.key)}) ${sets.join('; ')} ;;`;
  });
  return `# ${model.program} completion for bash, written by \`${model.program} completion bash\`.
# Load it in ~/.bashrc: source <(${model.program} completion bash)
${shCaseFunctions(model, p)}
${p}_command() {
  ${p}_subs=; ${p}_opts=; ${p}_args=; ${p}_nargs=0
  case "$1" in
${commandCases.join('\n')}
  esac
}
${p}_offer() {
  if [[ $1 == @files ]]; then
    COMPREPLY+=($(compgen -f -- "$cur"))
  else
    COMPREPLY+=($(compgen -W "$1" -- "$cur"))
  fi
}
${p}() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" cmd= help= pending= n=0 i w
${shWordLoop(p, 'COMP_WORDS', 1, 'COMP_CWORD')}
  COMPREPLY=()
  if [[ -n $pending ]]; then
    ${p}_values "$cmd" "$pending"
    ${p}_offer "$${p}_words"
    return 0
  fi
  ${p}_command "$cmd"
  if [[ $cur == -* ]]; then
    [[ -n $help ]] || ${p}_offer "$${p}_opts"
    return 0
  fi
  ${p}_offer "$${p}_subs"
  if [[ -z $help && $n -lt $${p}_nargs && -n $${p}_args ]]; then ${p}_offer "$${p}_args"; fi
  return 0
}
complete -o filenames -F ${p} ${model.program}
`;
}
