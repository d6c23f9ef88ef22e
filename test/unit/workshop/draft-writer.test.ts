import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DraftWriter, DRAFTS_DIR, readDrafts } from '../../../src/adapters/workspace/drafts.js';
import { newState } from '../../../src/core/workshop/state.js';

let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));
const onDisk = () => JSON.parse(readFileSync(join(root, DRAFTS_DIR, 'd1.json'), 'utf8'));

describe('the one draft writer', () => {
  it('what arrives together is saved by one write, and each waiter resolves only once its change is on disk', async () => {
    root = mkdtempSync(join(tmpdir(), 'align-draft-'));
    const state = newState('d1', 'kickoff', new Date('2026-11-27T10:00:00Z'));
    let writes = 0;
    const writer = new DraftWriter(root, state, () => writes++);
    state.room = { participants: [], contributions: [], votes: [] };
    const seen: number[] = [];
    const saves = Array.from({ length: 50 }, (_, i) => {
      state.room!.contributions.push({ id: `c${i}`, section: 's', author: 'Dana Kim', text: `idea ${i}`, at: '2026-11-27T10:00:00Z' });
      return writer.soon().then(() => seen.push(onDisk().room.contributions.length));
    });
    await Promise.all(saves);
    expect(writes).toBe(1);
    expect(seen.every((n) => n === 50)).toBe(true);
  });

  it('a save at once (an answer) takes what the room added with it, and those waiting resolve', async () => {
    root = mkdtempSync(join(tmpdir(), 'align-draft-'));
    const state = newState('d1', 'kickoff', new Date('2026-11-27T10:00:00Z'));
    let writes = 0;
    const writer = new DraftWriter(root, state, () => writes++);
    state.room = { participants: [{ id: 'p1', name: 'Dana Kim', guest: false }], contributions: [], votes: [] };
    const waiting = writer.soon();
    state.answers.date = '2026-11-27';
    writer.now();
    await waiting;
    expect(onDisk().room.participants).toEqual([{ id: 'p1', name: 'Dana Kim', guest: false }]);
    expect(onDisk().answers.date).toBe('2026-11-27');
    await new Promise((r) => setImmediate(r));
    expect(writes).toBe(1); // the batch found nothing left to save
    expect(readDrafts(root).drafts.map((d) => d.id)).toEqual(['d1']);
  });

  it('a save at once made while a background save is being flushed wins: the background one is dropped, its waiters resolved', async () => {
    root = mkdtempSync(join(tmpdir(), 'align-draft-'));
    const state = newState('d1', 'kickoff', new Date('2026-11-27T10:00:00Z'));
    const writer = new DraftWriter(root, state);
    state.room = { participants: [], contributions: [{ id: 'c1', section: 's', author: 'Dana Kim', text: 'first', at: '2026-11-27T10:00:00Z' }], votes: [] };
    const background = writer.soon();
    // The background save starts in this turn's check phase and is flushing when this one runs.
    await new Promise((r) => setImmediate(r));
    state.answers.date = '2026-11-27';
    writer.now();
    await background;
    expect(onDisk().answers.date).toBe('2026-11-27');
    expect(onDisk().room.contributions.map((c: { text: string }) => c.text)).toEqual(['first']);
    expect(readdirSync(join(root, DRAFTS_DIR))).toEqual(['d1.json']); // no temporary file left
  });

  it('a write that fails rejects those waiting for it; the next one saves', async () => {
    root = mkdtempSync(join(tmpdir(), 'align-draft-'));
    const state = newState('d1', 'kickoff', new Date('2026-11-27T10:00:00Z'));
    let fail = true;
    const writer = new DraftWriter(root, state, () => {
      if (fail) throw new Error('disk full');
    });
    await expect(writer.soon()).rejects.toThrow('disk full');
    fail = false;
    await writer.soon();
    expect(onDisk().id).toBe('d1');
  });
});
