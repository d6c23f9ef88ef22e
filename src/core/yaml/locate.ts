import { Document, isCollection, isMap, isPair, isScalar, isSeq, LineCounter, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Problem } from '../errors.js';
import { parseBounded } from './bounded.js';
import type { DataPath, PathProblem } from './issues.js';
import { limitProblem, MAX_PROBLEMS } from './limits.js';

/** Past this many alias expansions a file is treated as an attack ("billion laughs"). */
export const MAX_ALIASES = 100;

/**
 * How `yaml` reads workspace files: the YAML 1.2 core schema named outright, so that a `%YAML 1.1`
 * directive cannot switch a file to 1.1 scalars (`0b101`, `yes`, `1_000`) that the fast reader,
 * and the rest of align, read as text. Its warnings are not printed (a key that is a list would
 * print a Node.js warning on stderr): what is wrong with a file is said by align, with its place.
 */
export const YAML_OPTIONS = { schema: 'core', uniqueKeys: true, strict: true, prettyErrors: false, logLevel: 'error' } as const;

export interface ParsedDocument {
  doc: Document;
  lines: LineCounter;
  problems: Problem[];
  /** Each mapping's pairs by key, made when a problem is first placed in it. */
  keys: WeakMap<YAMLMap, Map<string, Pair>>;
}

/**
 * The full parse: every syntax problem with its position, and a document to locate data paths in.
 * A text past a limit of limits.ts is not composed: that is its one problem, and the document is empty.
 */
export function parseWithPositions(file: string, text: string): ParsedDocument {
  const lines = new LineCounter();
  const keys = new WeakMap<YAMLMap, Map<string, Pair>>();
  const bounded = parseBounded(text, lines, YAML_OPTIONS);
  if (!bounded.ok) return { doc: new Document(), lines, keys, problems: [limitProblem(file, bounded.hit.kind, lines.linePos(bounded.hit.offset))] };
  const { doc, stoppedAt } = bounded;
  const problems: Problem[] = doc.errors.slice(0, MAX_PROBLEMS).map((err) => {
    const pos = lines.linePos(err.pos[0]);
    return { file, line: pos.line, col: pos.col, message: cleanYamlMessage(err.message), hint: hintFor(err.code), severity: 'error' };
  });
  if (stoppedAt !== undefined) {
    const pos = lines.linePos(stoppedAt);
    problems.push({ file, line: pos.line, col: pos.col, message: 'align stopped reading the file here: too many syntax errors', hint: 'fix the first ones; the rest are often what they left behind' });
  } else if (doc.errors.length > MAX_PROBLEMS) {
    problems.push(moreProblems(file, doc.errors.length - MAX_PROBLEMS, true));
  }
  return { doc, lines, keys, problems };
}

/**
 * Each data-path problem placed on the node it is about, or the nearest existing parent. Past
 * MAX_PROBLEMS, the rest are counted in one last problem: a file with a thousand wrong keys
 * needs the first of them fixed, not a thousand lines.
 */
export function locateProblems(file: string, parsed: ParsedDocument, found: PathProblem[]): Problem[] {
  const placed: Problem[] = found.slice(0, MAX_PROBLEMS).map((p) => {
    const offset = offsetOf(parsed, p.path, p.atKey);
    const pos = parsed.lines.linePos(offset);
    return { file, line: pos.line, col: pos.col, message: withPath(p), hint: p.hint, severity: p.severity };
  });
  const rest = found.slice(MAX_PROBLEMS);
  if (rest.length) placed.push(moreProblems(file, rest.length, rest.some((p) => p.severity !== 'warning')));
  return placed;
}

function moreProblems(file: string, count: number, errors: boolean): Problem {
  return {
    file,
    message: `and ${count} more problem${count === 1 ? '' : 's'} in this file, not listed`,
    hint: `align lists the first ${MAX_PROBLEMS} problems of a file; fix those and run it again`,
    ...(errors ? {} : { severity: 'warning' as const }),
  };
}

function withPath(p: PathProblem): string {
  const path = p.atKey ? p.path.slice(0, -1) : p.path;
  return path.length ? `${formatPath(path)}: ${p.message}` : p.message;
}

export function formatPath(path: DataPath): string {
  return path.reduce<string>((s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${k}` : k), '');
}

function offsetOf(parsed: ParsedDocument, path: DataPath, atKey = false): number {
  let node: unknown = parsed.doc.contents;
  let offset = rangeStart(node) ?? 0;
  for (const [i, key] of path.entries()) {
    if (isMap(node)) {
      const pair = pairsByKey(parsed, node).get(String(key));
      if (!pair) break;
      if (atKey && i === path.length - 1) return rangeStart(pair.key) ?? offset;
      // Point at the value when there is one, else at the key that lacks it.
      offset = rangeStart(pair.value) ?? rangeStart(pair.key) ?? offset;
      node = pair.value;
      if (!node) {
        offset = rangeStart(pair.key) ?? offset;
        break;
      }
    } else if (isSeq(node) && typeof key === 'number') {
      const item = node.items[key];
      if (item === undefined) break;
      offset = rangeStart(item) ?? offset;
      node = item;
    } else {
      break;
    }
  }
  return offset;
}

/** A mapping's pairs by key, the first of each: found once, not searched again for every problem. */
function pairsByKey(parsed: ParsedDocument, map: YAMLMap): Map<string, Pair> {
  let byKey = parsed.keys.get(map);
  if (!byKey) {
    byKey = new Map();
    for (const it of map.items) {
      if (!isPair(it) || !isScalar(it.key)) continue;
      const key = String(it.key.value);
      if (!byKey.has(key)) byKey.set(key, it);
    }
    parsed.keys.set(map, byKey);
  }
  return byKey;
}

function rangeStart(node: unknown): number | undefined {
  if (node && (isCollection(node) || isScalar(node))) return (node as Node).range?.[0];
  if (node && typeof node === 'object' && 'range' in node) return (node as Node).range?.[0];
  return undefined;
}

function cleanYamlMessage(message: string): string {
  return message.replace(/ at line \d+, column \d+.*$/s, '').replace(/\s+/g, ' ').trim();
}

function hintFor(code: string): string | undefined {
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'each key may appear once in a mapping; remove or rename one';
    case 'TAB_AS_INDENT':
      return 'indent with spaces, not tabs';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
    case 'UNEXPECTED_TOKEN':
      return 'check the indentation and punctuation on this line and the one above';
    case 'RESOURCE_EXHAUSTION':
      return `aliases may expand at most ${MAX_ALIASES} times; write the values out`;
    case 'BAD_ALIAS':
      return 'an alias (*name) must refer to an anchor (&name) defined before it';
    default:
      return undefined;
  }
}
