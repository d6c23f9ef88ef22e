import type { Vote } from './model.js';
import { RoomRefusal } from './refusal.js';

/** Dots per candidate, in the candidates' order. */
export function tally(vote: Vote): { id: string; text: string; votes: number }[] {
  const totals = new Map(vote.candidates.map((c) => [c.id, 0]));
  for (const ballot of Object.values(vote.ballots)) {
    for (const [id, n] of Object.entries(ballot)) if (totals.has(id)) totals.set(id, totals.get(id)! + n);
  }
  return vote.candidates.map((c) => ({ id: c.id, text: c.text, votes: totals.get(c.id)! }));
}

/** A ballot as it is kept: only candidates of this vote, no zeros, within the budget. */
export function checkBallot(vote: Vote, dots: Record<string, number>): Record<string, number> {
  if (!vote.open) throw new RoomRefusal('conflict', 'this vote is closed');
  const ids = new Set(vote.candidates.map((c) => c.id));
  const ballot: Record<string, number> = {};
  let used = 0;
  for (const [id, n] of Object.entries(dots)) {
    if (!ids.has(id)) throw new RoomRefusal('invalid', `no candidate "${id}" in this vote`);
    if (n > 0) ballot[id] = n;
    used += n;
  }
  if (used > vote.budget) throw new RoomRefusal('invalid', `${used} dots is more than the ${vote.budget} each participant has`);
  return ballot;
}
