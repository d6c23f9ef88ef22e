// The CSV splitter against csv-parse reading the whole file: same records, same cells,
// same scores, across chunk boundaries (64 KB), with quoted runs, CRLF, empty lines, and
// records longer than a chunk.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { scoreCsv } from '../../../src/adapters/leads/csv.js';
import { compileRubric } from '../../../src/core/rubric/engine/compile.js';
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
