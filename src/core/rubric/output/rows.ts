/**
 * One scored lead as a line of output, in each format `rubric score` writes. Pure string
 * building; the command streams the lines out.
 */
import { recordWriter } from '../../output/json.js';
import { terminalSafe } from '../../text/terminal.js';
import type { Score } from '../engine/compile.js';

export type RowFormat = 'text' | 'csv' | 'json' | 'ndjson';

const PLAIN_NUMBER = /^-?(?:\d+(?:[.,]\d+)*|\.\d+)(?:e[+-]?\d+)?$/i;

/**
 * A cell a spreadsheet will not run as a formula: a cell starting with = + - @ (or a tab or
 * carriage return, which some spreadsheets skip before one) gets a leading apostrophe.
 * A plain negative number such as -12.5 stays a number: it cannot be a formula, and the
 * scores themselves may be negative.
 */
function safeCell(value: string): string {
  let v = value;
  const c = v.charCodeAt(0);
  if ((c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13) && !(c === 45 && PLAIN_NUMBER.test(v))) v = `'${v}`;
  return quoteCell(v);
}

/** RFC 4180 quoting when the cell holds a delimiter, quote or line break. */
function quoteCell(v: string): string {
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c === 44 || c === 34 || c === 10 || c === 13) return `"${v.replace(/"/g, '""')}"`;
  }
  return v;
}

/**
 * The scored CSV's header: the id column named as the source names it (`id` when line numbers
 * name the leads), the scores, then the kept columns' headers in the source's order.
 */
export function csvHeader(explain: boolean, idName: string | null = null, kept: readonly string[] = []): string {
  const scores = explain ? 'fit,engagement,score,stage,fired' : 'fit,engagement,score,stage';
  return `${[quoteCell(idName ?? 'id'), scores, ...kept.map(quoteCell)].join(',')}\n`;
}

/** A scored lead as a CSV line; `kept` cells follow as the source had them, quoted where CSV needs it. */
export function csvRow(id: string, s: Score, explain: boolean, kept?: readonly string[]): string {
  let line = `${safeCell(id)},${s.fit},${s.engagement},${s.score},${s.stage}`;
  if (explain) line += `,${s.fired.join(';')}`;
  if (kept) for (let i = 0; i < kept.length; i++) line += `,${quoteCell(kept[i]!)}`;
  return `${line}\n`;
}

/** A lead as a record of the JSON output: an item of `leads` in --format json, a line of ndjson. */
/** The keys of a lead in `rubric score --format json` (its `leads`) and of each `ndjson` line. */
const LEAD_KEYS = ['id', 'line', 'fit', 'engagement', 'score', 'stage'];

/**
 * Writes a scored lead as one line of JSON: with `explain`, the criteria that fired too; with
 * kept columns (`--keep`), `columns`: each kept header → its cell as the source had it.
 */
export function leadJson(explain: boolean, keptHeaders: readonly string[] = []): (id: string, line: number, s: Score, kept?: readonly string[]) => string {
  const keys = [...LEAD_KEYS, ...(explain ? ['fired'] : []), ...(keptHeaders.length ? ['columns'] : [])];
  const write = recordWriter(keys);
  const columns = (kept: readonly string[] | undefined): Record<string, string> => {
    const out: Record<string, string> = {};
    for (let i = 0; i < keptHeaders.length; i++) Object.defineProperty(out, keptHeaders[i]!, { value: kept?.[i] ?? '', enumerable: true });
    return out;
  };
  if (!explain && !keptHeaders.length) return (id, line, s) => write([id, line, s.fit, s.engagement, s.score, s.stage]);
  if (!keptHeaders.length) return (id, line, s) => write([id, line, s.fit, s.engagement, s.score, s.stage, s.fired]);
  if (!explain) return (id, line, s, kept) => write([id, line, s.fit, s.engagement, s.score, s.stage, columns(kept)]);
  return (id, line, s, kept) => write([id, line, s.fit, s.engagement, s.score, s.stage, s.fired, columns(kept)]);
}

const TABLE_ID_WIDTH = 24;

export function tableHeader(): string {
  return `${'id'.padEnd(TABLE_ID_WIDTH)} ${'fit'.padStart(7)} ${'engagement'.padStart(10)} ${'score'.padStart(7)}  stage\n`;
}

/** A lead's id is the CSV's: made safe for the terminal (an embedded newline would also break the table's lines), then cut to its column. */
export function tableRow(id: string, s: Score): string {
  const safe = terminalSafe(id);
  const shown = safe.length > TABLE_ID_WIDTH ? `${safe.slice(0, TABLE_ID_WIDTH - 1)}…` : safe;
  return `${shown.padEnd(TABLE_ID_WIDTH)} ${String(s.fit).padStart(7)} ${String(s.engagement).padStart(10)} ${String(s.score).padStart(7)}  ${s.stage}\n`;
}

export interface ExplainCriterion {
  id: string;
  dimension: string;
  points: number;
  gate: boolean;
  why?: string;
}

/** The lines under a lead in the table with --explain: each fired criterion, and what a cap removed. */
export function tableExplain(s: Score, byId: Map<string, ExplainCriterion>, caps: { fit?: number; engagement?: number }): string {
  let out = '';
  const raw = { fit: 0, engagement: 0 };
  for (const id of s.fired) {
    const c = byId.get(id);
    if (!c) continue;
    const what = c.gate ? 'gate: disqualifies' : `${c.points >= 0 ? '+' : ''}${c.points} ${c.dimension}`;
    out += `    ${terminalSafe(id)} (${what})${c.why ? ` — ${terminalSafe(c.why)}` : ''}\n`;
    if (!c.gate || c.points) raw[c.dimension as 'fit' | 'engagement'] += c.points;
  }
  for (const d of ['fit', 'engagement'] as const) {
    const max = caps[d];
    if (max !== undefined && raw[d] > max) out += `    cap: ${d} ${Math.round(raw[d] * 1e6) / 1e6} capped at ${max}\n`;
  }
  if (s.fired.length === 0) out += '    no criterion fired\n';
  return out;
}
