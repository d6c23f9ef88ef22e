import type { HttpBindings } from '@hono/node-server';
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { BallotBody, ContributeBody, JoinBody, readBody } from '../../core/room/bodies.js';
import type { Participant } from '../../core/room/model.js';
import { RoomRefusal } from '../../core/room/refusal.js';
import type { RoomAssets } from './assets.js';
import { hostAllowed, originAllowed } from './origin.js';
import { RateLimiter } from './rate.js';
import { type LiveRoom, SaveFailed } from './room.js';
import { sameSecret } from './secrets.js';

const MAX_BODY_BYTES = 16 * 1024;

/** Every response: nothing inline runs, nothing loads from elsewhere, nothing is kept or framed, no URL (with its token) is passed on. */
const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cache-Control': 'no-store',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

const REFUSAL_STATUS: Record<RoomRefusal['kind'], ContentfulStatusCode> = { invalid: 400, unknown: 404, conflict: 409, full: 409 };

interface Secrets {
  board: string;
  join: string;
}

type Env = { Bindings: HttpBindings; Variables: { participant: Participant } };

const refuse = (c: Context, status: ContentfulStatusCode, error: string) => c.json({ error }, status);

/**
 * The room's routes. The board lives under /b/<board token>/ and the participants under
 * /j/<join code>/; anything else is refused: 401 without a token, 403 with a wrong one.
 */
export function roomApp(room: LiveRoom, secrets: Secrets, assets: RoomAssets, port: number, log?: (line: string) => void): Hono<Env> {
  const app = new Hono<Env>();
  const perParticipant = new RateLimiter(30, 10);
  const perAddress = new RateLimiter(100, 5);

  app.use('*', async (c, next) => {
    await next();
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(k, v);
  });

  app.use('*', async (c, next) => {
    if (!hostAllowed(c.req.header('host'), port)) return refuse(c, 403, 'this room answers only at its own address');
    const [, area, secret] = c.req.path.split('/');
    const expected = area === 'b' ? secrets.board : area === 'j' ? secrets.join : undefined;
    if (expected === undefined || !secret) return refuse(c, 401, 'this room needs the link its facilitator gave');
    if (!sameSecret(secret, expected)) return refuse(c, 403, 'this link is not this room’s: ask the facilitator for the current one');
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && !originAllowed(c.req.header('origin'), c.req.header('host'))) {
      return refuse(c, 403, 'changes are accepted only from the room’s own pages');
    }
    return next();
  });

  app.onError((err, c) => {
    if (err instanceof RoomRefusal) return refuse(c, REFUSAL_STATUS[err.kind], err.message);
    if (err instanceof SaveFailed) return refuse(c, 503, err.message);
    log?.(`room: internal error: ${err.message}`);
    return refuse(c, 500, 'the room could not do that (an error in align)');
  });
  app.notFound((c) => refuse(c, 404, 'nothing here'));

  // The board.
  app.get('/b/:t', (c) => c.redirect(`${c.req.path}/`));
  app.get('/b/:t/', (c) => c.html(assets.boardHtml));
  app.get('/b/:t/board.js', (c) => c.body(assets.boardJs, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }));
  app.get('/b/:t/room.css', (c) => c.body(assets.css, 200, { 'Content-Type': 'text/css; charset=utf-8' }));
  app.get('/b/:t/join.svg', (c) => c.body(assets.joinQrSvg, 200, { 'Content-Type': 'image/svg+xml' }));
  app.get('/b/:t/events', (c) => room.board.respond(c));

  // The participants' pages.
  app.get('/j/:c', (c) => c.redirect(`${c.req.path}/`));
  app.get('/j/:c/', (c) => c.html(assets.joinHtml));
  app.get('/j/:c/join.js', (c) => c.body(assets.joinJs, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }));
  app.get('/j/:c/room.css', (c) => c.body(assets.css, 200, { 'Content-Type': 'text/css; charset=utf-8' }));
  app.get('/j/:c/events', (c) => room.participants.respond(c));

  const limit = bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => refuse(c, 413, `a request may carry at most ${MAX_BODY_BYTES / 1024} KB`) });
  const json = async (c: Context): Promise<unknown> => {
    if (!/^application\/json\b/i.test(c.req.header('content-type') ?? '')) throw new RoomRefusal('invalid', 'expected a JSON body (Content-Type: application/json)');
    try {
      return await c.req.json();
    } catch {
      throw new RoomRefusal('invalid', 'expected a JSON body');
    }
  };

  app.post('/j/:c/join', limit, async (c) => {
    if (!perAddress.allow(c.env.incoming.socket.remoteAddress ?? '')) return refuse(c, 429, 'too many joins from this address: wait a moment');
    return c.json(await room.join(readBody(JoinBody, await json(c))));
  });

  // Everything else a participant does carries the token the join gave, in a header.
  const participant = async (c: Context<Env>, next: () => Promise<void>) => {
    const m = /^Bearer (\S+)$/.exec(c.req.header('authorization') ?? '');
    if (!m) return refuse(c, 401, 'join the room first');
    const p = room.participantFor(m[1]!);
    if (!p) return refuse(c, 403, 'this page’s place in the room is gone: join again');
    if (!perParticipant.allow(p.id)) return refuse(c, 429, 'too many requests: wait a moment');
    c.set('participant', p);
    return next();
  };

  app.get('/j/:c/me', participant, (c) => c.json(room.me(c.get('participant'))));
  app.post('/j/:c/contribute', limit, participant, async (c) => c.json({ contribution: await room.contribute(c.get('participant'), readBody(ContributeBody, await json(c))) }));
  app.post('/j/:c/vote', limit, participant, async (c) => c.json({ ballot: await room.ballot(c.get('participant'), readBody(BallotBody, await json(c))) }));

  return app;
}
