import type { BoardView, ParticipantView, RoomSnapshot, Vote } from './model.js';
import { tally } from './votes.js';

/** The vote a section shows: the open one, else the last one closed in it. */
function sectionVote(room: RoomSnapshot): Vote | undefined {
  const section = room.facilitator.current?.section;
  if (!section) return undefined;
  const open = room.votes.find((v) => v.open && v.section === section);
  return open ?? room.votes.filter((v) => v.section === section).at(-1);
}

export function boardView(room: RoomSnapshot): BoardView {
  const section = room.facilitator.current?.section;
  const vote = sectionVote(room);
  return {
    ...room.facilitator,
    contributions: section ? room.contributions.filter((c) => c.section === section) : [],
    ...(vote ? { vote: { candidates: tally(vote), budget: vote.budget, open: vote.open } } : {}),
  };
}

/** What every participant page shows; the tally only once the vote is closed, so dots are not cast after the crowd. */
export function participantView(room: RoomSnapshot): ParticipantView {
  const current = room.facilitator.current;
  const title = current ? (room.facilitator.agenda.find((a) => a.id === current.section)?.title ?? current.section) : undefined;
  const vote = sectionVote(room);
  return {
    title: room.facilitator.title,
    members: room.members,
    ...(current && title !== undefined ? { current: { section: current.section, title } } : {}),
    ...(vote
      ? {
          vote: {
            id: vote.id,
            candidates: vote.open ? vote.candidates.map((c) => ({ id: c.id, text: c.text })) : tally(vote),
            budget: vote.budget,
            open: vote.open,
          },
        }
      : {}),
  };
}
