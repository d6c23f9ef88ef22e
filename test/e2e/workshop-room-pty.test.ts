import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { KEY, spawnAlign } from '../helpers/pty.js';
import { launchChromium } from '../helpers/room.js';
import { boardStream, participantApi, participantStream } from '../helpers/room-client.js';
import { demoWorkspace, hashTree, type TempRepo } from '../helpers/workspace.js';

const CTRL_O = '\x0f';
const TEMPLATE = `id: room-pty
title: Ideas for the teams
sections:
  - id: ideas
    title: Ideas
    minutes: 20
    capture: decisions
  - id: wrap
    title: Wrap-up
    minutes: 5
    capture: notes
`;

let repo: TempRepo | undefined;
afterAll(() => repo?.cleanup());

// Wide enough that a link is never cut across lines.
const COLS = 200;
const link = async (s: ReturnType<typeof spawnAlign>, name: 'board' | 'join') => (await s.waitFor(new RegExp(`${name}: http://127\\.0\\.0\\.1:\\d+/[bj]/[^\\s/]+/`))).slice(name.length + 2);

describe('align workshop --room on a terminal', { timeout: 120_000 }, () => {
  it('the board follows what the facilitator enters; accepting and voting from the menu; the room stops with the workshop and comes back with --resume', async () => {
    repo = await demoWorkspace();
    repo.write('templates/room-pty.yaml', TEMPLATE);
    const s = spawnAlign(['workshop', 'room-pty', '--room'], { cwd: repo.dir, env: repo.env, cols: COLS });
    const boardUrl = await link(s, 'board');
    const joinUrl = await link(s, 'join');
    await s.answer('Date of the session', '');
    await s.choose('Facilitator', 'Dana Kim');
    await s.answer('Who is here?', '');
    await s.answer('Someone else in the room?', '');

    const board = await boardStream(boardUrl);
    await board.waitFor((v) => v.current?.section === 'ideas' && v.agenda.map((a) => a.state).join() === 'current,next');
    // What the facilitator types in the terminal is on the board's stream.
    await s.answer('Decision (empty line to finish)', 'Meet every Tuesday');
    await board.waitFor((v) => v.capture.some((c) => c.kind === 'decision' && c.text === 'Meet every Tuesday'));
    // …and on the board itself, in a real browser.
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
      await page.goto(boardUrl);
      await page.locator('#capture .text', { hasText: 'Meet every Tuesday' }).waitFor({ timeout: 10_000 });
    } finally {
      await browser.close();
    }

    const api = participantApi(joinUrl);
    const sam = await api.join('Sam Ortiz');
    const pat = await api.join('Pat Guest', true);
    await api.contribute(sam, 'Shared dashboard');
    await api.contribute(pat, 'Joint call reviews');
    await board.waitFor((v) => v.contributions.length === 2);

    // A vote on the section's contributions, from the menu.
    await s.waitFor(/\? [^\n]*Decision \(empty line to finish\)/);
    s.type(CTRL_O);
    await s.pick('Section menu: Ideas', "Room: open a vote on this section's contributions");
    await s.tick('Which contributions go to the vote?', '', ['Sam Ortiz: Shared dashboard', 'Pat Guest: Joint call reviews']);
    await s.answer('Dots per participant', '');
    await s.waitFor('voting is open: 2 candidates, 3 dots each');
    const pages = await participantStream(joinUrl);
    const vote = (await pages.waitFor((v) => v.vote?.open === true)).vote!;
    const [dashboard, reviews] = vote.candidates.map((c) => c.id);
    await api.vote(sam, vote.id, { [dashboard!]: 1, [reviews!]: 2 });
    await api.vote(pat, vote.id, { [reviews!]: 3 });
    await board.waitFor((v) => v.vote?.candidates.map((c) => c.votes).join() === '1,5');
    await s.waitFor(/\? [^\n]*Decision \(empty line to finish\)/);
    s.type(CTRL_O);
    await s.pick('Section menu: Ideas', 'Room: close the vote and show the tally');
    await s.waitFor(/voting closed; the tally:\s+5 {2}Joint call reviews\s+1 {2}Shared dashboard/);

    // Accepted as a decision: in the capture, on the board.
    await s.waitFor(/\? [^\n]*Decision \(empty line to finish\)/);
    s.type(CTRL_O);
    await s.pick('Section menu: Ideas', 'Room: accept a contribution into the capture (2 not accepted)');
    await s.pick('Which contribution?', 'Sam Ortiz: Shared dashboard');
    await s.pick('Accept it as', 'a decision');
    await s.waitFor('accepted as a decision: Shared dashboard');
    await board.waitFor((v) => v.capture.some((c) => c.kind === 'decision' && c.text === 'Shared dashboard'));
    board.close();
    pages.close();

    // Interrupted: align exits (the server would keep it running), and the link is dead.
    await s.waitFor(/\? [^\n]*Decision \(empty line to finish\)/);
    s.type(KEY.ctrlC);
    expect(await s.exited).toBe(130);
    await expect(fetch(boardUrl)).rejects.toThrow();
    const draft = repo.read('.align/drafts/2026-11-27-room-pty.json');
    for (const secret of [new URL(boardUrl).pathname.split('/')[2]!, new URL(joinUrl).pathname.split('/')[2]!]) expect(draft).not.toContain(secret);

    // Resumed with the room: new links, and the room as it was.
    const again = spawnAlign(['workshop', '--resume', '--room'], { cwd: repo.dir, env: repo.env, cols: COLS });
    const boardUrl2 = await link(again, 'board');
    expect(boardUrl2).not.toBe(boardUrl);
    const board2 = await boardStream(boardUrl2);
    const back = await board2.waitFor((v) => v.contributions.length === 2 && v.capture.length === 2);
    expect(back.contributions.map((c) => [c.author, c.text, c.accepted?.as ?? null])).toEqual([['Sam Ortiz', 'Shared dashboard', 'decision'], ['Pat Guest', 'Joint call reviews', null]]);
    expect(back.capture).toEqual([{ kind: 'decision', text: 'Meet every Tuesday' }, { kind: 'decision', text: 'Shared dashboard' }]);
    board2.close();
    await again.answer('Decision (empty line to finish)', '');
    await again.answer('Note (empty line to finish)', '');
    await again.pick('Write it all down?', 'Confirm: write the files and commit them');
    await again.waitFor('committed');
    expect(await again.exited).toBe(0);

    const session = parse(await repo.git('show', 'HEAD:sessions/2026-11-27-room-pty.yaml'));
    expect(session.decisions).toEqual(['Meet every Tuesday', 'Shared dashboard']);
    expect(session.room.participants).toEqual([{ name: 'Sam Ortiz' }, { name: 'Pat Guest', guest: true }]);
    expect(session.room.contributions.map((c: Record<string, string>) => [c.author, c.text, c.accepted])).toEqual([['Sam Ortiz', 'Shared dashboard', 'decision'], ['Pat Guest', 'Joint call reviews', undefined]]);
    expect(session.room.votes).toEqual([{ section: 'ideas', budget: 3, voters: 2, candidates: [{ text: 'Shared dashboard', votes: 1 }, { text: 'Joint call reviews', votes: 5 }] }]);
    expect((await repo.align(['validate'])).exitCode).toBe(0);
    const exported = await repo.align(['export']);
    expect(exported.stdout).toContain('  - Sam Ortiz: Shared dashboard (accepted as a decision)');
  });

  it('a port already taken: refused before anything is asked, no draft left', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as AddressInfo;
    try {
      const before = hashTree(repo!.dir);
      const s = spawnAlign(['workshop', 'room-pty', '--room', '--port', String(port)], { cwd: repo!.dir, env: repo!.env, cols: COLS });
      await s.waitFor('the port is in use');
      expect(await s.exited).toBe(2);
      expect(hashTree(repo!.dir)).toBe(before);
    } finally {
      taken.close();
    }
  });
});
