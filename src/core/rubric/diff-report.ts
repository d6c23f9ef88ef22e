import type { RubricChange } from './diff.js';
import type { LeadMovement } from './diff-leads.js';

/** Everything `rubric diff` shows, before any renderer decides how. */
export interface DiffReport {
  from: string;
  to: string;
  changes: RubricChange[];
  leads?: LeadMovement;
}

/** Colours for the terminal renderer; identity functions when there is no colour. */
export interface Paint {
  added(s: string): string;
  removed(s: string): string;
  changed(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
}

export const NO_PAINT: Paint = { added: (s) => s, removed: (s) => s, changed: (s) => s, dim: (s) => s, bold: (s) => s };

/** Matrix rows and columns that hold a lead, so that unused stages do not pad the table. */
export function usedStages(m: LeadMovement): { rows: string[]; cols: string[] } {
  const rows = m.stages.filter((f) => m.stages.some((t) => (m.matrix[f]?.[t] ?? 0) > 0));
  const cols = m.stages.filter((t) => m.stages.some((f) => (m.matrix[f]?.[t] ?? 0) > 0));
  return { rows, cols };
}

export function count(n: number): string {
  return n.toLocaleString('en-US');
}

export function reasonsText(s: LeadMovement['samples'][number]): string {
  if (s.criteria.length === 0) return 'same criteria fire: a stage threshold or cap changed';
  return s.criteria.map((c) => `${c.id} (${c.reason})`).join(', ');
}
