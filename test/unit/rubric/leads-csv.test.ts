// The CSV splitter against csv-parse reading the whole file: same records, same cells,
// same scores, across chunk boundaries (64 KB), with quoted runs, CRLF, empty lines, and
// records longer than a chunk.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { scoreCsv } from '../../../src/adapters/leads/csv.js';
import { compileRubric } from '../../../src/core/rubric/engine/compile.js';
import { InputError } from '../../../src/core/errors.js';
import type { Rubric } from '../../../src/core/schemas/rubric.js';

const dir = mkdtempSync(join(tmpdir(), 'align-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const rubric: Rubric = {
  stages: [{ id: 'mql', min: 10 }],
  criteria: [
    { id: 'big', when: { field: 'employees', op: 'gte', value: 200 }, points: 10 },
    { id: 'vp', when: { field: 'title', op: 'matches', value: '\\bvp\\b' }, points: 5 },
    { id: 'nl', when: { field: 'title', op: 'contains', value: 'line' }, points: 1 },
  ],
};

function rng(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
}

describe('scoreCsv', () => {
  it('reads what csv-parse reads, across chunk boundaries', async () => {
    const r = rng(7);
    const titles = ['VP Sales', '"VP, ""Ops"""', '"multi\nline vp"', '"crlf\r\ninside"', 'plain', '""', '"a,b,c"'];
    let text = '\uFEFFid,employees,title,note\r\n';
    let n = 0;
    while (text.length < 2.5 * (1 << 20)) {
      n++;
      const eol = r() < 0.5 ? '\r\n' : '\n';
      const emp = r() < 0.1 ? '"1,200"' : String(Math.floor(r() * 400));
      text += `L${n},${emp},${titles[Math.floor(r() * titles.length)]},${'x'.repeat(Math.floor(r() * 60))}${eol}`;
      if (r() < 0.01) text += eol; // an empty line
      if (n === 500) text += `big1,300,"${'vp\n'.repeat(50_000)}",x\n`; // a quoted cell of 150 KB
      if (n === 900) text += `big2,300,plain,${'y'.repeat(100_000)}\n`; // a quote-free line of 100 KB
    }
    const path = join(dir, 'big.csv');
    writeFileSync(path, text);

    const want = (parse(text, { bom: true, columns: true, skip_empty_lines: true, record_delimiter: ['\r\n', '\n'] }) as Record<string, string>[]).map((rec) => ({ id: rec.id!, ...compiledScore(rec) }));
    const got: { id: string; fit: number; fired: string[] }[] = [];
    const compiled = compileRubric(rubric, { asOf: '2026-11-27' });
    const res = await scoreCsv(path, [compiled], {}, (id, [s]) => got.push({ id, fit: s!.fit, fired: [...s!.fired] }));
    expect(res.rows).toBe(n + 2);
    expect(res.skipped).toBe(0);
    expect(got).toEqual(want);

    function compiledScore(rec: Record<string, string>) {
      const s = compileRubric(rubric, { asOf: '2026-11-27' }).score(rec);
      return { fit: s.fit, fired: s.fired };
    }
  });

  it('gives each record the line it starts on, and skips ragged rows with theirs', async () => {
    const path = join(dir, 'lines.csv');
    writeFileSync(path, 'id,employees,title\n1,300,"two\nlines"\n\n2,5\n3,400,x,extra\n4,1,"a ""q"""\n');
    const lines: number[] = [];
    const skipped: number[] = [];
    const compiled = compileRubric(rubric, { asOf: '2026-11-27' });
    await scoreCsv(path, [compiled], { onSkip: (p) => skipped.push(p.line!) }, (_id, _s, line) => lines.push(line));
    expect(lines).toEqual([2, 7]);
    expect(skipped).toEqual([5, 6]);
  });

  it('takes a tab delimiter', async () => {
    const path = join(dir, 'tab.tsv');
    writeFileSync(path, 'id\temployees\ttitle\nA\t250\tVP\n');
    const compiled = compileRubric(rubric, { asOf: '2026-11-27' });
    const ids: string[] = [];
    await scoreCsv(path, [compiled], { delimiter: '\t' }, (id, [s]) => ids.push(`${id}:${s!.score}`));
    expect(ids).toEqual(['A:15']);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties: generated CSVs, read with reads cut at every possible place (chunkBytes), give
// what csv-parse gives reading the whole text: the same records, cells and line numbers.

/** Every cell of every row (the rubric reads none), with the line each record starts on. */
async function readAll(path: string, opts: { delimiter: string; chunkBytes?: number; maxLineBytes?: number; columns?: string[] }) {
  const rows: { line: number; cells: string[] }[] = [];
  const skipped: number[] = [];
  try {
    const res = await scoreCsv(path, [compileRubric({ stages: [{ id: 's', min: 0 }], criteria: [] }, { asOf: '2026-11-27' })], { ...opts, idColumn: null, onSkip: (p) => skipped.push(p.line!) }, (_id, _s, line, values) => rows.push({ line, cells: [...values] }));
    return { header: res.header, rows, skipped };
  } catch (e) {
    if (!(e instanceof InputError)) throw e; // anything else is a bug
    return { error: e.message };
  }
}

/**
 * csv-parse on the whole text: the header, then rows as wide as it and the lines of the others.
 * The line each record starts on comes from the generator, which counts line feeds as align and
 * editors do: csv-parse's info.lines also counts a CR inside a quoted cell as a line.
 */
function reference(text: string, delimiter: string, lines: number[]) {
  const [head, ...rest] = (parse(text, { bom: true, delimiter, relax_column_count: true, skip_empty_lines: true, record_delimiter: ['\r\n', '\n'] }) as string[][]).map((cells, k) => ({ cells, line: lines[k]! }));
  if (!head) return { error: 'empty' };
  return {
    header: head.cells,
    rows: rest.filter((r) => r.cells.length === head.cells.length),
    skipped: rest.filter((r) => r.cells.length !== head.cells.length).map((r) => r.line),
  };
}

const ALPHABET = ['a', 'Z', '7', ' ', 'é', '日', '😀', ',', ';', '\t', '"', '\r', '\n', '\r\n'];
const delimiterArb = fc.constantFrom(',', ';', '\t', '|');
const valueArb = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 8 }).map((cs) => cs.join(''));

/** A cell as a CSV writer would write it: quoted when it must be, sometimes when it need not. */
const cellText = (value: string, delimiter: string, quote: boolean) =>
  quote || value.includes(delimiter) || /["\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;

interface Generated {
  text: string;
  delimiter: string;
  header: string[];
  /** Each record's bytes up to the line feed that ends it, and the line it starts on (empty lines included). */
  records: { bytes: number; line: number; empty: boolean }[];
}

/** A valid CSV: a header of distinct names, rows (some ragged), empty lines, CRLF or LF, a BOM or not. */
const csvArb: fc.Arbitrary<Generated> = fc
  .record({
    delimiter: delimiterArb,
    width: fc.integer({ min: 1, max: 5 }),
    bom: fc.boolean(),
    finalEol: fc.boolean(),
    rows: fc.array(
      fc.record({
        empty: fc.constantFrom(false, false, false, false, true),
        ragged: fc.integer({ min: -2, max: 6 }),
        values: fc.array(fc.tuple(valueArb, fc.boolean()), { minLength: 9, maxLength: 9 }),
        eol: fc.constantFrom('\n', '\r\n'),
      }),
      { maxLength: 12 },
    ),
    headerQuoted: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
  })
  .map(({ delimiter, width, bom, finalEol, rows, headerQuoted }) => {
    const header = Array.from({ length: width }, (_, k) => `col ${k}${k % 2 ? ' "é"' : ''}`);
    const lines: { text: string; eol: string; record: boolean }[] = [{ text: header.map((h, k) => cellText(h, delimiter, headerQuoted[k]!)).join(delimiter), eol: '\n', record: true }];
    for (const r of rows) {
      if (r.empty) lines.push({ text: '', eol: r.eol, record: false });
      else {
        const n = r.ragged >= 4 ? Math.max(1, width + r.ragged - 5) : width; // mostly full width
        lines.push({ text: r.values.slice(0, n).map(([v, q]) => cellText(v, delimiter, q)).join(delimiter), eol: r.eol, record: true });
      }
    }
    if (!finalEol) lines[lines.length - 1]!.eol = '';
    let line = 1;
    const records: Generated['records'] = [];
    lines.forEach((l, k) => {
      const bytes = Buffer.byteLength(l.text) + (l.eol === '\r\n' ? 1 : 0) + (k === 0 && bom ? 3 : 0);
      records.push({ bytes, line, empty: l.text === '' });
      line += (l.text + l.eol).split('\n').length - 1;
    });
    const text = (bom ? '\uFEFF' : '') + lines.map((l) => l.text + l.eol).join('');
    return { text, delimiter, header, records };
  });

/** The lines csv-parse's records start on: empty lines are no records. */
const starts = (g: Generated) => g.records.filter((r) => !r.empty).map((r) => r.line);

let caseNo = 0;
const write = (text: string) => {
  const path = join(dir, `case-${caseNo++}.csv`);
  writeFileSync(path, text);
  return path;
};

describe('scoreCsv against csv-parse, on generated CSVs', () => {
  it('reads the same records, cells and lines, wherever the reads end', async () => {
    await fc.assert(
      fc.asyncProperty(csvArb, fc.integer({ min: 1, max: 48 }), async (g, chunkBytes) => {
        const path = write(g.text);
        const want = reference(g.text, g.delimiter, starts(g));
        expect(want.header).toEqual(g.header); // the generator writes what it means
        expect(await readAll(path, { delimiter: g.delimiter, columns: g.header, chunkBytes })).toEqual(want);
        expect(await readAll(path, { delimiter: g.delimiter, columns: g.header })).toEqual(want);
      }),
      { numRuns: 150 },
    );
  });

  it('refuses the first record longer than --max-line-bytes, at the line it starts on, and reads the rest as csv-parse does', async () => {
    await fc.assert(
      fc.asyncProperty(csvArb, fc.integer({ min: 1, max: 48 }), fc.integer({ min: 1, max: 120 }), async (g, chunkBytes, maxLineBytes) => {
        const path = write(g.text);
        const tooLong = g.records.find((r) => r.bytes > maxLineBytes);
        const got = await readAll(path, { delimiter: g.delimiter, columns: g.header, chunkBytes, maxLineBytes });
        if (tooLong) expect(got).toEqual({ error: expect.stringMatching(new RegExp(`case-\\d+\\.csv:${tooLong.line}:1: a record longer than ${maxLineBytes} bytes? starts on this line \\(--max-line-bytes\\)`)) });
        else expect(got).toEqual(reference(g.text, g.delimiter, starts(g)));
      }),
      { numRuns: 150 },
    );
  });

  it('on any text: the same outcome wherever the reads end, an InputError when csv-parse refuses it, csv-parse\'s records when it does not', async () => {
    const text = fc.array(fc.constantFrom('a', 'b', ',', '"', '"', '\n', '\r', '\r\n', ' ', 'é'), { maxLength: 60 }).map((cs) => cs.join(''));
    await fc.assert(
      fc.asyncProperty(text, fc.integer({ min: 1, max: 16 }), async (t, chunkBytes) => {
        const path = write(t);
        const whole = await readAll(path, { delimiter: ',' });
        const label = (r: object) => JSON.stringify(r).replaceAll(/case-\d+/g, 'case');
        expect(label(await readAll(path, { delimiter: ',', chunkBytes }))).toBe(label(whole));
        let want: ReturnType<typeof reference> | undefined;
        try {
          want = reference(t, ',', []);
        } catch {
          expect(whole).toHaveProperty('error'); // csv-parse refuses: so does align
          return;
        }
        if ('error' in want) expect(whole).toHaveProperty('error');
        else {
          const got = whole as { header: string[]; rows: unknown[]; skipped: number[] };
          expect(got.header).toEqual(want.header);
          expect([got.rows.length, got.skipped.length]).toEqual([want.rows.length, want.skipped.length]);
        }
      }),
      { numRuns: 300 },
    );
  });
});
