import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeAtomic } from '../../src/adapters/files/atomic.js';
import { startRoom } from '../../src/adapters/room/server.js';
import type { RoomHandle, RoomOptions } from '../../src/adapters/room/types.js';
import type { FacilitatorView, RoomSnapshot } from '../../src/core/room/model.js';
import { emptyRoom } from '../../src/core/room/state.js';

/**
 * A room served on loopback, with the test playing the facilitator through the RoomHandle
 * (as the workshop does) and saving each snapshot to a file of its own, as a draft would be.
 */
export interface TestRoom {
  room: RoomHandle;
  /** The file every persist() wrote, and what it holds now. */
  file: string;
  saved(): RoomSnapshot;
  logs: string[];
  origin: string;
  /** POST JSON under the join URL, with the room's Origin unless told otherwise. */
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  join(name: string, guest?: boolean): Promise<{ token: string; participant: { id: string; name: string } }>;
  stop(): Promise<void>;
}

export const MEMBERS = ['Ana Lima', 'Ben Okafor', 'Chloé Martin'];

export const SECTIONS = [
  { id: 'kickoff', title: 'Kickoff', minutes: 15 },
  { id: 'mql-definition', title: 'What makes a lead marketing-qualified', minutes: 30 },
  { id: 'sla', title: 'The service-level agreement', minutes: 20 },
];

/** The facilitator's side with `current` the section under way, its timebox ending `endsInMs` from now. */
export function facilitatorAt(current: string, capture: FacilitatorView['capture'] = [], endsInMs = 10 * 60_000): FacilitatorView {
  const at = SECTIONS.findIndex((s) => s.id === current);
  return {
    title: 'Kickoff workshop',
    agenda: SECTIONS.map((s, i) => ({ ...s, state: i < at ? 'done' : i === at ? 'current' : i === at + 1 ? 'next' : 'later' })),
    current: { section: current, endsAt: new Date(Date.now() + endsInMs).toISOString() },
    capture,
  };
}

export async function startTestRoom(opts: Partial<RoomOptions> = {}): Promise<TestRoom> {
  const dir = mkdtempSync(join(tmpdir(), 'align-room-'));
  const file = join(dir, 'room.json');
  const logs: string[] = [];
  const room = await startRoom({
    initial: emptyRoom(MEMBERS, 'Kickoff workshop'),
    persist: async (s) => writeAtomic(file, JSON.stringify(s), 'replace'),
    log: (line) => logs.push(line),
    ...opts,
  });
  const origin = new URL(room.joinUrl).origin;
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(new URL(path, room.joinUrl), { method: 'POST', headers: { Origin: origin, 'Content-Type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return {
    room,
    file,
    saved: () => JSON.parse(readFileSync(file, 'utf8')) as RoomSnapshot,
    logs,
    origin,
    post,
    async join(name, guest = false) {
      const res = await post('join', { name, guest });
      if (!res.ok) throw new Error(`join answered ${res.status}: ${await res.text()}`);
      return (await res.json()) as { token: string; participant: { id: string; name: string } };
    },
    async stop() {
      await room.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const CHROMIUM = '/usr/bin/chromium';

/** Debian's Chromium, headless, with the flags this machine's closed network needs. */
export async function launchChromium(): Promise<import('playwright-core').Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
