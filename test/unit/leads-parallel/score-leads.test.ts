// The parallel scorer against the single-threaded one (scoreCsv) on generated files: the
// same leads in the same order with the same lines, scores, fired criteria and extra
// values; the same skipped rows; the same result; the same error. Ranges are made tiny
// (rangeBytes), so that range boundaries fall inside quoted fields holding newlines, next to
// CRLF line ends, empty lines and ragged rows. Needs the build (the worker is dist's).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scoreCsv, type ScoreCsvOptions } from '../../../src/adapters/leads/csv.js';
import { scoreLeads } from '../../../src/adapters/leads/parallel/pool.js';
import { Boundaries } from '../../../src/adapters/leads/parallel/boundaries.js';
import { compileRubric } from '../../../src/core/rubric/engine/compile.js';
import type { Rubric } from '../../../src/core/schemas/rubric.js';

const dir = mkdtempSync(join(tmpdir(), 'align-parallel-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const AS_OF = '2026-11-27';
const A: Rubric = {
  stages: [
    { id: 'mql', min: 10 },
    { id: 'sql', min: 25, require: { fit: 10 } },
  ],
  criteria: [
    { id: 'big', when: { field: 'employees', op: 'gte', value: 200 }, points: 10 },
    { id: 'vp', when: { field: 'title', op: 'matches', value: '\\bvp\\b' }, points: 5 },
    { id: 'nl', dimension: 'engagement', when: { field: 'title', op: 'contains', value: 'line' }, points: 12 },
    { id: 'rival', when: { field: 'note', op: 'contains', value: 'rival' }, disqualify: true },
  ],
};
const B: Rubric = { ...A, stages: [{ id: 'mql', min: 5 }] };

function rng(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
}

/** A leads file with every quirk the reader accepts: a BOM, CRLF and LF, quoted newlines, "" escapes, empty lines, ragged rows. */
function leadsFile(seed: number, rows: number, { bom = true, ragged = true } = {}): string {
  const r = rng(seed);
  const titles = ['VP Sales', '"VP, ""Ops"""', '"multi\nline vp"', '"crlf\r\ninside\r\nline"', 'plain', '""', '"a,b,c"', '"\n"'];
  let text = `${bom ? '\uFEFF' : ''}id,employees,title,note,converted\r\n`;
  for (let n = 1; n <= rows; n++) {
    const eol = r() < 0.5 ? '\r\n' : '\n';
    const emp = r() < 0.1 ? '"1,200"' : String(Math.floor(r() * 400));
    const note = r() < 0.05 ? 'rival' : r() < 0.1 ? '"note\nwith a newline"' : 'x'.repeat(Math.floor(r() * 20));
    text += `L${n},${emp},${titles[Math.floor(r() * titles.length)]},${note},${r() < 0.3 ? 'yes' : 'no'}${eol}`;
    if (r() < 0.05) text += eol; // an empty line
    if (ragged && r() < 0.03) text += `R${n},1${eol}`; // a ragged row
  }
  return text;
}

interface Seen {
  events: unknown[];
  result?: unknown;
  error?: string;
}

const rubrics = [A, B].map((rubric) => ({ source: { rubric, options: { asOf: AS_OF } }, compiled: compileRubric(rubric, { asOf: AS_OF }) }));

/** Everything the scorer tells its caller, in order. */
async function observe(run: (opts: ScoreCsvOptions, onRow: Parameters<typeof scoreCsv>[3]) => Promise<unknown>): Promise<Seen> {
  const events: unknown[] = [];
  const opts: ScoreCsvOptions = { columns: ['converted'], label: 'leads.csv', onSkip: (p) => events.push({ skip: p }) };
  try {
    const result = await run(opts, (id, scores, line, values) => events.push({ id, line, scores: scores.map((s) => ({ ...s, fired: [...s.fired] })), values: [...values] }));
    return { events, result };
  } catch (e) {
    return { events, error: `${(e as Error).constructor.name}: ${(e as Error).message}` };
  }
}

async function compare(path: string, rangeBytes: number, extra: ScoreCsvOptions = {}): Promise<Seen> {
  const one = await observe((opts, onRow) => scoreCsv(path, rubrics.map((r) => r.compiled), { ...opts, ...extra }, onRow));
  let workers = 0;
  const many = await observe(async (opts, onRow) => {
    const { workers: used, ...result } = await scoreLeads(path, rubrics, { ...opts, ...extra, jobs: 2, rangeBytes }, onRow);
    workers = used;
    return result;
  });
  expect(many).toEqual(one);
  // the file was cut: more than one range, on workers
  if (one.error === undefined) expect(workers).toBeGreaterThan(1);
  return one;
}

describe('scoreLeads on worker threads', () => {
  const path = join(dir, 'quirks.csv');
  writeFileSync(path, leadsFile(1, 250));

  it.each([1, 200])('gives what one thread gives, ranges of %i bytes', async (rangeBytes) => {
    const seen = await compare(path, rangeBytes);
    expect(seen.events.filter((e) => (e as { skip?: unknown }).skip).length).toBeGreaterThan(0);
    expect(seen.events.length).toBeGreaterThan(250);
  });

  it('cuts ranges only where a record ends, never inside a quoted newline', () => {
    const text = leadsFile(2, 200);
    const file = join(dir, 'cuts.csv');
    writeFileSync(file, text);
    const bytes = Buffer.from(text);
    const b = new Boundaries(file, bytes.length);
    let quotedCutsSkipped = 0;
    try {
      for (let at = 0, next = b.after(0); next < bytes.length; next = b.after(next + 13)) {
        // before a cut: an even number of quotes, and a line feed
        let quotes = 0;
        for (let i = 0; i < next; i++) if (bytes[i] === 0x22) quotes++;
        expect(quotes % 2).toBe(0);
        expect(bytes[next - 1]).toBe(0x0a);
        // a line feed inside quotes lay between the nominal point and the cut
        if (bytes.subarray(at, next - 1).includes(0x0a)) quotedCutsSkipped++;
        at = next;
      }
    } finally {
      b.close();
    }
    expect(quotedCutsSkipped).toBeGreaterThan(0);
  });

  it('without a BOM or ragged rows, and with the id from the line number', async () => {
    const file = join(dir, 'plain.csv');
    writeFileSync(file, leadsFile(3, 150, { bom: false, ragged: false }));
    await compare(file, 300, { idColumn: null });
  });

  it('fails as one thread does: --strict on a ragged row, with its line', async () => {
    const seen = await compare(path, 300, { strict: true });
    expect(seen.error).toMatch(/^InputError: leads\.csv:\d+:1: this row has 2 cells/);
  });

  it('fails as one thread does: a quote never closed, after the leads before it', async () => {
    const file = join(dir, 'open-quote.csv');
    writeFileSync(file, `${leadsFile(4, 150)}L999,5,"never closed,x,no\nL1000,1,a,b,no\n`);
    const seen = await compare(file, 300);
    expect(seen.error).toMatch(/a quote opened here is never closed/);
    expect(seen.events.length).toBeGreaterThan(100);
  });

  it('stays on one thread for --jobs 1', async () => {
    const r = await scoreLeads(path, rubrics, { jobs: 1, rangeBytes: 64 }, () => {});
    expect(r.workers).toBe(0);
  });
});
