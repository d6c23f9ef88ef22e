import { CRM_COLUMNS, type CrmName } from '../leads/crm.js';
import type { ColumnMap } from '../leads/columns.js';

/**
 * The `columns:` block `align init --crm` ends the CRM's starter rubric with: each field the
 * starter reads, mapped to the headers align's map for that CRM gives it, written out so that
 * the team sees where every field comes from and can edit it.
 */
export function crmColumnsYaml(crm: CrmName, fields: readonly string[]): string {
  const { title, columns } = CRM_COLUMNS[crm];
  const mapped: ColumnMap = {};
  for (const f of fields) if (Object.hasOwn(columns, f)) mapped[f] = columns[f]!;
  const lines = Object.entries(mapped).map(([f, names]) => `  ${f}: [${names.map((n) => JSON.stringify(n)).join(', ')}]`);
  return [`# Where each field is read in a ${title} export: the first of these headers the file has (see docs/crm.md).`, 'columns:', ...lines, ''].join('\n');
}
