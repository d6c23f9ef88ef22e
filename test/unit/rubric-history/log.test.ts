import { describe, expect, it } from 'vitest';
import { parseBatch } from '../../../src/adapters/git/history.js';
import { buildLog, type HistoryVersion } from '../../../src/core/rubric/history/log.js';
import { renderLogText } from '../../../src/core/rubric/history/render.js';

const enc = (s: string) => new TextEncoder().encode(s);

describe('parseBatch', () => {
  it('splits objects by the byte length in each header, not by lines', () => {
    const a = 'name: é\nx: 1\n'; // é is two bytes
    const out = Buffer.concat([
      Buffer.from(`1111 blob ${Buffer.byteLength(a)}\n${a}\n`),
      Buffer.from('2222:./rubric.yaml missing\n'),
      Buffer.from('3333 blob 0\n\n'),
    ]);
    expect(parseBatch(out).map((b) => (b === null ? null : Buffer.from(b).toString()))).toEqual([a, null, '']);
  });
  it('rejects a truncated header', () => expect(() => parseBatch(Buffer.from('1111 blob 3'))).toThrow(/ended inside a header/));
});

const rubric = (min: number, extra = '') => `stages:\n  - { id: mql, min: ${min} }\ncriteria:\n  - { id: a, when: { field: a, op: is_known }, points: 50 }\n${extra}`;
const v = (n: number, text: string | null): HistoryVersion => ({ commit: `${n}`.repeat(40).slice(0, 40), date: `2026-11-0${n}T10:00:00Z`, author: 'Dana Kim', subject: `change ${n}`, bytes: text === null ? null : enc(text) });

describe('buildLog', () => {
  it('compares each version with the last readable one and shows broken and deleted versions', () => {
    const log = buildLog([
      v(1, rubric(10)),
      v(2, rubric(20, 'approved_by: { sales: Dana Kim }\n')),
      v(3, 'stages: [\n'),
      v(4, rubric(30, 'approved_by: { sales: Dana Kim }\n')),
      v(5, rubric(30, 'approved_by: { sales: Dana Kim }\n# a comment only\n')),
      v(6, null),
    ], 'rubric.yaml');
    expect(log.map((e) => [e.status, e.summary, e.signedOffBy])).toEqual([
      ['created', 'created: 1 criterion, 1 stage (mql)', null],
      ['changed', 'stage mql min 10→20; +sign-off sales', { sales: 'Dana Kim' }],
      ['broken', expect.stringMatching(/^cannot be read: /), null],
      ['changed', 'stage mql min 20→30', { sales: 'Dana Kim' }],
      ['unchanged', 'no semantic change', { sales: 'Dana Kim' }],
      ['removed', 'rubric.yaml deleted', null],
    ]);
    expect(log[2]!.problem).toMatchObject({ file: '3333333:rubric.yaml', line: 2 });
  });

  it('renders a version per block: commit, date, author, subject; summary; sign-off', () => {
    const log = buildLog([v(1, rubric(10)), v(2, 'stages: [\n')], 'rubric.yaml');
    expect(renderLogText(log.reverse())).toBe(
      [
        '2222222 2026-11-02 Dana Kim: change 2',
        `    broken (2222222:rubric.yaml:${log[0]!.problem!.line}:${log[0]!.problem!.col}): ${log[0]!.problem!.message}`,
        '    signed off: —',
        '1111111 2026-11-01 Dana Kim: change 1',
        '    created: 1 criterion, 1 stage (mql)',
        '    signed off: not signed off',
        '',
      ].join('\n'),
    );
  });
});

describe('log cache', async () => {
  const { cacheOf, replayCache } = await import('../../../src/core/rubric/history/cache.js');
  const meta = (n: number, blob: string | null) => ({ commit: `${n}`.repeat(40), date: '2026-11-01T10:00:00Z', author: 'A', subject: `s${n}`, blob });
  const versions = [meta(1, 'b1'), meta(2, 'b2'), meta(3, 'bad'), meta(4, 'b4'), meta(5, null), meta(6, 'b4')];
  const texts: Record<string, string | null> = { b1: rubric(10), b2: rubric(20), bad: 'stages: [\n', b4: rubric(30) };
  const entries = buildLog(versions.map((v) => ({ ...v, bytes: v.blob ? enc(texts[v.blob]!) : null })), 'rubric.yaml');

  it('keys each entry by the blob it is compared with and its own', () => {
    expect(Object.keys(cacheOf(versions, entries).entries)).toEqual(['>b1', 'b1>b2', 'b2>bad', 'b2>b4', '>b4']);
  });
  it('replays a full cache to the same entries, and stops at the first version it cannot answer', () => {
    const cache = cacheOf(versions, entries);
    expect(replayCache(versions, cache, 'rubric.yaml')).toEqual({ entries, next: 6, base: 5 });
    delete cache.entries['b2>b4'];
    expect(replayCache(versions, cache, 'rubric.yaml')).toEqual({ entries: entries.slice(0, 3), next: 3, base: 1 });
  });
  it('keeps each version\'s changes as JSON text, written as they are, and as they were for a copy with other changes', async () => {
    const { changesJson } = await import('../../../src/core/rubric/history/cache.js');
    const cache = JSON.parse(JSON.stringify(cacheOf(versions, entries))) as ReturnType<typeof cacheOf>;
    expect(cache.entries['b1>b2']!.changes).toBe(JSON.stringify(entries[1]!.changes));
    const replayed = replayCache(versions, cache, 'rubric.yaml').entries;
    expect(replayed.map(changesJson)).toEqual(entries.map((e) => JSON.stringify(e.changes)));
    expect(changesJson({ ...replayed[1]!, changes: [] })).toBe('[]');
    // Written back as it was read, never parsed and written again.
    cache.entries['b1>b2']!.changes = '[ ]';
    expect(cacheOf(versions, replayCache(versions, cache, 'rubric.yaml').entries).entries['b1>b2']!.changes).toBe('[ ]');
  });
  it('as text: read back whole to the same cache, its changes a slice of the line; torn or of another format, not at all', async () => {
    const { logCacheText, parseLogCache } = await import('../../../src/core/rubric/history/cache.js');
    const cache = cacheOf(versions, entries);
    const text = logCacheText(cache);
    expect(parseLogCache(text)).toEqual(cache);
    expect(replayCache(versions, parseLogCache(text)!, 'rubric.yaml').entries).toEqual(entries);
    // Whatever the cut, a torn cache is no cache: every line but the last is whole JSON, so the count guards the end.
    for (let cut = 0; cut < text.length; cut += 7) expect(parseLogCache(text.slice(0, cut)), `cut at ${cut}`).toBeNull();
    expect(parseLogCache(text.replace('\t{', '\t{]'))).toBeNull();
    expect(parseLogCache(JSON.stringify({ v: 2, entries: {} }))).toBeNull();
    expect(parseLogCache(logCacheText({ v: 3, entries: {} }))).toEqual({ v: 3, entries: {} });
  });
});
