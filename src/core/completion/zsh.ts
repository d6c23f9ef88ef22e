import type { CompletionModel } from './model.js';
import { shCaseFunctions, shQuote, shWordLoop, valueWords } from './sh-cases.js';
import { oneLine } from './tables.js';

/** "name:description" for zsh's _describe, whose names may not hold a bare colon. */
function described(name: string, description: string): string {
  return shQuote(`${name.replace(/:/g, '\\:')}:${oneLine(description)}`);
}

/**
 * The zsh completion script: an autoloadable `_align` in a folder of $fpath, or sourced
 * after compinit. It reads the command line as the bash script does, and shows each
 * command's and option's description.
 */
export function zshScript(model: CompletionModel): string {
  const p = `_${model.program}`;
  const commandCases = model.commands.map((c) => {
    const options = [...c.options, ...model.globals].flatMap((o) => o.names.map((n) => described(n, o.description)));
    const sets = [
      `${p}_subs=(${c.subcommands.map((s) => described(s.word, s.description)).join(' ')})`,
      `${p}_opts=(${options.join(' ')})`,
      `${p}_args=${shQuote(valueWords(c.args))}`,
      `${p}_nargs=${c.argCount}`,
    ];
    return `    ${shQuote(c.key)}) ${sets.join('; ')} ;;`;
  });
  return `#compdef ${model.program}
# ${model.program} completion for zsh, written by \`${model.program} completion zsh\`.
# Save it as _${model.program} in a folder of $fpath, or after compinit: source <(${model.program} completion zsh)
${shCaseFunctions(model, p)}
${p}_command() {
  ${p}_subs=(); ${p}_opts=(); ${p}_args=; ${p}_nargs=0
  case "$1" in
${commandCases.join('\n')}
  esac
}
${p}_offer() {
  if [[ $1 == @files ]]; then _files; else compadd -- \${=1}; fi
}
${p}() {
  local cmd= help= pending= n=0 i w ${p}_words ${p}_args ${p}_nargs
  local -a ${p}_subs ${p}_opts
${shWordLoop(p, 'words', 2, 'CURRENT')}
  if [[ -n $pending ]]; then
    ${p}_values "$cmd" "$pending"
    ${p}_offer "$${p}_words"
    return
  fi
  ${p}_command "$cmd"
  if [[ $PREFIX == -* ]]; then
    [[ -n $help ]] || _describe -t options option ${p}_opts
    return
  fi
  _describe -t commands command ${p}_subs
  if [[ -z $help && $n -lt $${p}_nargs && -n $${p}_args ]]; then ${p}_offer "$${p}_args"; fi
}
# Autoloaded from $fpath, the file is the body of ${p}: run it; sourced, register it.
if [[ $funcstack[1] == ${p} ]]; then
  ${p} "$@"
else
  compdef ${p} ${model.program}
fi
`;
}
