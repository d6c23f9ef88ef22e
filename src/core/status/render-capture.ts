import { terminalSafe as t } from '../text/terminal.js';
import type { OpenParked } from '../workshop/parked.js';

/** The open parked topics as a table, or `none`. */
export function parkedLines(parked: OpenParked[], table: (head: string[], rows: string[][]) => string): string {
  if (!parked.length) return 'none';
  return table(
    ['Topic', 'Parked in', 'Section'],
    parked.map((p) => [t(p.wholeSection ? `${p.topic} (the whole section)` : p.topic), t(p.session), p.sectionTitle === null ? '—' : t(p.sectionTitle)]),
  );
}
