/**
 * Which column of a CSV of leads each rubric field, the id and the carried columns come from:
 * decided once, from the header row, by resolveLeadColumns. What it returns is plain data
 * (numbers, strings, arrays), so a worker scoring part of the file can be handed it as is,
 * and a row is then read by index only: nothing is matched per row.
 *
 * A field finds its column through the names the column map gives it (in order, its own name
 * last), else by its own name. A name finds the header written exactly so, else the one header
 * equal to it once both are normalised (normalizeHeader: case folded; spaces, `_`, `-`, `.`
 * ignored); two such headers are ambiguous and an error naming both.
 */
import { InputError, type Problem } from '../errors.js';
import { nearest } from '../text/closest.js';

/** A rubric field → the header names its column may have, in order of preference. */
export type ColumnMap = Record<string, string[]>;

/** Where a field is read in the rubric, for messages. */
export interface FieldPlace {
  file: string;
  line?: number;
  col?: number;
}

/** The ids a CSV's lead names are looked for under, when --id-column does not say. */
export const ID_COLUMNS = ['id', 'lead_id', 'Lead ID', 'Record ID', 'Id', 'email'] as const;

/** How many headers a missing field's message offers. */
const OFFERED = 3;

export interface ColumnRequest {
  /** How the CSV is named in messages. */
  label: string;
  /** Every field the rubrics of the pass read. */
  fields: readonly string[];
  /** Field → header names (rubric.yaml `columns:`, --crm, --columns). */
  map?: ColumnMap;
  /** --id-column: a header; null: line numbers; undefined: the first of `idNames`, then ID_COLUMNS, found. */
  idColumn?: string | null;
  /** Id headers tried before ID_COLUMNS (a CRM's own). */
  idNames?: readonly string[];
  /** --keep: headers carried through to the output, or every column. */
  keep?: readonly string[] | 'all';
  /** More columns whose cells the caller reads (e.g. --outcome), in this order. */
  extra?: readonly string[];
  /** Where the rubric reads each field, asked only when fields are missing. */
  places?: (fields: string[]) => Record<string, FieldPlace>;
}

/** The resolved columns of a CSV: structured-cloneable, resolved once per file. */
export interface LeadColumns {
  /** The header row, as the file writes it. */
  header: string[];
  /** Field → column index. */
  fields: Record<string, number>;
  /** The id column and its header as the file writes it; null: line numbers name the leads. */
  id: { column: number; name: string } | null;
  /** Columns carried through (--keep), in the file's order. */
  keep: number[];
  /** The columns of `extra`, in its order. */
  extra: number[];
  /** Every column a row must have sliced: fields, id, keep and extra. */
  read: number[];
}

/** A header as matching sees it: case folded, without spaces, `_`, `-` and `.`. */
export function normalizeHeader(name: string): string {
  return name.toLowerCase().replace(/[\s_.-]+/g, '');
}

type Found = { column: number } | { ambiguous: number[] } | null;

/** The header index of the first of `names` found (exactly, else normalised); two normalised matches of one name are ambiguous. */
function find(names: readonly string[], header: readonly string[], normal: readonly string[]): Found {
  for (const name of names) {
    const exact = header.indexOf(name);
    if (exact >= 0) return { column: exact };
    const key = normalizeHeader(name);
    if (key === '') continue;
    const hits: number[] = [];
    for (let i = 0; i < normal.length; i++) if (normal[i] === key) hits.push(i);
    if (hits.length === 1) return { column: hits[0]! };
    if (hits.length > 1) return { ambiguous: hits };
  }
  return null;
}

/** Names as messages quote them; a header of megabytes is cut, never printed whole. */
const quoted = (names: readonly string[]) => names.map((n) => JSON.stringify(n.length > 256 ? `${n.slice(0, 255)}…` : n)).join(', ');

export function resolveLeadColumns(header: readonly string[], req: ColumnRequest): LeadColumns {
  const normal = header.map(normalizeHeader);
  const { label } = req;
  const ambiguous: Problem[] = [];
  const ambiguity = (what: string, hits: number[], hint: string) =>
    ambiguous.push({ file: label, line: 1, col: 1, message: `${what} matches more than one column: ${quoted(hits.map((i) => header[i]!))}`, hint });

  const fields: Record<string, number> = {};
  const missing: string[] = [];
  for (const field of req.fields) {
    const mapped = req.map && Object.hasOwn(req.map, field) ? req.map[field]! : [];
    const found = find([...mapped, field], header, normal);
    if (found === null) missing.push(field);
    else if ('ambiguous' in found) ambiguity(`the field "${field}"`, found.ambiguous, `name its column in rubric.yaml's columns: (${field}: [${JSON.stringify(header[found.ambiguous[0]!])}]), or with --columns FILE`);
    else Object.defineProperty(fields, field, { value: found.column, enumerable: true, writable: true, configurable: true });
  }

  let id: LeadColumns['id'] = null;
  const problems: Problem[] = [];
  if (typeof req.idColumn === 'string') {
    const found = find([req.idColumn], header, normal);
    if (found === null) problems.push(notAColumn(label, 'the id column', req.idColumn, header, 'name the column that identifies each lead with --id-column, as the header writes it'));
    else if ('ambiguous' in found) ambiguity(`--id-column "${req.idColumn}"`, found.ambiguous, 'give --id-column exactly as the header writes it');
    else id = { column: found.column, name: header[found.column]! };
  } else if (req.idColumn === undefined) {
    for (const name of [...(req.idNames ?? []), ...ID_COLUMNS]) {
      const found = find([name], header, normal);
      if (found === null) continue;
      if ('ambiguous' in found) ambiguity(`the id column "${name}"`, found.ambiguous, 'say which with --id-column');
      else id = { column: found.column, name: header[found.column]! };
      break;
    }
  }

  const columnsOf = (names: readonly string[], what: string, hint: string): number[] => {
    const out: number[] = [];
    for (const name of names) {
      const found = find([name], header, normal);
      if (found === null) problems.push(notAColumn(label, what, name, header, hint));
      else if ('ambiguous' in found) ambiguity(`${what} "${name}"`, found.ambiguous, 'write it exactly as the header does');
      else out.push(found.column);
    }
    return out;
  };
  const extra = columnsOf(req.extra ?? [], 'the column', 'name a column as the header writes it');
  const keepAsked = req.keep === 'all' ? header.map((_, i) => i) : columnsOf(req.keep ?? [], 'the --keep column', 'list columns of the header with --keep, separated by commas, or --keep all');
  const keep = [...new Set(keepAsked)].filter((c) => c !== id?.column).sort((a, b) => a - b);

  if (missing.length) problems.unshift(...missingFields(req, missing, header));
  problems.push(...ambiguous);
  if (problems.length) throw new InputError(problems, missing.length ? mapHint(missing) : undefined);

  const read = [...new Set([...Object.values(fields), ...(id ? [id.column] : []), ...keep, ...extra])].sort((a, b) => a - b);
  return { header: [...header], fields, id, keep, extra, read };
}

function notAColumn(label: string, what: string, name: string, header: readonly string[], hint: string): Problem {
  const near = nearest(name, header, 1, normalizeHeader);
  return { file: label, line: 1, col: 1, message: `${what} "${name}" is not a column of ${label}${near.length ? `; the closest is ${quoted(near)}` : ''}`, hint };
}

/** One problem per missing field, placed where the rubric reads it, with the headers closest to it. */
function missingFields(req: ColumnRequest, missing: string[], header: readonly string[]): Problem[] {
  const places = req.places?.(missing) ?? {};
  return missing.map((field) => {
    const names = req.map && Object.hasOwn(req.map, field) ? req.map[field]! : [];
    const near = closestHeaders(field, header);
    const looked = names.length ? ` (looked for ${quoted([...names, field])})` : '';
    const place = Object.hasOwn(places, field) ? places[field]! : { file: req.label, line: 1, col: 1 };
    return {
      ...place,
      message: `the rubric reads the field "${field}", but ${req.label} has no column for it${looked}${near.length ? `; the closest headers: ${quoted(near)}` : ''}`,
    };
  });
}

/** The headers most like a field: those whose normalised name holds the field's (`employees` in "Number of Employees") first, then by edit distance. */
function closestHeaders(field: string, header: readonly string[]): string[] {
  const key = normalizeHeader(field);
  // a header longer than a hint can show is never offered (nearest() leaves those out too)
  const holding = key.length >= 3 ? header.filter((h) => h.length <= 256 && normalizeHeader(h).includes(key)).slice(0, OFFERED) : [];
  const rest = header.filter((h) => !holding.includes(h));
  return [...holding, ...nearest(field, rest, OFFERED - holding.length, normalizeHeader)];
}

function mapHint(missing: string[]): string {
  const f = missing[0]!;
  return `map each field to its header in rubric.yaml (columns: { ${f}: ["Header Name"] }), or for one run with --columns FILE; a CRM export reads with --crm hubspot or --crm salesforce`;
}
