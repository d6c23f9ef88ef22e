import { marked, type Token, type Tokens } from 'marked';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { plain, visibleText as visibleIn, walk } from '../helpers/markdown.js';
import type { TempRepo } from '../helpers/workspace.js';
import { buildExportFixture, EXPORT_NOW } from '../fixtures/export/workspace.js';

/**
 * The exported Markdown read back by a real GFM parser (marked): tables keep their shape,
 * user text never becomes HTML, and every goal, decision and open action is in it exactly once.
 */
let repo: TempRepo;
let md: string;
let tokens: Token[];

beforeAll(async () => {
  repo = await buildExportFixture();
  const r = await repo.align(['export'], { env: { ...repo.env, ALIGN_NOW: EXPORT_NOW } });
  expect(r.exitCode, r.stderr).toBe(0);
  md = r.stdout;
  tokens = marked.lexer(md, { gfm: true });
});
afterAll(() => repo?.cleanup());

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
const occurrences = (hay: string, needle: string) => hay.split(needle).length - 1;

/** Cells in a raw table line: split at pipes not escaped by an odd run of backslashes. */
function rawCells(line: string): number {
  let n = 0;
  for (let i = 0; i < line.length; i++) {
    if (line[i] !== '|') continue;
    let slashes = 0;
    for (let j = i - 1; j >= 0 && line[j] === '\\'; j--) slashes++;
    if (slashes % 2 === 0) n++;
  }
  return n - 1; // leading and trailing pipes
}

function workspace() {
  const goals = parse(repo.read('goals.yaml')).goals as { title: string }[];
  const ids = ['2026-10-06-kickoff', '2026-10-20-lead-definition', '2026-11-10-sync'];
  const sessions = ids.map((id) => parse(repo.read(`sessions/${id}.yaml`)));
  const closed = new Set(sessions.flatMap((s) => (s.action_reviews ?? []).filter((r: { status: string }) => r.status !== 'open').map((r: { session: string; action: string }) => `${r.session}/${r.action}`)));
  const actions = sessions.flatMap((s) => (s.actions ?? []).map((a: { id: string; title: string }) => ({ key: `${s.id}/${a.id}`, title: a.title })));
  return {
    goals,
    decisions: sessions.flatMap((s) => s.decisions ?? []) as string[],
    open: actions.filter((a) => !closed.has(a.key)),
    stages: parse(repo.read('rubric.yaml')).stages as unknown[],
  };
}

describe('exported Markdown read by a GFM parser', () => {
  it('has no raw HTML anywhere, block or inline', () => {
    const html = [...walk(tokens)].filter((t) => t.type === 'html');
    expect(html.map((t) => t.raw)).toEqual([]);
    expect(md).not.toMatch(/(?<!\\)<(script|img|b)\b/i); // present in the workspace, escaped here
  });

  it('keeps every table rectangular: each raw row has the header\'s columns, and the parser agrees', () => {
    const tables = [...walk(tokens)].filter((t): t is Tokens.Table => t.type === 'table');
    expect(tables.length).toBeGreaterThanOrEqual(6);
    for (const t of tables) {
      const width = t.header.length;
      expect(t.align).toHaveLength(width);
      for (const row of t.rows) expect(row).toHaveLength(width);
      const raw = t.raw.trim().split('\n');
      expect(raw).toHaveLength(t.rows.length + 2);
      for (const line of raw) expect(rawCells(line), line).toBe(width);
    }
  });

  it('has one goals row per goal, one stage row per stage, one open-action row per open action', () => {
    const ws = workspace();
    const tables = [...walk(tokens)].filter((t): t is Tokens.Table => t.type === 'table');
    const byHead = (first: string) => tables.filter((t) => plain(t.header[0]!.tokens) === first);
    expect(byHead('Goal')).toHaveLength(1);
    expect(byHead('Goal')[0]!.rows).toHaveLength(ws.goals.length);
    expect(byHead('Goal')[0]!.header).toHaveLength(7);
    expect(byHead('Stage')[0]!.rows).toHaveLength(ws.stages.length);
    const actionRows = byHead('Due').flatMap((t) => t.rows);
    expect(actionRows).toHaveLength(ws.open.length);
    expect(ws.open.length).toBeGreaterThan(2);
  });

  it('shows every goal once in the goals table, every decision and open action exactly once, as the words people typed', () => {
    const ws = workspace();
    const text = visibleIn(tokens);
    // A goal is named again where a session reported on it or changed it, and under the chart.
    const goalTable = [...walk(tokens)].find((t): t is Tokens.Table => t.type === 'table' && plain(t.header[0]!.tokens) === 'Goal')!;
    const titles = goalTable.rows.map((r) => plain(r[0]!.tokens));
    for (const g of ws.goals) expect(titles.filter((t) => t === oneLine(g.title)), g.title).toHaveLength(1);
    for (const d of ws.decisions) expect(occurrences(text, oneLine(d)), d).toBe(1);
    for (const a of ws.open) expect(occurrences(text, oneLine(a.title)), a.title).toBe(1);
  });

  it('leaves hostile text harmless: no stray heading, quote, list item or code span', () => {
    const all = [...walk(tokens)];
    expect(all.filter((t) => t.type === 'blockquote')).toEqual([]);
    expect(all.filter((t) => t.type === 'codespan')).toEqual([]);
    const headings = all.filter((t): t is Tokens.Heading => t.type === 'heading').map((h) => plain(h.tokens));
    expect(headings.filter((h) => /Not a heading/.test(h))).toEqual([]);
    const decisionList = all.find((t): t is Tokens.List => t.type === 'list' && t.items.some((i: Tokens.ListItem) => /Not a heading/.test(plain(i.tokens))));
    expect(decisionList?.items).toHaveLength(3);
  });
});
