import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { UserError } from '../../core/errors.js';
import { DEFAULT_HOST, urlHost } from './address.js';
import { readRoomAssets } from './assets.js';
import { joinQr } from './qr.js';
import { LiveRoom } from './room.js';
import { roomApp } from './routes.js';
import { newSecret } from './secrets.js';
import type { RoomHandle, RoomOptions } from './types.js';

/** Serve the room until `close()`: the board and the participants' pages, on 127.0.0.1 unless `host` says. */
export async function startRoom(opts: RoomOptions): Promise<RoomHandle> {
  const host = opts.host ?? DEFAULT_HOST;
  const secrets = { board: newSecret(), join: newSecret() };
  const room = new LiveRoom(opts);
  // The app needs the port, known only once listening: requests wait for it.
  let app: ReturnType<typeof roomApp> | undefined;
  let closing: Promise<void> | undefined;
  const unavailable = () => new Response(JSON.stringify({ error: 'the room is not open' }), { status: 503, headers: { 'Content-Type': 'application/json' } });
  const server = createAdaptorServer({ fetch: (req, env) => (app && !closing ? app.fetch(req, env) : unavailable()) }) as Server;
  // Idle connections stay open for 30 s (Node's 5 s would close some that a busy room's pages are about to reuse).
  server.keepAliveTimeout = 30_000;
  server.headersTimeout = 35_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      reject(new UserError(`the room cannot listen on ${host}:${opts.port ?? 0}: ${e.code === 'EADDRINUSE' ? 'the port is in use' : e.message}`, 'pick another --port, or leave it out for a free one')),
    );
    // A room of 50 laptops can open hundreds of connections at once: a backlog of 511 would drop some.
    server.listen({ port: opts.port ?? 0, host, backlog: 2048 }, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://${urlHost(host)}:${port}`;
  const boardUrl = `${origin}/b/${secrets.board}/`;
  const joinUrl = `${origin}/j/${secrets.join}/`;
  const qr = await joinQr(joinUrl);
  try {
    app = roomApp(room, secrets, await readRoomAssets(qr.svg), port, opts.log);
  } catch (e) {
    server.close();
    throw e;
  }
  opts.log?.(`room: listening on ${origin}`);

  return {
    boardUrl,
    joinUrl,
    qr: qr.terminal,
    qrPlain: qr.plain,
    update: (view) => room.update(view),
    accept: (id, as) => room.accept(id, as),
    openVote: (candidates, budget) => room.openVote(candidates, budget),
    closeVote: () => room.closeVote(),
    snapshot: () => room.snapshot(),
    close: () => {
      closing ??= (async () => {
        await room.close();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
      })();
      return closing;
    },
  };
}
