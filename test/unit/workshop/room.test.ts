import { describe, expect, it } from 'vitest';
import type { AcceptedAs, Contribution, Vote } from '../../../src/core/room/model.js';
import { SessionSchema } from '../../../src/core/schemas/session.js';
import { buildOutcome, runSections } from '../../../src/core/workshop/outcome.js';
import { captureItem, facilitatorView } from '../../../src/core/workshop/room-view.js';
import { criteriaToDefine, roomRecord, sessionRoom, tally, type RoomRecord } from '../../../src/core/workshop/room.js';
import { newState, readDraftState } from '../../../src/core/workshop/state.js';
import { input } from './fixtures.js';

const said = (id: string, section: string, author: string, text: string, accepted?: AcceptedAs): Contribution => ({
  id, section, author, text, at: `2026-11-27T10:0${id.slice(1)}:00.000Z`, ...(accepted ? { accepted: { as: accepted } } : {}),
});
const vote: Vote = {
  id: 'v1', section: 'ideas', budget: 3, open: false,
  candidates: [{ id: 'c1', text: 'Shared dashboard' }, { id: 'c2', text: 'Joint call reviews' }, { id: 'c3', text: 'Nobody wants this' }],
  ballots: { p1: { c1: 2, c2: 1 }, p2: { c2: 3 }, p3: {} },
};
const room: RoomRecord = {
  participants: [{ id: 'p1', name: 'Dana Kim', guest: false }, { id: 'p2', name: 'Pat Guest', guest: true }, { id: 'p3', name: 'Sam Ortiz', guest: false }],
  contributions: [
    said('c1', 'ideas', 'Dana Kim', 'Shared dashboard'),
    said('c2', 'ideas', 'Pat Guest', 'Joint call reviews', 'decision'),
    said('c3', 'ideas', 'Sam Ortiz', 'Call every MQL within a day', 'action'),
    said('c4', 'ideas', 'Dana Kim', 'Marketing answers chat all day', 'note'),
    said('c5', 'ideas', 'Sam Ortiz', 'Job title is VP or above', 'criterion'),
    said('c6', 'later', 'Dana Kim', 'A note for a section not reached', 'note'),
  ],
  votes: [vote],
};

describe('the room in the session', () => {
  it('a tally adds every ballot’s dots per candidate, in the order offered', () => {
    expect(tally(vote).map((c) => [c.text, c.votes])).toEqual([['Shared dashboard', 2], ['Joint call reviews', 4], ['Nobody wants this', 0]]);
  });

  it('records who joined, each contribution with its author and what it was accepted as, and each vote’s tally and voters', () => {
    const r = sessionRoom(room)!;
    expect(r.participants).toEqual([{ name: 'Dana Kim' }, { name: 'Pat Guest', guest: true }, { name: 'Sam Ortiz' }]);
    expect(r.contributions![1]).toEqual({ section: 'ideas', author: 'Pat Guest', text: 'Joint call reviews', at: '2026-11-27T10:02:00.000Z', accepted: 'decision' });
    expect(r.contributions![0]).not.toHaveProperty('accepted');
    expect(r.votes).toEqual([{ section: 'ideas', budget: 3, voters: 2, candidates: [{ text: 'Shared dashboard', votes: 2 }, { text: 'Joint call reviews', votes: 4 }, { text: 'Nobody wants this', votes: 0 }] }]);
    expect(SessionSchema.shape.room.safeParse(r).success).toBe(true);
    expect(sessionRoom({ participants: room.participants, contributions: [], votes: [] })).toBeUndefined();
  });

  it('puts what the facilitator accepted into the capture: notes to their section, decisions, actions as open actions', () => {
    const given = input([{ id: 'ideas', capture: 'decisions' }, { id: 'later', capture: 'notes' }]);
    const answers = { date: '2026-11-27', sections: { ideas: { decisions: ['Meet weekly'] } } };
    const built = buildOutcome(given, answers, room);
    if (!built.ok) throw new Error(JSON.stringify(built.problems));
    const s = built.outcome.session;
    expect(s.decisions).toEqual(['Meet weekly', 'Joint call reviews']);
    expect(s.actions).toEqual([{ id: 'a1', title: 'Call every MQL within a day', status: 'open' }]);
    expect(s.sections!.find((x) => x.id === 'ideas')!.notes).toEqual(['Marketing answers chat all day']);
    // The later section ran with no answers: its note from the room is added to it.
    expect(s.sections!.find((x) => x.id === 'later')!.notes).toEqual(['A note for a section not reached']);
    expect(s.room!.contributions).toHaveLength(6);
    expect(built.outcome.captured.ideas).toEqual(['decision: Meet weekly', 'decision: Joint call reviews', 'action: Call every MQL within a day', 'note: Marketing answers chat all day', 'criterion to define: Job title is VP or above']);
    expect(SessionSchema.safeParse(s).success).toBe(true);
    // Without the room, nothing of it.
    const bare = buildOutcome(given, answers);
    expect(bare.ok && bare.outcome.session.room).toBeUndefined();
  });

  it('a note for a section that was not run stays in the room’s record only', () => {
    const given = input([{ id: 'ideas', capture: 'decisions' }, { id: 'later', capture: 'notes' }]);
    const { acc } = runSections(given, { sections: {} }, 1, room);
    expect(acc.session.sections!.map((x) => x.id)).toEqual(['ideas']);
    expect(acc.session.room!.contributions!.at(-1)!.text).toBe('A note for a section not reached');
  });

  it('criteria to define: those accepted as criteria, less those the draft has a criterion labelled with', () => {
    expect(criteriaToDefine(room, [])).toEqual(['Job title is VP or above']);
    expect(criteriaToDefine(room, ['job title is VP or above '])).toEqual([]);
    expect(criteriaToDefine(undefined, [])).toEqual([]);
  });
});

describe('the room in the draft', () => {
  it('keeps participants, contributions and votes, and nothing else of the snapshot', () => {
    const kept = roomRecord({ ...room, members: ['Dana Kim'], facilitator: { title: 'x', agenda: [], capture: [] } } as RoomRecord);
    expect(Object.keys(kept).sort()).toEqual(['contributions', 'participants', 'votes']);
    const state = { ...newState('d1', 'kickoff', new Date('2026-11-27T10:00:00Z')), room: kept };
    const read = readDraftState(JSON.stringify(state));
    expect(read.ok && read.state.room).toEqual(kept);
  });

  it('a draft whose room is not a room is refused, by name', () => {
    const state = { ...newState('d1', 'kickoff', new Date('2026-11-27T10:00:00Z')), room: { participants: [], contributions: [{ id: 'c1' }], votes: [] } };
    const read = readDraftState(JSON.stringify(state));
    expect(read.ok).toBe(false);
    expect(!read.ok && read.reason).toMatch(/^not a workshop draft: room\.contributions\.0\.section/);
  });
});

describe('what the board shows of the workshop', () => {
  const given = input([{ id: 'intro', minutes: 10 }, { id: 'ideas', minutes: 20, capture: 'decisions' }, { id: 'close', minutes: 5 }, { id: 'after', minutes: 5 }]);
  const now = new Date('2026-11-27T10:00:00Z');

  it('the agenda around the current section, its countdown and its capture', () => {
    const v = facilitatorView({ template: given.template, position: { step: 'section', index: 1 }, now, sectionMs: 5 * 60_000, captured: { intro: ['note: hello'], ideas: ['decision: Meet weekly'] } });
    expect(v.agenda.map((a) => a.state)).toEqual(['done', 'current', 'next', 'later']);
    expect(v.current).toEqual({ section: 'ideas', endsAt: '2026-11-27T10:15:00.000Z' });
    expect(v.capture).toEqual([{ kind: 'decision', text: 'Meet weekly' }]);
    expect(v).not.toHaveProperty('stages');
  });

  it('past its timebox, the overrun', () => {
    const v = facilitatorView({ template: given.template, position: { step: 'section', index: 0 }, now, sectionMs: 12 * 60_000, captured: {}, stages: [{ stage: 'mql', count: 3 }] });
    expect(v.current).toEqual({ section: 'intro', endsAt: '2026-11-27T09:58:00.000Z', overrunMs: 120_000 });
    expect(v.stages).toEqual([{ stage: 'mql', count: 3 }]);
  });

  it('before the first section nothing is current; at the summary all is done and the whole capture shows', () => {
    const setup = facilitatorView({ template: given.template, position: { step: 'setup' }, now, sectionMs: 0, captured: {} });
    expect(setup.agenda.map((a) => a.state)).toEqual(['next', 'later', 'later', 'later']);
    expect(setup.current).toBeUndefined();
    const summary = facilitatorView({ template: given.template, position: { step: 'summary' }, now, sectionMs: 0, captured: { intro: ['note: hello'], ideas: ['decision: Meet weekly'] } });
    expect(summary.agenda.every((a) => a.state === 'done')).toBe(true);
    expect(summary.capture).toEqual([{ kind: 'note', text: 'hello' }, { kind: 'decision', text: 'Meet weekly' }]);
  });

  it.each([
    ['decision: Book the room', 'decisions', { kind: 'decision', text: 'Book the room' }],
    ['stage: sql from 60', 'stages', { kind: 'threshold', text: 'sql from 60' }],
    ['sales goal: More deals', 'team-goals', { kind: 'sales goal', text: 'More deals' }],
    ['follow up within 24 hours', 'sla', { kind: 'sla', text: 'follow up within 24 hours' }],
    ['Note: Capitalised is not a kind', 'notes', { kind: 'notes', text: 'Note: Capitalised is not a kind' }],
  ])('%s is a %s item', (line, fallback, item) => {
    expect(captureItem(line, fallback)).toEqual(item);
  });
});
