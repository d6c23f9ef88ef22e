import { Composer, type CST, type Document, Lexer, type LineCounter, Parser, YAMLParseError } from 'yaml';
import { type LimitKind, MAX_DEPTH, MAX_ITEMS, MAX_KEYS } from './limits.js';

/** Where a document first passes a limit of limits.ts, as an offset in its text. */
export interface LimitHit {
  kind: LimitKind;
  offset: number;
}

type Collection = CST.BlockMap | CST.BlockSequence | CST.FlowCollection;
type Item = Collection['items'][number];

/**
 * `yaml`'s parse, stopped where the text passes a limit. `parseDocument` builds the whole syntax
 * tree before it looks at it, and then composes it recursively: a long line of `[` costs seconds
 * and then the stack. Here the lexer and parser run a token at a time, and after each token the
 * collections still open are measured: how deeply they nest, and how many entries each holds.
 * Only a text within the limits is composed, with the options given (those of `parseDocument`).
 */
export function parseBounded(text: string, lines: LineCounter, options: ConstructorParameters<typeof Composer>[0]): { ok: true; doc: Document.Parsed } | { ok: false; hit: LimitHit } {
  const parser = new Parser(lines.addNewLine);
  lines.addNewLine(0); // as Parser.parse does for a text that starts at offset 0
  const composer = new Composer(options);
  const docs: Document.Parsed[] = [];
  const counts = new WeakMap<Collection, Count>();
  const take = (tokens: Iterable<CST.Token>) => {
    for (const token of tokens) docs.push(...composer.next(token));
  };
  for (const lexeme of new Lexer().lex(text)) {
    take(parser.next(lexeme));
    const hit = overLimit(parser.stack, counts);
    if (hit) return { ok: false, hit };
  }
  take(parser.end());
  docs.push(...composer.end(true, text.length));
  const [doc, second] = docs as [Document.Parsed, ...Document.Parsed[]];
  // One document per file, as parseDocument has it.
  if (second) doc.errors.push(new YAMLParseError([second.range[0], second.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents'));
  return { ok: true, doc };
}

/** How far the entries of a collection still open have been counted. */
interface Count {
  seen: number;
  entries: number;
}

function isCollection(t: CST.Token): t is Collection {
  return t.type === 'block-map' || t.type === 'block-seq' || t.type === 'flow-collection';
}

/** The first limit the open collections pass: the stack holds them outermost first, each the child of the one before. */
function overLimit(stack: CST.Token[], counts: WeakMap<Collection, Count>): LimitHit | null {
  let depth = 0;
  for (const token of stack) {
    if (!isCollection(token)) continue;
    if (++depth > MAX_DEPTH) return { kind: 'depth', offset: token.offset };
    const mapping = token.type === 'block-map' || (token.type === 'flow-collection' && token.start.source === '{');
    const max = mapping ? MAX_KEYS : MAX_ITEMS;
    // Most collections are far below their limit: only then are their entries counted.
    if (token.items.length <= max) continue;
    const offset = entryPast(token, max, counts);
    if (offset !== null) return { kind: mapping ? 'keys' : 'items', offset };
  }
  return null;
}

/**
 * The offset of the entry after the first `max`, once it is there. Entries are counted once each,
 * as they come; an item that is not yet an entry (a comma not yet followed by a value) is looked
 * at again after the next token, and one that never becomes one (a trailing comma or comment) is
 * no entry.
 */
function entryPast(c: Collection, max: number, counts: WeakMap<Collection, Count>): number | null {
  const count = counts.get(c) ?? { seen: 0, entries: 0 };
  counts.set(c, count);
  for (; count.seen < c.items.length; count.seen++) {
    const item = c.items[count.seen]!;
    if (!isEntry(item)) {
      if (count.seen === c.items.length - 1) break;
      continue;
    }
    if (++count.entries > max) return offsetOf(item);
  }
  return null;
}

function isEntry(item: Item): boolean {
  return item.key !== undefined || item.sep !== undefined || item.value !== undefined || item.start.some(isIndicator);
}

const isIndicator = (t: CST.SourceToken) => t.type === 'seq-item-ind' || t.type === 'explicit-key-ind';

/** Where an entry starts: its dash or `?`, else its key, else its value. */
function offsetOf(item: Item): number {
  return (item.start.find(isIndicator) ?? item.key ?? item.value ?? item.sep?.[0] ?? item.start[0])?.offset ?? 0;
}
