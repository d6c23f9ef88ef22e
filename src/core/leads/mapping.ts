/**
 * The column map a run uses, from what says it: `--columns FILE`, then `--crm`, then the
 * rubric's `columns:` (a map, or the name of a CRM). One of them, whole: they are not merged.
 */
import type { ColumnsSetting } from '../schemas/columns.js';
import type { ColumnMap } from './columns.js';
import { CRM_COLUMNS, type CrmName } from './crm.js';

export interface ColumnMapping {
  /** Field → header names. */
  map: ColumnMap;
  /** Id headers tried first (a CRM's). */
  idNames: string[];
}

/** The map a setting gives: a CRM's built-in map and ids, or the map as written (a lone name made a list). */
export function columnMapping(setting: ColumnsSetting | undefined): ColumnMapping {
  if (setting === undefined) return { map: {}, idNames: [] };
  if (typeof setting === 'string') {
    const crm = CRM_COLUMNS[setting];
    return { map: crm.columns, idNames: crm.ids };
  }
  const map: ColumnMap = {};
  for (const [field, names] of Object.entries(setting)) {
    Object.defineProperty(map, field, { value: typeof names === 'string' ? [names] : names, enumerable: true, writable: true, configurable: true });
  }
  return { map, idNames: [] };
}

/** The setting that wins: the --columns file, then --crm, then the rubric's. */
export function chosenSetting(file: ColumnsSetting | undefined, crm: CrmName | undefined, rubric: ColumnsSetting | undefined): ColumnsSetting | undefined {
  return file ?? crm ?? rubric;
}

/** Two rubrics read from one CSV (`rubric diff --leads`): the newer one's names first, then the older one's. */
export function mergedMapping(newer: ColumnMapping, older: ColumnMapping): ColumnMapping {
  const map: ColumnMap = {};
  for (const m of [older.map, newer.map]) {
    for (const [field, names] of Object.entries(m)) {
      const before = Object.hasOwn(map, field) ? map[field]! : [];
      Object.defineProperty(map, field, { value: [...new Set([...names, ...before])], enumerable: true, writable: true, configurable: true });
    }
  }
  return { map, idNames: [...new Set([...newer.idNames, ...older.idNames])] };
}

/**
 * The header each field is read from where there is no header to match (`rubric sql` without
 * --leads): the first name the map gives it, else the field itself.
 */
export function unmatchedColumns(fields: readonly string[], map: ColumnMap): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields) Object.defineProperty(out, f, { value: Object.hasOwn(map, f) ? (map[f]![0] ?? f) : f, enumerable: true });
  return out;
}
