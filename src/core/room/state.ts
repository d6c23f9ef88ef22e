import { canonicalPerson, samePerson } from '../workshop/people.js';
import { ROOM_LIMITS } from './limits.js';
import type { AcceptedAs, Contribution, FacilitatorView, Participant, RoomSnapshot, Vote, VoteCandidate } from './model.js';
import { RoomRefusal } from './refusal.js';
import { checkBallot } from './votes.js';

/**
 * Everything that changes a room, as events, and the one reducer that applies them. Ids and
 * times come with the event (the server makes them), so applying an event is pure: the same
 * events on the same room give the same room.
 */
export type RoomEvent =
  | { type: 'join'; id: string; name: string; guest: boolean }
  | { type: 'contribute'; id: string; participant: string; text: string; at: string }
  | { type: 'ballot'; participant: string; vote: string; dots: Record<string, number> }
  | { type: 'accept'; contribution: string; as: AcceptedAs }
  | { type: 'open-vote'; id: string; candidates: VoteCandidate[]; budget: number }
  | { type: 'close-vote' }
  | { type: 'facilitator'; view: FacilitatorView };

export function emptyRoom(members: string[], title: string): RoomSnapshot {
  return { members, participants: [], contributions: [], votes: [], facilitator: { title, agenda: [], capture: [] } };
}

/** The participant a name stands for: a member picked (any case or spacing), or a guest of that name. */
export function participantNamed(room: RoomSnapshot, name: string): Participant | undefined {
  return room.participants.find((p) => samePerson(p.name, name));
}

export function participantById(room: RoomSnapshot, id: string): Participant {
  const p = room.participants.find((x) => x.id === id);
  if (!p) throw new RoomRefusal('unknown', 'no such participant: join the room again');
  return p;
}

export function openVote(room: RoomSnapshot): Vote | undefined {
  return room.votes.find((v) => v.open);
}

export function apply(room: RoomSnapshot, event: RoomEvent): RoomSnapshot {
  switch (event.type) {
    case 'join':
      return join(room, event);
    case 'contribute':
      return contribute(room, event);
    case 'ballot': {
      participantById(room, event.participant);
      const vote = room.votes.find((v) => v.id === event.vote);
      if (!vote) throw new RoomRefusal('unknown', 'no such vote: reload the page');
      const ballot = checkBallot(vote, event.dots);
      const changed: Vote = { ...vote, ballots: { ...vote.ballots, [event.participant]: ballot } };
      return { ...room, votes: room.votes.map((v) => (v === vote ? changed : v)) };
    }
    case 'accept': {
      const c = room.contributions.find((x) => x.id === event.contribution);
      if (!c) throw new RoomRefusal('unknown', `no contribution "${event.contribution}"`);
      const accepted: Contribution = { ...c, accepted: { as: event.as } };
      return { ...room, contributions: room.contributions.map((x) => (x === c ? accepted : x)) };
    }
    case 'open-vote': {
      const section = room.facilitator.current?.section;
      if (!section) throw new RoomRefusal('conflict', 'no section is under way to vote in');
      if (event.candidates.length === 0 || event.candidates.length > ROOM_LIMITS.candidates) {
        throw new RoomRefusal('invalid', `a vote needs 1 to ${ROOM_LIMITS.candidates} candidates`);
      }
      if (!Number.isInteger(event.budget) || event.budget < 1 || event.budget > ROOM_LIMITS.budget) {
        throw new RoomRefusal('invalid', `a vote's budget is a whole number of dots from 1 to ${ROOM_LIMITS.budget}`);
      }
      const closed = room.votes.map((v) => (v.open ? { ...v, open: false } : v));
      return { ...room, votes: [...closed, { id: event.id, section, candidates: event.candidates, budget: event.budget, open: true, ballots: {} }] };
    }
    case 'close-vote':
      return { ...room, votes: room.votes.map((v) => (v.open ? { ...v, open: false } : v)) };
    case 'facilitator':
      return { ...room, facilitator: event.view };
  }
}

function join(room: RoomSnapshot, event: Extract<RoomEvent, { type: 'join' }>): RoomSnapshot {
  // Picking a name already in the room is coming back as that person (another device, a new browser).
  if (participantNamed(room, event.name)) return room;
  const isMember = room.members.some((m) => samePerson(m, event.name));
  if (!event.guest && !isMember) throw new RoomRefusal('invalid', `"${event.name}" is not one of the workspace's members: join as a guest`);
  if (room.participants.length >= ROOM_LIMITS.participants) throw new RoomRefusal('full', `the room has its ${ROOM_LIMITS.participants} participants`);
  const name = canonicalPerson(event.name, room.members);
  return { ...room, participants: [...room.participants, { id: event.id, name, guest: !isMember }] };
}

function contribute(room: RoomSnapshot, event: Extract<RoomEvent, { type: 'contribute' }>): RoomSnapshot {
  const author = participantById(room, event.participant);
  const section = room.facilitator.current?.section;
  if (!section) throw new RoomRefusal('conflict', 'no section is under way yet: wait for the facilitator to start one');
  if (room.contributions.length >= ROOM_LIMITS.contributions) throw new RoomRefusal('full', `the room has its ${ROOM_LIMITS.contributions} contributions`);
  const c: Contribution = { id: event.id, section, author: author.name, text: event.text, at: event.at };
  return { ...room, contributions: [...room.contributions, c] };
}
