import type { Token, Tokens } from 'marked';

/** Markdown read back by a real GFM parser (marked): its tokens, and the text a reader sees. */

/** Every token in the tree: blocks, list items, table cells and inline tokens. */
export function* walk(list: Token[]): Generator<Token> {
  for (const t of list) {
    yield t;
    const any = t as Token & { tokens?: Token[]; items?: Token[]; header?: Tokens.TableCell[]; rows?: Tokens.TableCell[][] };
    if (any.tokens) yield* walk(any.tokens);
    if (any.items) yield* walk(any.items);
    if (t.type === 'table') for (const c of [...any.header!, ...any.rows!.flat()]) yield* walk(c.tokens);
  }
}

/** What a reader sees: the text of inline tokens, escapes resolved. */
export function plain(list: Token[]): string {
  return list
    .map((t) => {
      const any = t as Token & { tokens?: Token[]; text?: string };
      if (t.type === 'escape' || t.type === 'codespan') return any.text ?? '';
      if (any.tokens) return plain(any.tokens);
      return any.text ?? '';
    })
    .join('');
}

/** Each block's (and table cell's) visible text, one per line. */
export function visibleText(tokens: Token[]): string {
  const lines: string[] = [];
  for (const t of walk(tokens)) {
    if (t.type === 'paragraph' || t.type === 'heading' || t.type === 'code') lines.push(t.type === 'code' ? (t as Tokens.Code).text : plain((t as Tokens.Paragraph).tokens));
    if (t.type === 'list_item') lines.push(plain((t as Tokens.ListItem).tokens));
    if (t.type === 'table') for (const c of [...(t as Tokens.Table).header, ...(t as Tokens.Table).rows.flat()]) lines.push(plain(c.tokens));
  }
  return lines.join('\n');
}
