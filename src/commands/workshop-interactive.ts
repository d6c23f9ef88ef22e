import type { Context } from '../cli/context.js';
import type { FinishOptions } from './workshop-finish.js';

export async function interactive(_root: string, _template: string | undefined, _opts: Omit<FinishOptions, 'draftId'> & { resume: boolean; leads?: string }, _ctx: Context): Promise<number> {
  return 2;
}
