/**
 * The column map of a run, from the flags every lead reader takes (`--columns FILE`, `--crm`)
 * and the rubric's `columns:`, and where the rubric reads each field for the missing-fields
 * error. What is resolved from it against a header is core/leads/columns.ts's.
 */
import { InputError } from '../../core/errors.js';
import type { FieldPlace } from '../../core/leads/columns.js';
import type { CrmName } from '../../core/leads/crm.js';
import { chosenSetting, columnMapping, mergedMapping, type ColumnMapping } from '../../core/leads/mapping.js';
import { fieldPlaces } from '../../core/leads/places.js';
import { ColumnsSchema, type ColumnsSetting } from '../../core/schemas/columns.js';
import type { Rubric } from '../../core/schemas/rubric.js';
import { MAX_FILE_BYTES } from '../../core/yaml/limits.js';
import { loadYaml } from '../../core/yaml/load.js';
import { readInputFile } from '../files/read.js';
import { readWorkspaceBytes } from '../workspace/files.js';
import { RUBRIC_FILE } from '../workspace/load.js';

/** The column flags as a command received them. */
export interface ColumnFlags {
  columns?: string | undefined;
  crm?: CrmName | undefined;
}

/** A rubric with where it came from, for placing its fields in messages. */
export interface PlacedRubric {
  rubric: Rubric;
  label: string;
  text?: string;
}

/** A --columns file: read as every file named on the command line is, its problems at file:line:col. */
function readColumnsFile(cwd: string, file: string, workspace: string | null): ColumnsSetting {
  const bytes = readInputFile(cwd, file, 'the columns file', 'give a YAML file that maps rubric fields to CSV headers, e.g. budget: [Budget, "Annual Budget"]', {
    ...(workspace ? { workspace } : {}),
    maxBytes: MAX_FILE_BYTES,
  });
  const loaded = loadYaml(file, bytes, ColumnsSchema);
  if (!loaded.ok) throw new InputError(loaded.problems, 'a columns file maps each rubric field to a header or a list of headers (budget: [Budget, "Annual Budget"]), or names a CRM: hubspot or salesforce');
  return loaded.data;
}

/** The map for reading leads with these rubrics (the newest last): the flags' if given, else the rubrics' own. */
export function runMapping(flags: ColumnFlags, rubrics: readonly Rubric[], place: { cwd: string; root: string | null }): ColumnMapping {
  const file = flags.columns === undefined ? undefined : readColumnsFile(place.cwd, flags.columns, place.root);
  const given = chosenSetting(file, flags.crm, undefined);
  if (given !== undefined) return columnMapping(given);
  return rubrics.map((r) => columnMapping(r.columns)).reduce((older, newer) => mergedMapping(newer, older), columnMapping(undefined));
}

/** Where the rubrics (the newest last) read each field: the newest that reads it. */
export function rubricPlaces(rubrics: readonly PlacedRubric[]): (fields: string[]) => Record<string, FieldPlace> {
  return (fields) => {
    const out: Record<string, FieldPlace> = {};
    for (const r of rubrics) {
      if (r.text === undefined) continue;
      Object.assign(out, fieldPlaces(r.label, r.text, r.rubric, fields));
    }
    return out;
  };
}

/** Where the workspace's rubric.yaml reads each field: the file read again only when a field is missing. */
export function workspaceRubricPlaces(root: string, rubric: Rubric): (fields: string[]) => Record<string, FieldPlace> {
  return (fields) => {
    const read = readWorkspaceBytes(root, RUBRIC_FILE);
    return read.kind === 'read' ? fieldPlaces(RUBRIC_FILE, read.bytes.toString('utf8'), rubric, fields) : {};
  };
}
