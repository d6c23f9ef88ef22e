import type { AcceptedAs, FacilitatorView, RoomSnapshot, Vote, VoteCandidate } from '../../core/room/model.js';

/*
 * The room's server, as the workshop uses it.
 *
 * URLs: the board at `boardUrl` (…/b/<board token>/), participants at `joinUrl` (…/j/<join code>/).
 * Every route outside those two prefixes, or with a wrong token, is refused (401 without one,
 * 403 with a wrong one). Tokens and the join code are made anew by each startRoom and never
 * appear in a snapshot or in a `log` line.
 *
 * The board's event stream: GET `${boardUrl}events` (Server-Sent Events). Each message is
 * `event: state` with `data:` one BoardView as JSON: the whole view, sent on connect and after
 * every change (changes arriving close together are sent as one message).
 *
 * Participants' API (under joinUrl, each POST with `Origin` the server's own and a JSON body
 * of at most 16 KB; `Authorization: Bearer <participant token>` on all but join):
 *   POST join        {name, guest?}         → {token, participant}
 *   POST contribute  {text}                 → {contribution}   (answered once persist() resolved)
 *   POST vote        {voteId, dots: {candidateId: n}} → {ballot} (the whole ballot, within budget)
 *   GET  me                                 → {participant, ballot?}
 *   GET  events                             → SSE `event: state` with a ParticipantView
 * Rate limit per participant: bursts of 30 requests, then 10 a second (429 past it).
 */

export interface RoomOptions {
  /** The address to listen on; 127.0.0.1 unless given. */
  host?: string;
  /** The port; a free one unless given. */
  port?: number;
  /** The room as it was (from the draft on --resume), or empty. */
  initial: RoomSnapshot;
  /**
   * Save the room: called after every participant's change (several may be saved by one call);
   * resolves when on disk. A participant's POST is answered only after the call that includes
   * its change resolved. Calls never overlap.
   */
  persist(snapshot: RoomSnapshot): Promise<void>;
  /** Told after every change, from participants or the facilitator. */
  onChange?(snapshot: RoomSnapshot): void;
  /** Where the server reports what happens, a line at a time, made safe for a terminal (never a token). */
  log?: (line: string) => void;
}

export interface RoomHandle {
  boardUrl: string;
  joinUrl: string;
  /** The join URL as a QR code for the terminal: block characters, black on white in colour escape codes (scans on any background). */
  qr: string;
  /** The same without escape codes, for a stream without colour (NO_COLOR): light modules as blocks, which scans on a dark terminal. */
  qrPlain: string;
  /** Show the facilitator's side: agenda, current section and clock, capture, stage counts. */
  update(view: FacilitatorView): void;
  /** Accept a contribution into the capture (marks it; the workshop adds it to its capture). Throws on an unknown id. */
  accept(contributionId: string, as: AcceptedAs): void;
  /** Open a vote on the current section's candidates (closing any open one). */
  openVote(candidates: VoteCandidate[], budget: number): Vote;
  /** Close the open vote and give it with its ballots; undefined when none was open. */
  closeVote(): Vote | undefined;
  snapshot(): RoomSnapshot;
  /** Stop serving; resolves when every pending save has been made and the port is free. */
  close(): Promise<void>;
}
