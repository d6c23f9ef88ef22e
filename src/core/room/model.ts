/**
 * The room's data: who joined, what they contributed, how they voted, and what the board shows.
 * Pure data shared by the server (adapters/room) and the workshop that feeds it. No token of any
 * kind is ever part of these shapes, so a snapshot can be saved and logged as it is.
 */

export type AcceptedAs = 'note' | 'decision' | 'action' | 'criterion';

/** Someone in the room: a workspace member picked by name, or a guest who typed a name. */
export interface Participant {
  id: string;
  name: string;
  guest: boolean;
}

/** A note or idea a participant added to a section. */
export interface Contribution {
  id: string;
  /** The agenda section's id current when it arrived. */
  section: string;
  /** The participant's name (as they picked or typed it). */
  author: string;
  text: string;
  /** ISO time it arrived. */
  at: string;
  /** Set when the facilitator accepted it into the capture. */
  accepted?: { as: AcceptedAs };
}

export interface VoteCandidate {
  id: string;
  text: string;
}

/** A dot-vote on a section's candidates: each participant spreads at most `budget` dots. */
export interface Vote {
  id: string;
  section: string;
  candidates: VoteCandidate[];
  budget: number;
  open: boolean;
  /** participant id → candidate id → dots. */
  ballots: Record<string, Record<string, number>>;
}

interface AgendaItem {
  id: string;
  title: string;
  minutes: number;
  state: 'done' | 'current' | 'next' | 'later';
}

/** What the projector shows; sent whole on the board's event stream. */
export interface BoardView {
  title: string;
  agenda: AgendaItem[];
  /** The section under way: `endsAt` drives the countdown; past it the board counts the overrun. */
  current?: { section: string; endsAt?: string; overrunMs?: number };
  /** What the facilitator has captured, in the order entered (kind: criterion, threshold, goal, decision, action, note…). */
  capture: { kind: string; text: string }[];
  /** The current section's contributions, oldest first. */
  contributions: Contribution[];
  /** The current section's vote (open, or the last one closed), with its tally. */
  vote?: { candidates: { id: string; text: string; votes: number }[]; budget: number; open: boolean };
  /** With --leads: how many leads are in each stage, in stage order. */
  stages?: { stage: string; count: number }[];
}

/** What the facilitator feeds the room; the board view without what the room itself adds. */
export type FacilitatorView = Omit<BoardView, 'contributions' | 'vote'>;

/** The room's whole state: saved in the session draft, and given back on --resume. */
export interface RoomSnapshot {
  /** The workspace's members: the names a participant can pick. */
  members: string[];
  participants: Participant[];
  contributions: Contribution[];
  votes: Vote[];
  facilitator: FacilitatorView;
}

/** What a participant page shows; sent whole on the participants' event stream (the same for everyone). */
export interface ParticipantView {
  title: string;
  members: string[];
  /** The section under way, or none yet (then notes cannot be added). */
  current?: { section: string; title: string };
  /** The open vote, or the last one closed in this section (with its tally once closed). */
  vote?: { id: string; candidates: { id: string; text: string; votes?: number }[]; budget: number; open: boolean };
}
