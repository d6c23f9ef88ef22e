import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Context } from '../../src/adapters/context.js';
import { DraftWriter, readDrafts } from '../../src/adapters/workspace/drafts.js';
import { finish } from '../../src/commands/workshop/finish.js';
import { loadValidWorkspace, workshopInput } from '../../src/commands/workshop/load.js';
import { boardView, openRoom } from '../../src/commands/workshop/room.js';
import { buildOutcome } from '../../src/core/workshop/outcome.js';
import { newState } from '../../src/core/workshop/state.js';
import { boardStream, participantApi } from '../helpers/room-client.js';
import { demoWorkspace, type TempRepo } from '../helpers/workspace.js';

const PARTICIPANTS = 50;
const EACH = 20;

const TEMPLATE = `id: room-load
title: Room load
sections:
  - id: ideas
    title: Ideas
    minutes: 30
    capture: decisions
`;

let repo: TempRepo | undefined;
afterAll(() => repo?.cleanup());

const sink = () => new Writable({ write: (_c, _e, done) => done() });

/*
 * The room of a workshop under load, on loopback: the workshop's own room wiring (openRoom, its
 * persist through the one draft writer onto a real draft) and the real finish. Bounded: 50
 * participants × 20 contributions, all sent at once.
 */
describe('the room under load', { timeout: 120_000 }, () => {
  it(`${PARTICIPANTS} participants × ${EACH} contributions at once: none lost in the draft or the committed session; the median POST → board time is printed`, async () => {
    repo = await demoWorkspace();
    repo.write('templates/room-load.yaml', TEMPLATE);
    const ctx: Context = { cwd: repo.dir, debug: false, color: false, colorErr: false, stdout: sink(), stderr: sink(), stdinIsTTY: false, env: repo.env, now: () => new Date() };
    const ws = loadValidWorkspace(repo.dir);
    const facts = { date: '2026-11-27', facilitator: 'Dana Kim', today: '2026-11-27' };
    const input = () => workshopInput(ws, 'room-load', facts);
    const state = newState('2026-11-27-room-load', 'room-load', new Date('2026-11-27T10:00:00Z'));
    state.answers = { date: facts.date, facilitator: facts.facilitator, sections: { ideas: { decisions: ['Meet weekly'] } } };
    state.position = { step: 'section', index: 0 };
    const writer = new DraftWriter(repo.dir, state);
    writer.now();
    const room = await openRoom({}, state, writer, ['Dana Kim', 'Sam Ortiz'], boardView(state, input, undefined, ctx), ctx);
    const board = await boardStream(room.handle.boardUrl);
    const api = participantApi(room.handle.joinUrl);

    const cpu = process.cpuUsage();
    const started = performance.now();
    const tokens = await Promise.all(Array.from({ length: PARTICIPANTS }, (_, p) => api.join(`Guest ${p}`, true)));
    // When each text was sent, and when the board first showed it.
    const sent = new Map<string, number>();
    const shown = new Map<string, number>();
    board.onView = (v, at) => {
      for (const c of v.contributions) if (!shown.has(c.text)) shown.set(c.text, at);
    };
    const answered = await Promise.all(
      tokens.flatMap((token, p) =>
        Array.from({ length: EACH }, async (_, i) => {
          const text = `idea ${i} from participant ${p}`;
          sent.set(text, performance.now());
          await api.contribute(token, text);
          return text;
        }),
      ),
    );
    const took = performance.now() - started;
    const used = process.cpuUsage(cpu);
    const texts = new Set(answered);
    expect(texts.size).toBe(PARTICIPANTS * EACH);

    // Each POST was answered once its contribution was on disk: the draft holds every one, now.
    const draft = readDrafts(repo.dir).drafts.find((d) => d.id === state.id)!;
    expect(new Set(draft.room!.contributions.map((c) => c.text))).toEqual(texts);
    expect(draft.room!.participants).toHaveLength(PARTICIPANTS);

    await board.waitFor((v) => v.contributions.length === PARTICIPANTS * EACH);
    board.close();
    api.close();
    // Confirmed: the room stops, the session is built from the last of it and committed.
    await room.close();
    const built = buildOutcome(input(), state.answers, state.room);
    if (!built.ok) throw new Error(JSON.stringify(built.problems));
    expect(await finish(ws, input(), built.outcome, { commit: true, dryRun: false, format: 'text', draftId: state.id }, ctx)).toBe(0);
    const committed = parse(await repo.git('show', `HEAD:${built.outcome.sessionPath}`));
    const kept: { author: string; text: string }[] = committed.room.contributions;
    expect(new Set(kept.map((c) => c.text))).toEqual(texts);
    expect(kept.find((c) => c.text === 'idea 7 from participant 3')!.author).toBe('Guest 3');
    expect(committed.room.participants.filter((p: { guest?: boolean }) => p.guest)).toHaveLength(PARTICIPANTS);
    expect(readDrafts(repo.dir).drafts).toEqual([]);

    const latencies = [...texts].map((t) => shown.get(t)! - sent.get(t)!).sort((a, b) => a - b);
    const median = latencies[Math.floor(latencies.length / 2)]!;
    // A figure to report, not a limit: the test asserts what was kept, never how fast.
    console.log(
      `room load: ${texts.size} contributions from ${PARTICIPANTS} participants, all answered in ${took.toFixed(0)} ms (CPU of this process, server and clients: ${((used.user + used.system) / 1000).toFixed(0)} ms); ` +
        `POST → board event stream: median ${median.toFixed(0)} ms, 90th percentile ${latencies[Math.floor(latencies.length * 0.9)]!.toFixed(0)} ms, slowest ${latencies.at(-1)!.toFixed(0)} ms`,
    );
  });
});
