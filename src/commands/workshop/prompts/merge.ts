import type { styles } from '../../../adapters/terminal/style.js';
import { pathText, type Side } from '../../../core/merge/three-way.js';
import { valueText, type Resolver } from '../../../adapters/workspace/merge.js';
import type { Asker } from './asker.js';

interface Printer {
  print(text: string): void;
  printStyled(text: string): void;
}

/** On a terminal, each value the session and a change made since both changed is shown, and the facilitator picks the one to keep. */
export function askConflicts(ask: Asker, out: Printer, err: ReturnType<typeof styles>['err']): Resolver {
  return async (conflicts) => {
    const chosen: Record<string, Side> = {};
    for (const c of conflicts) {
      out.print('');
      out.printStyled(err.yellow.bold(`Merge: ${c.file} changed while the session ran`));
      out.print(`  by ${c.source}`);
      if (c.problems) {
        out.print('  merged with the session\'s changes, the file would be invalid:');
        for (const p of c.problems) out.print(`    ${p}`);
      } else {
        const [was, theirs, ours] = [c.base, c.theirs, c.ours].map(valueText) as [string, string, string];
        const width = Math.max(was.length, theirs.length, ours.length);
        out.print(`  ${pathText(c.path)}`);
        out.print(`    was           ${was}`);
        out.print(`    on disk now   ${theirs.padEnd(width)}   (theirs)`);
        out.print(`    this session  ${ours.padEnd(width)}   (ours)`);
      }
      const what = c.problems ? `the whole of ${c.file}` : pathText(c.path);
      chosen[c.key] = await ask.select<Side>(`merge:${c.key}`, `Keep which for ${what}?`, [
        { name: c.problems ? `theirs: ${c.file} as it is on disk (the session's changes to it dropped)` : `theirs: ${valueText(c.theirs)} (on disk now)`, value: 'theirs' },
        { name: c.problems ? `ours: ${c.file} as the session leaves it (the change on disk dropped)` : `ours: ${valueText(c.ours)} (this session)`, value: 'ours' },
      ]);
    }
    return chosen;
  };
}
