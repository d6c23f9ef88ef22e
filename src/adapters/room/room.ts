import { randomUUID } from 'node:crypto';
import type { BallotBody, ContributeBody, JoinBody } from '../../core/room/bodies.js';
import type { AcceptedAs, Contribution, FacilitatorView, Participant, RoomSnapshot, Vote, VoteCandidate } from '../../core/room/model.js';
import { apply, openVote, participantById, participantNamed, type RoomEvent } from '../../core/room/state.js';
import { boardView, participantView } from '../../core/room/views.js';
import { terminalSafe } from '../../core/text/terminal.js';
import { Broadcast } from './broadcast.js';
import { newSecret } from './secrets.js';
import { Saver } from './saver.js';
import type { RoomOptions } from './types.js';

/** A participant's change made in the room but not yet on disk. */
export class SaveFailed extends Error {
  constructor() {
    super('align could not save this to disk yet; it is kept in the room and saved with the next change: do not send it again');
  }
}

/**
 * The room while it is served: its state, the participants' tokens (kept here only, never in
 * the state), the saves and the two event streams. Every change goes through `change`.
 */
export class LiveRoom {
  private state: RoomSnapshot;
  /** participant token → participant id. */
  private readonly tokens = new Map<string, string>();
  private readonly saver: Saver;
  readonly board = new Broadcast(() => JSON.stringify(boardView(this.state)));
  readonly participants = new Broadcast(() => JSON.stringify(participantView(this.state)));

  constructor(private readonly opts: RoomOptions) {
    this.state = opts.initial;
    this.saver = new Saver(() => opts.persist(this.state));
  }

  snapshot(): RoomSnapshot {
    return this.state;
  }

  /**
   * Wait for the room as it is now to be on disk. A failed save is told to the page: its change
   * stays in the room and goes to disk with the next save, so sending it again would repeat it.
   */
  private async saved(): Promise<void> {
    try {
      await this.saver.request();
    } catch (e) {
      this.opts.log?.(`room: could not save: ${terminalSafe((e as Error).message)}`);
      throw new SaveFailed();
    }
  }

  /** The facilitator's changes are saved by the workshop with its draft too: here they are saved without waiting. */
  private saveSoon(): void {
    void this.saved().catch(() => {});
  }

  private change(event: RoomEvent): void {
    this.state = apply(this.state, event);
    this.board.changed();
    this.participants.changed();
    this.opts.onChange?.(this.state);
  }

  // What participants do: each change is saved before it is answered.

  async join(body: JoinBody): Promise<{ token: string; participant: Participant }> {
    const known = participantNamed(this.state, body.name);
    if (!known) this.change({ type: 'join', id: randomUUID(), name: body.name, guest: body.guest ?? false });
    const participant = participantNamed(this.state, body.name)!;
    if (!known) {
      this.opts.log?.(`room: ${terminalSafe(participant.name)} joined${participant.guest ? ' as a guest' : ''}`);
      await this.saved();
    }
    const token = newSecret();
    this.tokens.set(token, participant.id);
    return { token, participant };
  }

  /** The participant a token stands for, or undefined for a token this room did not give. */
  participantFor(token: string): Participant | undefined {
    const id = this.tokens.get(token);
    return id === undefined ? undefined : participantById(this.state, id);
  }

  async contribute(p: Participant, body: ContributeBody): Promise<Contribution> {
    const id = randomUUID();
    this.change({ type: 'contribute', id, participant: p.id, text: body.text, at: new Date().toISOString() });
    const c = this.state.contributions.at(-1)!;
    this.opts.log?.(`room: a note from ${terminalSafe(c.author)}`);
    await this.saved();
    return c;
  }

  async ballot(p: Participant, body: BallotBody): Promise<Record<string, number>> {
    this.change({ type: 'ballot', participant: p.id, vote: body.voteId, dots: body.dots });
    await this.saved();
    return this.state.votes.find((v) => v.id === body.voteId)!.ballots[p.id] ?? {};
  }

  me(p: Participant): { participant: Participant; ballot?: { voteId: string; dots: Record<string, number> }; contributions: Contribution[] } {
    const vote = openVote(this.state);
    const section = this.state.facilitator.current?.section;
    return {
      participant: p,
      ...(vote ? { ballot: { voteId: vote.id, dots: vote.ballots[p.id] ?? {} } } : {}),
      contributions: this.state.contributions.filter((c) => c.author === p.name && c.section === section),
    };
  }

  // What the facilitator does, from the terminal.

  update(view: FacilitatorView): void {
    this.change({ type: 'facilitator', view });
  }

  accept(contributionId: string, as: AcceptedAs): void {
    this.change({ type: 'accept', contribution: contributionId, as });
    this.saveSoon();
  }

  openVote(candidates: VoteCandidate[], budget: number): Vote {
    this.change({ type: 'open-vote', id: randomUUID(), candidates, budget });
    this.saveSoon();
    return openVote(this.state)!;
  }

  closeVote(): Vote | undefined {
    const open = openVote(this.state);
    if (!open) return undefined;
    this.change({ type: 'close-vote' });
    this.saveSoon();
    return this.state.votes.find((v) => v.id === open.id);
  }

  async close(): Promise<void> {
    this.board.close();
    this.participants.close();
    await this.saver.idle();
  }
}
