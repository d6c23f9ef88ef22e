import { isCollection, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { Problem } from '../errors.js';
import type { DataPath, PathProblem } from './issues.js';

/** Past this many alias expansions a file is treated as an attack ("billion laughs"). */
export const MAX_ALIASES = 100;

/**
 * How `yaml` reads workspace files: the YAML 1.2 core schema named outright, so that a `%YAML 1.1`
 * directive cannot switch a file to 1.1 scalars (`0b101`, `yes`, `1_000`) that the fast reader,
 * and the rest of align, read as text.
 */
export const YAML_OPTIONS = { schema: 'core', uniqueKeys: true, strict: true, prettyErrors: false } as const;

export interface ParsedDocument {
  doc: Document;
  lines: LineCounter;
  problems: Problem[];
}

/** The full parse: every syntax problem with its position, and a document to locate data paths in. */
export function parseWithPositions(file: string, text: string): ParsedDocument {
  const lines = new LineCounter();
  const doc = parseDocument(text, { ...YAML_OPTIONS, lineCounter: lines });
  const problems: Problem[] = [];
  for (const err of [...doc.errors, ...doc.warnings]) {
    const pos = lines.linePos(err.pos[0]);
    problems.push({
      file,
      line: pos.line,
      col: pos.col,
      message: cleanYamlMessage(err.message),
      hint: hintFor(err.code),
      severity: doc.errors.includes(err as never) ? 'error' : 'warning',
    });
  }
  return { doc, lines, problems: problems.filter((p) => p.severity === 'error') };
}

/** Each data-path problem placed on the node it is about, or the nearest existing parent. */
export function locateProblems(file: string, parsed: ParsedDocument, found: PathProblem[]): Problem[] {
  return found.map((p) => {
    const offset = offsetOf(parsed.doc, p.path, p.atKey);
    const pos = parsed.lines.linePos(offset);
    return { file, line: pos.line, col: pos.col, message: withPath(p), hint: p.hint, severity: p.severity };
  });
}

function withPath(p: PathProblem): string {
  const path = p.atKey ? p.path.slice(0, -1) : p.path;
  return path.length ? `${formatPath(path)}: ${p.message}` : p.message;
}

export function formatPath(path: DataPath): string {
  return path.reduce<string>((s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${k}` : k), '');
}

function offsetOf(doc: Document, path: DataPath, atKey = false): number {
  let node: unknown = doc.contents;
  let offset = rangeStart(node) ?? 0;
  for (const [i, key] of path.entries()) {
    if (isMap(node)) {
      const pair = node.items.find((it) => isPair(it) && isScalar(it.key) && String(it.key.value) === String(key));
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
