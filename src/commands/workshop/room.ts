import type { Context } from '../../adapters/context.js';
import type { RoomHandle } from '../../adapters/room/types.js';
import type { DraftWriter } from '../../adapters/workspace/drafts.js';
import { println } from '../../adapters/terminal/style.js';
import type { FacilitatorView, RoomSnapshot } from '../../core/room/model.js';
import { terminalSafe as t } from '../../core/text/terminal.js';
import { roomRecord } from '../../core/workshop/room.js';
import type { WorkshopState } from '../../core/workshop/state.js';
import { runSections } from '../../core/workshop/outcome.js';
import { stageCounts, type LeadTable } from '../../core/workshop/preview.js';
import { facilitatorView } from '../../core/workshop/room-view.js';
import type { WorkshopInput } from '../../core/workshop/types.js';

/** Where the room listens: `--host` and `--port`, as given. */
export interface RoomFlags {
  host?: string;
  port?: number;
}

/** The room of a workshop: the server, and how the workshop keeps it up to date. */
export interface WorkshopRoom {
  handle: RoomHandle;
  /** Shows the board where the workshop is now (after every answer, and every change of step). */
  refresh(): void;
  /** Keeps what the facilitator just did in the room (accepted, a vote opened or closed) in the draft, and shows it. */
  changed(): void;
  /** Stops the server; what the room holds is already in the draft. */
  close(): Promise<void>;
}

/** Addresses only this machine reaches: no warning for them. */
const loopback = (host: string) => host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);

/**
 * Starts the room for a workshop: the room as the draft kept it (on --resume), each change the
 * participants make saved into the draft by the workshop's one draft writer before they are
 * answered, and the board and join links (and the join link as a QR code) on stderr.
 */
export async function openRoom(flags: RoomFlags, state: WorkshopState, writer: DraftWriter, members: string[], view: () => FacilitatorView, ctx: Context): Promise<WorkshopRoom> {
  const { startRoom } = await import('../../adapters/room/server.js');
  const kept = state.room ?? { participants: [], contributions: [], votes: [] };
  // A port in use or an address the machine lacks is refused by startRoom as the user's mistake.
  const handle = await startRoom({
    ...(flags.host !== undefined ? { host: flags.host } : {}),
    ...(flags.port !== undefined ? { port: flags.port } : {}),
    initial: { members, ...kept, facilitator: view() },
    persist: (snapshot: RoomSnapshot) => {
      state.room = roomRecord(snapshot);
      return writer.soon();
    },
    // What the server reports would break into the prompts; it is shown with --debug only.
    ...(ctx.debug ? { log: (line: string) => println(ctx.stderr, t(`room: ${line}`)) } : {}),
  });
  if (flags.host !== undefined && !loopback(flags.host)) {
    println(ctx.stderr, t(`warning: the room listens on ${flags.host}: anyone on the network who has a link can reach it (the board's token and the join code keep out the others)`));
  }
  println(ctx.stderr, t(`board: ${handle.boardUrl}`));
  println(ctx.stderr, t(`join: ${handle.joinUrl}`));
  // In colour, black on white (scans on any background); without, blocks with no escape code.
  const qr = ctx.colorErr ? handle.qr : handle.qrPlain;
  ctx.stderr.write(qr.endsWith('\n') ? qr : `${qr}\n`);
  const save = () => {
    state.room = roomRecord(handle.snapshot());
    writer.now();
  };
  return {
    handle,
    refresh: () => handle.update(view()),
    changed() {
      save();
      handle.update(view());
    },
    close: () => handle.close(),
  };
}

/**
 * What the board shows of the workshop now: its place in the agenda and the section's clock,
 * what the answers so far (and what was accepted from the room) capture, and with --leads the
 * leads per stage under the rubric as it stands (counted again only when the rubric changed).
 */
export function boardView(state: WorkshopState, input: () => WorkshopInput, leads: LeadTable | undefined, ctx: Context): () => FacilitatorView {
  let counted: { rubric: string; stages: { stage: string; count: number }[] } | undefined;
  return () => {
    const given = input();
    const run = runSections(given, state.answers, undefined, state.room);
    const rubric = run.acc.rubric;
    if (leads && rubric) {
      const key = JSON.stringify(rubric);
      if (counted?.rubric !== key) counted = { rubric: key, stages: stageCounts(rubric, leads, run.acc.session.date) };
    }
    const pos = state.position;
    const section = pos.step === 'section' ? given.template.sections[pos.index] : undefined;
    return facilitatorView({
      template: given.template,
      position: pos,
      now: ctx.now(),
      sectionMs: section ? (state.sectionMs[section.id] ?? 0) : 0,
      captured: run.captured,
      ...(leads && rubric && counted ? { stages: counted.stages } : {}),
    });
  };
}
