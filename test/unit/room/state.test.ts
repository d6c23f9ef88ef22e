import { describe, expect, it } from 'vitest';
import { BallotBody, ContributeBody, JoinBody, readBody } from '../../../src/core/room/bodies.js';
import type { RoomSnapshot } from '../../../src/core/room/model.js';
import { RoomRefusal } from '../../../src/core/room/refusal.js';
import { apply, emptyRoom, type RoomEvent } from '../../../src/core/room/state.js';
import { boardView, participantView } from '../../../src/core/room/views.js';

const at = '2026-11-27T10:00:00.000Z';
const facilitator = (section?: string): RoomEvent => ({
  type: 'facilitator',
  view: { title: 'Kickoff', agenda: [{ id: 'kickoff', title: 'Kickoff', minutes: 15, state: 'current' }, { id: 'sla', title: 'SLA', minutes: 20, state: 'next' }], capture: [], ...(section ? { current: { section } } : {}) },
});
const run = (events: RoomEvent[], room: RoomSnapshot = emptyRoom(['Ana Lima', 'Ben Okafor'], 'Kickoff')) => events.reduce(apply, room);
const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof RoomRefusal) return `${e.kind}: ${e.message}`;
    throw e;
  }
  return 'accepted';
};

describe('joining', () => {
  it('takes a member by name in any case or spacing, keeping the workspace spelling, and a guest by any name', () => {
    const room = run([
      { type: 'join', id: 'p1', name: '  ana   LIMA ', guest: false },
      { type: 'join', id: 'p2', name: 'Dana', guest: true },
      // A guest who types a member's name is that member.
      { type: 'join', id: 'p3', name: 'ben okafor', guest: true },
    ]);
    expect(room.participants).toEqual([
      { id: 'p1', name: 'Ana Lima', guest: false },
      { id: 'p2', name: 'Dana', guest: true },
      { id: 'p3', name: 'Ben Okafor', guest: false },
    ]);
  });

  it('keeps one participant per name: joining again is coming back', () => {
    const room = run([
      { type: 'join', id: 'p1', name: 'Ana Lima', guest: false },
      { type: 'join', id: 'p9', name: 'ANA LIMA', guest: false },
    ]);
    expect(room.participants.map((p) => p.id)).toEqual(['p1']);
  });

  it('refuses a name that is no member unless it joins as a guest', () => {
    expect(refusal(() => run([{ type: 'join', id: 'p1', name: 'Zed', guest: false }]))).toBe(`invalid: "Zed" is not one of the workspace's members: join as a guest`);
  });
});

describe('contributing', () => {
  it('files a note under the section under way, by its author', () => {
    const room = run([facilitator('kickoff'), { type: 'join', id: 'p1', name: 'Ana Lima', guest: false }, { type: 'contribute', id: 'c1', participant: 'p1', text: 'Hi', at }]);
    expect(room.contributions).toEqual([{ id: 'c1', section: 'kickoff', author: 'Ana Lima', text: 'Hi', at }]);
    expect(boardView(room).contributions.map((c) => c.id)).toEqual(['c1']);
    // Another section under way: the board shows that section's notes only.
    expect(boardView(apply(room, facilitator('sla'))).contributions).toEqual([]);
  });

  it('refuses a note before any section, or from no participant', () => {
    const joined = run([{ type: 'join', id: 'p1', name: 'Ana Lima', guest: false }]);
    expect(refusal(() => apply(joined, { type: 'contribute', id: 'c1', participant: 'p1', text: 'Hi', at }))).toMatch(/^conflict: no section is under way/);
    expect(refusal(() => apply(apply(joined, facilitator('kickoff')), { type: 'contribute', id: 'c1', participant: 'nobody', text: 'Hi', at }))).toMatch(/^unknown:/);
  });

  it('marks a contribution accepted', () => {
    const room = run([facilitator('kickoff'), { type: 'join', id: 'p1', name: 'Ana Lima', guest: false }, { type: 'contribute', id: 'c1', participant: 'p1', text: 'Hi', at }, { type: 'accept', contribution: 'c1', as: 'decision' }]);
    expect(room.contributions[0]!.accepted).toEqual({ as: 'decision' });
    expect(refusal(() => apply(room, { type: 'accept', contribution: 'c2', as: 'note' }))).toBe('unknown: no contribution "c2"');
  });
});

describe('voting', () => {
  const voting = run([
    facilitator('kickoff'),
    { type: 'join', id: 'p1', name: 'Ana Lima', guest: false },
    { type: 'join', id: 'p2', name: 'Ben Okafor', guest: false },
    { type: 'open-vote', id: 'v1', candidates: [{ id: 'a', text: 'A' }, { id: 'b', text: 'B' }], budget: 3 },
    { type: 'ballot', participant: 'p1', vote: 'v1', dots: { a: 2, b: 1 } },
    { type: 'ballot', participant: 'p2', vote: 'v1', dots: { a: 1, b: 0 } },
  ]);

  it('tallies the ballots, a ballot replacing the one before', () => {
    expect(boardView(voting).vote).toEqual({ candidates: [{ id: 'a', text: 'A', votes: 3 }, { id: 'b', text: 'B', votes: 1 }], budget: 3, open: true });
    const moved = apply(voting, { type: 'ballot', participant: 'p1', vote: 'v1', dots: { b: 3 } });
    expect(boardView(moved).vote!.candidates.map((c) => c.votes)).toEqual([1, 3]);
    expect(moved.votes[0]!.ballots).toEqual({ p1: { b: 3 }, p2: { a: 1 } });
  });

  it('refuses a ballot over the budget, for a candidate not in the vote, or once closed', () => {
    expect(refusal(() => apply(voting, { type: 'ballot', participant: 'p1', vote: 'v1', dots: { a: 3, b: 1 } }))).toBe('invalid: 4 dots is more than the 3 each participant has');
    expect(refusal(() => apply(voting, { type: 'ballot', participant: 'p1', vote: 'v1', dots: { c: 1 } }))).toBe('invalid: no candidate "c" in this vote');
    const closed = apply(voting, { type: 'close-vote' });
    expect(refusal(() => apply(closed, { type: 'ballot', participant: 'p1', vote: 'v1', dots: { a: 1 } }))).toBe('conflict: this vote is closed');
  });

  it('shows participants the tally only once the vote is closed', () => {
    expect(participantView(voting).vote).toEqual({ id: 'v1', candidates: [{ id: 'a', text: 'A' }, { id: 'b', text: 'B' }], budget: 3, open: true });
    expect(participantView(apply(voting, { type: 'close-vote' })).vote!.candidates).toEqual([{ id: 'a', text: 'A', votes: 3 }, { id: 'b', text: 'B', votes: 1 }]);
  });

  it('closes the open vote when another opens, and needs candidates and a budget', () => {
    const second = apply(voting, { type: 'open-vote', id: 'v2', candidates: [{ id: 'x', text: 'X' }], budget: 1 });
    expect(second.votes.map((v) => [v.id, v.open])).toEqual([
      ['v1', false],
      ['v2', true],
    ]);
    expect(refusal(() => apply(voting, { type: 'open-vote', id: 'v3', candidates: [], budget: 1 }))).toMatch(/^invalid: a vote needs 1 to/);
    expect(refusal(() => apply(voting, { type: 'open-vote', id: 'v3', candidates: [{ id: 'x', text: 'X' }], budget: 0 }))).toMatch(/^invalid: a vote's budget/);
  });
});

describe('what a page may send', () => {
  it('trims text and refuses blanks, unknown fields and wrong types, naming the field', () => {
    expect(readBody(ContributeBody, { text: '  hello  ' })).toEqual({ text: 'hello' });
    expect(readBody(JoinBody, { name: 'Dana', guest: true })).toEqual({ name: 'Dana', guest: true });
    expect(refusal(() => readBody(ContributeBody, { text: ' ' }))).toBe('invalid: text: expected a note');
    expect(refusal(() => readBody(JoinBody, { name: 'x'.repeat(81) }))).toBe('invalid: name: a name is longer than 80 characters');
    expect(refusal(() => readBody(BallotBody, { voteId: 'v', dots: { a: -1 } }))).toMatch(/^invalid: dots\.a: /);
    expect(refusal(() => readBody(ContributeBody, { text: 'x', more: 1 }))).toMatch(/^invalid: .*more/);
  });
});
