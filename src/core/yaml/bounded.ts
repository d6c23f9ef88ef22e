import { Composer, CST, type Document, Lexer, type LineCounter, Parser, YAMLParseError } from 'yaml';
import { type LimitKind, MAX_DEPTH, MAX_ITEMS, MAX_KEYS, MAX_MARKS, MAX_PROBLEMS } from './limits.js';

/** Where a document first passes a limit of limits.ts, as an offset in its text. */
interface LimitHit {
  kind: LimitKind;
  offset: number;
}

type Collection = CST.BlockMap | CST.BlockSequence | CST.FlowCollection;
type Item = Collection['items'][number];

/** The document, and where reading stopped early for a flood of syntax errors (none stops it at a second document). */
export type Bounded = { ok: true; doc: Document.Parsed; stoppedAt?: number } | { ok: false; hit: LimitHit };

/**
 * `yaml`'s parse, stopped where the text passes a limit. `parseDocument` builds the whole syntax
 * tree before it looks at it, and then composes it recursively: a long line of `[` costs seconds
 * and then the stack. Here the lexer and parser run a token at a time, and after each token the
 * collections still open are measured: how deeply they nest, and how many entries each holds;
 * anchors, aliases and tags are counted. Only a text within the limits is composed, with the
 * options given (those of `parseDocument`). Reading also stops at a flood of syntax errors, each
 * of which costs `yaml` dearly (a line of `]` or of `,` is one per character): past MAX_PROBLEMS
 * stray tokens, or past MAX_STRAY of them where a node has room for a few (see strayIn); and at a
 * second document.
 */
export function parseBounded(text: string, lines: LineCounter, options: ConstructorParameters<typeof Composer>[0]): Bounded {
  const parser = new Parser(lines.addNewLine);
  lines.addNewLine(0); // as Parser.parse does for a text that starts at offset 0
  const composer = new Composer(options);
  const docs: Document.Parsed[] = [];
  const counts = new WeakMap<object, Count>();
  let errors = 0;
  let marks = 0;
  let scalarNext = false;
  const take = (tokens: Iterable<CST.Token>) => {
    for (const token of tokens) {
      if (token.type === 'error') errors++;
      for (const doc of composer.next(token)) docs.push(doc);
    }
  };
  let stoppedAt: number | undefined;
  for (const lexeme of new Lexer().lex(text)) {
    // The source of a plain or block scalar follows a marker; it may start with any character.
    const type = scalarNext ? 'scalar' : CST.tokenType(lexeme);
    scalarNext = lexeme === CST.SCALAR;
    if ((type === 'anchor' || type === 'alias' || type === 'tag') && ++marks > MAX_MARKS) return { ok: false, hit: { kind: 'marks', offset: parser.offset } };
    take(parser.next(lexeme));
    const hit = overLimit(parser.stack, counts);
    if (hit) return { ok: false, hit };
    const flood = errors > MAX_PROBLEMS || strayFlood(parser.stack, counts);
    if (flood || docs.length > 1) {
      if (flood) stoppedAt = parser.offset;
      break;
    }
  }
  take(parser.end());
  for (const doc of composer.end(true, text.length)) docs.push(doc);
  const [doc, second] = docs as [Document.Parsed, ...Document.Parsed[]];
  // One document per file, as parseDocument has it.
  if (second) doc.errors.push(new YAMLParseError([second.range[0], second.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents'));
  return { ok: true, doc, ...(stoppedAt === undefined ? {} : { stoppedAt }) };
}

/** Tokens a node's lists of them may hold before the text is taken for a flood of errors; a well-formed node has a few. */
const MAX_STRAY = 50;

/**
 * Whether a node still open has gathered more than MAX_STRAY tokens that are neither space nor
 * comment where it has room for a few: before an entry (a dash, `?`, a comma, an anchor, a tag),
 * between a key and its value (the colon, an anchor, a tag), after a value or a flow collection.
 * A stray `,` `:` or quoted text piles up there, and `yaml` makes an error of each.
 */
function strayFlood(stack: CST.Token[], counts: WeakMap<object, Count>): boolean {
  for (const token of stack) {
    for (const list of strayIn(token)) {
      const count = counts.get(list) ?? { seen: 0, entries: 0 };
      counts.set(list, count);
      for (; count.seen < list.length; count.seen++) if (!TRIVIA.has(list[count.seen]!.type)) count.entries++;
      if (count.entries > MAX_STRAY) return true;
    }
  }
  return false;
}

const TRIVIA = new Set(['space', 'newline', 'comment']);

/** The lists of tokens of a node that can still grow: of its last entry for a collection. */
function strayIn(token: CST.Token): CST.SourceToken[][] {
  switch (token.type) {
    case 'document':
      return [token.start];
    case 'block-map':
    case 'block-seq':
    case 'flow-collection': {
      const last = token.items.at(-1);
      const lists = last ? [last.start, ...(last.sep ? [last.sep] : [])] : [];
      return token.type === 'flow-collection' ? [...lists, token.end] : lists;
    }
    case 'alias':
    case 'scalar':
    case 'single-quoted-scalar':
    case 'double-quoted-scalar':
      return token.end ? [token.end] : [];
    case 'block-scalar':
      return [token.props as CST.SourceToken[]];
    default:
      return [];
  }
}

/** How far the entries of a collection, or the stray tokens of a list, have been counted. */
interface Count {
  seen: number;
  entries: number;
}

function isCollection(t: CST.Token): t is Collection {
  return t.type === 'block-map' || t.type === 'block-seq' || t.type === 'flow-collection';
}

/** The first limit the open collections pass: the stack holds them outermost first, each the child of the one before. */
function overLimit(stack: CST.Token[], counts: WeakMap<object, Count>): LimitHit | null {
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
function entryPast(c: Collection, max: number, counts: WeakMap<object, Count>): number | null {
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
