import type { UnreadableSummary } from '../../values/unreadable.js';
import type { RubricChange } from './diff.js';
import type { LeadMovement } from './leads.js';
import { changeLine } from './text.js';
import { grouped } from '../../text/numbers.js';

/** Everything `rubric diff` shows, before any renderer decides how. */
export interface DiffReport {
  from: string;
  to: string;
  changes: RubricChange[];
  leads?: LeadMovement;
  /** With leads: per field and reading, the values that could not be read (zeros included). */
  unreadable?: UnreadableSummary;
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

/** Every outcome as both rows and columns: a square matrix whose diagonal is the leads that stayed. */
export function usedStages(m: LeadMovement): { rows: string[]; cols: string[] } {
  return { rows: m.stages, cols: m.stages };
}

export function count(n: number): string {
  return grouped(n);
}

/** Why a sample lead moved: the thresholds and caps that moved it, then the criteria. */
export function reasonsText(s: LeadMovement['samples'][number]): string {
  return [...s.rules.map(changeLine), ...s.criteria.map((c) => `${c.id} (${c.reason})`)].join(', ');
}


