import * as z from 'zod';
import type { AcceptedAs, Contribution, RoomSnapshot, Vote } from '../room/model.js';
import { ACCEPTED_AS, type SessionRoom } from '../schemas/session.js';
import type { Acc } from './types.js';

/**
 * What a workshop keeps of its room in the draft: who joined, what they contributed and how they
 * voted. The board's view is not kept (the workshop builds it again), and no token ever is.
 */
export type RoomRecord = Pick<RoomSnapshot, 'participants' | 'contributions' | 'votes'>;

/** The room as a draft holds it; a draft whose room is not this shape is refused by name. */
export const RoomRecordSchema = z.object({
  participants: z.array(z.object({ id: z.string(), name: z.string(), guest: z.boolean() })),
  contributions: z.array(
    z.object({ id: z.string(), section: z.string(), author: z.string(), text: z.string(), at: z.string(), accepted: z.object({ as: z.enum(ACCEPTED_AS) }).optional() }),
  ),
  votes: z.array(
    z.object({
      id: z.string(),
      section: z.string(),
      candidates: z.array(z.object({ id: z.string(), text: z.string() })),
      budget: z.number().int().min(1),
      open: z.boolean(),
      ballots: z.record(z.string(), z.record(z.string(), z.number())),
    }),
  ),
});

/** The room's snapshot as the draft keeps it: exactly these fields, whatever else the snapshot carries. */
export function roomRecord(s: RoomRecord): RoomRecord {
  return { participants: s.participants, contributions: s.contributions, votes: s.votes };
}

/** A vote's dots per candidate, in the candidates' order. */
export function tally(v: Vote): { id: string; text: string; votes: number }[] {
  return v.candidates.map((c) => ({ ...c, votes: Object.values(v.ballots).reduce((n, b) => n + (b[c.id] ?? 0), 0) }));
}

/** How many participants put at least one dot. */
const voters = (v: Vote) => Object.values(v.ballots).filter((b) => Object.values(b).some((n) => n > 0)).length;

/** What the session file records of the room: who joined, every contribution with its author, and each vote's tally. */
export function sessionRoom(room: RoomRecord): SessionRoom | undefined {
  if (!room.contributions.length && !room.votes.length) return undefined;
  return {
    ...(room.participants.length ? { participants: room.participants.map((p) => ({ name: p.name, ...(p.guest ? { guest: true } : {}) })) } : {}),
    ...(room.contributions.length ? { contributions: room.contributions.map(contributionRecord) } : {}),
    ...(room.votes.length ? { votes: room.votes.map((v) => ({ section: v.section, budget: v.budget, voters: voters(v), candidates: tally(v).map((c) => ({ text: c.text, votes: c.votes })) })) } : {}),
  };
}

function contributionRecord(c: Contribution) {
  return { section: c.section, author: c.author, text: c.text, at: c.at, ...(c.accepted ? { accepted: c.accepted.as } : {}) };
}

/** The summary's line for a contribution the facilitator accepted. */
const LINE: Record<AcceptedAs, (text: string) => string> = {
  note: (t) => `note: ${t}`,
  decision: (t) => `decision: ${t}`,
  action: (t) => `action: ${t}`,
  criterion: (t) => `criterion to define: ${t}`,
};

/**
 * Adds the room to the session being built: each accepted contribution where the facilitator put
 * it (a note to its section's notes, a decision to the decisions, an action to the actions as an
 * open action without owner; a criterion to define stays in the room's record, and the criteria
 * step offers it), then the room's record itself. Lines for the summary go to `captured`.
 */
export function applyRoom(acc: Acc, room: RoomRecord, captured: Record<string, string[]>): void {
  for (const c of room.contributions) {
    if (!c.accepted) continue;
    const text = c.text.trim();
    const as = c.accepted.as;
    if (as === 'note') {
      const record = acc.session.sections?.find((s) => s.id === c.section);
      if (!record) continue; // its section was not reached: the note stays in the room's record
      record.notes = [...(record.notes ?? []), text];
    } else if (as === 'decision') acc.session.decisions = [...(acc.session.decisions ?? []), text];
    else if (as === 'action') {
      const list = acc.session.actions ?? [];
      acc.session.actions = [...list, { id: `a${list.length + 1}`, title: text, status: 'open' }];
    }
    captured[c.section] = [...(captured[c.section] ?? []), LINE[as](text)];
  }
  const record = sessionRoom(room);
  if (record) acc.session.room = record;
}

/** The criteria the room accepted to define, in the order they came, that no criterion of the draft is labelled with yet. */
export function criteriaToDefine(room: RoomRecord | undefined, labels: string[]): string[] {
  const taken = new Set(labels.map((l) => l.trim().toLowerCase()));
  return (room?.contributions ?? []).filter((c) => c.accepted?.as === 'criterion' && !taken.has(c.text.trim().toLowerCase())).map((c) => c.text.trim());
}
