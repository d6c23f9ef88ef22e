import { listTemplates } from '../../adapters/workspace/templates.js';
import { defineCommand } from '../../cli/define.js';
import { GLOBAL_FLAGS } from '../../cli/globals.js';
import { COMMANDS, GROUPS } from '../../cli/registry.js';
import { UserError } from '../../core/errors.js';
import { completionModel } from '../../core/completion/model.js';
import { completionScript, SHELLS, type ShellName } from '../../core/completion/script.js';

export const command = defineCommand({
  path: ['completion'],
  args: '<shell>',
  completes: SHELLS,
  description: `print a shell completion script (${SHELLS.join(', ')}) for align's commands, options, their values and the built-in template ids`,
  flags: {},
  examples: [
    'align completion bash > ~/.local/share/bash-completion/completions/align',
    'source <(align completion bash)      # or this line in ~/.bashrc',
    'align completion zsh > ~/.zfunc/_align      # a folder in $fpath',
    'align completion fish > ~/.config/fish/completions/align.fish',
  ],
  run: async ({ args, ctx }) => {
    const shell = args[0]!;
    if (!(SHELLS as readonly string[]).includes(shell)) throw new UserError(`no completion for the shell "${shell}": expected one of ${SHELLS.join(', ')}`, 'for example `align completion bash`');
    // Only this command reads every command's spec: the others load just their own.
    const specs = await Promise.all(COMMANDS.map(async (e) => (await e.load()).command));
    const templateIds = listTemplates(null).map((e) => e.template.id);
    const model = completionModel({ program: 'align', specs, groups: GROUPS, globals: Object.values(GLOBAL_FLAGS), templateIds });
    ctx.stdout.write(completionScript(shell as ShellName, model));
    return 0;
  },
});
