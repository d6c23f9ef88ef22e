import { bashScript } from './bash.js';
import { fishScript } from './fish.js';
import type { CompletionModel } from './model.js';
import { zshScript } from './zsh.js';

/** Every shell align writes a completion script for, by name. */
export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type ShellName = (typeof SHELLS)[number];

const WRITERS: Record<ShellName, (model: CompletionModel) => string> = { bash: bashScript, zsh: zshScript, fish: fishScript };

/** The completion script for this shell. */
export function completionScript(shell: ShellName, model: CompletionModel): string {
  return WRITERS[shell](model);
}
