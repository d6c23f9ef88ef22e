import type { CompletionModel, Values } from './model.js';
import { oneLine, tablesOf, type Key } from './tables.js';

/** A word in fish's single quotes, where only \\ and ' are escaped. */
function fishQuote(s: string): string {
  return `'${s.replace(/[\\']/g, '\\$&')}'`;
}

function pattern(k: Key): string {
  return fishQuote(`${k.command ?? '*'}|${k.word}`);
}

/** One candidate line: the word, a tab, its description (fish shows it beside the word). */
function candidate(word: string, description: string): string {
  return `printf '%s\\t%s\\n' ${fishQuote(word)} ${fishQuote(oneLine(description))}`;
}

function offer(v: Values | undefined): string[] {
  if (v === undefined) return [];
  return v === 'files' ? ['__fish_complete_path (commandline -ct)'] : v.words.map((w) => `echo ${fishQuote(w)}`);
}

/**
 * The fish completion script: `align completion fish > ~/.config/fish/completions/align.fish`.
 * One function reads the command line as the bash script does and prints the candidates.
 */
export function fishScript(model: CompletionModel): string {
  const f = `__${model.program}`;
  const t = tablesOf(model);
  const seen = new Set<string>();
  const firsts = t.values.filter((v) => !seen.has(pattern(v.key)) && Boolean(seen.add(pattern(v.key))));
  const valueCases = firsts.flatMap((v) => [`        case ${pattern(v.key)}`, ...offer(v.value).map((l) => `            ${l}`)]);
  const commandCases = model.commands.flatMap((c) => {
    const options = [...c.options, ...model.globals].flatMap((o) => o.names.map((n) => candidate(n, o.description)));
    return [
      `        case ${fishQuote(c.key)}`,
      '            if string match -q -- \'-*\' (commandline -ct)',
      ...(options.length ? options.map((l) => `                test $help = 1; or ${l}`) : ['                true']),
      '            else',
      ...c.subcommands.map((s) => `                ${candidate(s.word, s.description)}`),
      ...(c.args ? [`                if test $help = 0 -a $n -lt ${c.argCount}`, ...offer(c.args).map((l) => `                    ${l}`), '                end'] : []),
      '            end',
    ];
  });
  return `# ${model.program} completion for fish, written by \`${model.program} completion fish\`.
# Save it: ${model.program} completion fish > ~/.config/fish/completions/${model.program}.fish
function ${f}_sub
    switch "$argv[1]|$argv[2]"
        case ${t.subcommands.map(fishQuote).join(' ')}
            return 0
    end
    return 1
end
function ${f}_valued
    switch "$argv[1]|$argv[2]"
        case ${[...new Set(t.valued.map(pattern))].join(' ')}
            return 0
    end
    return 1
end
function ${f}_values
    switch "$argv[1]|$argv[2]"
${valueCases.join('\n')}
        case '*'
            __fish_complete_path (commandline -ct)
    end
end
function ${f}_complete
    set -l tokens (commandline -opc)
    set -e tokens[1]
    set -l cmd ''
    set -l help 0
    set -l pending ''
    set -l n 0
    for w in $tokens
        if test -n "$pending"
            set pending ''
            continue
        end
        if string match -q -- '-*' $w
            ${f}_valued "$cmd" $w; and set pending $w
            continue
        end
        if test -z "$cmd" -a $help = 0 -a "$w" = help
            set help 1
            continue
        end
        if ${f}_sub "$cmd" $w
            if test -z "$cmd"
                set cmd $w
            else
                set cmd "$cmd $w"
            end
            set n 0
            continue
        end
        set n (math $n + 1)
    end
    if test -n "$pending"
        ${f}_values "$cmd" $pending
        return
    end
    switch "$cmd"
${commandCases.join('\n')}
    end
end
complete -c ${model.program} -f -a '(${f}_complete)'
`;
}
