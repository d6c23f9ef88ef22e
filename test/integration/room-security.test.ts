// The room's server refuses what it must: no token, a wrong token, another site's page, a
// big body, a flood; it listens on this machine only unless told; its secrets stay out of
// what is saved and logged. Requests go to a real server on loopback.
import { request } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { facilitatorAt, startTestRoom, type TestRoom } from '../helpers/room.js';

/** A request with exactly these headers (fetch would not let a test set Host). */
function raw(url: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => {
        body += d;
        // An event stream never ends: its first message is enough.
        if (res.headers['content-type']?.startsWith('text/event-stream') && body.includes('\n\n')) res.destroy();
      });
      res.on('close', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      res.on('error', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

let t: TestRoom;
let board: URL;
let join: URL;
let token: string;

beforeAll(async () => {
  t = await startTestRoom();
  board = new URL(t.room.boardUrl);
  join = new URL(t.room.joinUrl);
  t.room.update(facilitatorAt('kickoff'));
  token = (await t.join('Ana Lima')).token;
});
afterAll(() => t.stop());

const BOARD_ROUTES = ['', 'board.js', 'room.css', 'join.svg', 'events'];
const JOIN_GETS = ['', 'join.js', 'room.css', 'events', 'me'];
const JOIN_POSTS = ['join', 'contribute', 'vote'];

describe('what the room refuses', () => {
  it('serves every route with its token (the routes below exist)', async () => {
    for (const r of BOARD_ROUTES) expect((await raw(`${board.href}${r}`)).status, r).toBe(200);
    for (const r of JOIN_GETS) expect((await raw(`${join.href}${r}`, { headers: { authorization: `Bearer ${token}` } })).status, r).toBe(200);
  });

  it('answers 401 to every route without a token, and 403 with a wrong one', async () => {
    const origin = board.origin;
    const without = ['/', '/favicon.ico', '/b/', '/j/', '/b', '/events', ...BOARD_ROUTES.map((r) => `/b//${r}`), ...JOIN_GETS.map((r) => `/j//${r}`)];
    for (const path of without) expect((await raw(`${origin}${path}`)).status, path).toBe(401);
    for (const path of JOIN_POSTS) expect((await raw(`${origin}/j//${path}`, { method: 'POST', headers: { origin, 'content-type': 'application/json' }, body: '{}' })).status, path).toBe(401);

    const wrongBoard = `${origin}/b/${'x'.repeat(24)}/`;
    const wrongJoin = `${origin}/j/${'x'.repeat(24)}/`;
    // The board's token does not open the participants' pages, nor the join code the board.
    const swapped = [`${origin}/j/${board.pathname.split('/')[2]}/`, `${origin}/b/${join.pathname.split('/')[2]}/`];
    for (const base of [wrongBoard, ...swapped.slice(1)]) for (const r of BOARD_ROUTES) expect((await raw(`${base}${r}`)).status, `${base}${r}`).toBe(403);
    for (const base of [wrongJoin, swapped[0]!]) {
      for (const r of JOIN_GETS) expect((await raw(`${base}${r}`, { headers: { authorization: `Bearer ${token}` } })).status, r).toBe(403);
      for (const r of JOIN_POSTS) expect((await raw(`${base}${r}`, { method: 'POST', headers: { origin, 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: '{"name":"Ben Okafor"}' })).status, r).toBe(403);
    }
  });

  it('asks a participant for the token the join gave: 401 without one, 403 with another', async () => {
    const before = t.saved().contributions.length;
    expect((await raw(`${join.href}me`)).status).toBe(401);
    expect((await raw(`${join.href}me`, { headers: { authorization: 'Bearer not-a-token' } })).status).toBe(403);
    for (const [path, body] of [['contribute', { text: 'hello' }], ['vote', { voteId: 'v', dots: {} }]] as const) {
      expect((await t.post(path, body)).status).toBe(401);
      expect((await t.post(path, body, { Authorization: 'Bearer not-a-token' })).status).toBe(403);
      // A cookie is no token.
      expect((await t.post(path, body, { Cookie: `token=${token}` })).status).toBe(401);
    }
    expect(t.saved().contributions.length).toBe(before);
  });

  it('refuses a change from another origin, or with none, with 403', async () => {
    const auth = { Authorization: `Bearer ${token}` };
    for (const origin of ['http://evil.example', `http://127.0.0.1:${Number(join.port) + 1}`, 'null', `https://${join.host}`]) {
      expect((await t.post('contribute', { text: 'from elsewhere' }, { ...auth, Origin: origin })).status, origin).toBe(403);
      expect((await t.post('join', { name: 'Ben Okafor' }, { Origin: origin })).status, origin).toBe(403);
    }
    expect((await raw(`${join.href}contribute`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{"text":"no origin"}' })).status).toBe(403);
    expect(t.room.snapshot().contributions.some((c) => c.text === 'from elsewhere' || c.text === 'no origin')).toBe(false);
  });

  it('refuses a request naming another host (a page of another site resolved to this machine)', async () => {
    const res = await raw(t.room.boardUrl, { headers: { host: `evil.example:${board.port}` } });
    expect(res.status).toBe(403);
    expect(res.body).not.toContain('<script');
    expect((await raw(t.room.boardUrl, { headers: { host: `localhost:${board.port}` } })).status).toBe(200);
  });

  it('refuses a 17 KB body with 413 and takes one under 16 KB', async () => {
    const auth = { Authorization: `Bearer ${token}` };
    const big = await t.post('contribute', { text: 'x'.repeat(17 * 1024) }, auth);
    expect(big.status).toBe(413);
    // Without a Content-Length the limit holds as the body streams in.
    const chunked = await raw(`${join.href}contribute`, { method: 'POST', headers: { origin: join.origin, authorization: `Bearer ${token}`, 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, body: JSON.stringify({ text: 'y'.repeat(17 * 1024) }) });
    expect(chunked.status).toBe(413);
    expect((await t.post('join', { name: 'z'.repeat(17 * 1024), guest: true })).status).toBe(413);
    const fits = await t.post('contribute', { text: 'w'.repeat(15 * 1024) }, auth);
    expect(fits.status).toBe(200);
    expect(t.saved().contributions.map((c) => c.text.length)).toContain(15 * 1024);
    expect(t.saved().contributions.some((c) => c.text.startsWith('x') || c.text.startsWith('y'))).toBe(false);
  });

  it('refuses a body that is not what the route takes, saying what was expected', async () => {
    const auth = { Authorization: `Bearer ${token}` };
    const cases: [string, string | object, string][] = [
      ['contribute', 'not json', 'expected a JSON body'],
      ['contribute', { text: '   ' }, 'expected a note'],
      ['contribute', { text: 'hi', extra: 1 }, 'extra'],
      ['join', { name: 'Nobody Known' }, 'not one of the workspace'],
    ];
    for (const [path, body, says] of cases) {
      const res = await t.post(path, body, path === 'join' ? {} : auth);
      expect(res.status, path).toBe(400);
      expect(((await res.json()) as { error: string }).error).toContain(says);
    }
    const textPlain = await raw(`${join.href}contribute`, { method: 'POST', headers: { origin: join.origin, authorization: `Bearer ${token}`, 'content-type': 'text/plain' }, body: '{"text":"hi"}' });
    expect(textPlain.status).toBe(400);
  });

  it('limits how fast one participant may send (429), and not the others', async () => {
    const { token: ben } = await t.join('Ben Okafor');
    const statuses = await Promise.all(Array.from({ length: 45 }, () => raw(`${join.href}me`, { headers: { authorization: `Bearer ${ben}` } }).then((r) => r.status)));
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(30);
    expect((await raw(`${join.href}me`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
  });

  it('sends a Content-Security-Policy with no inline script, and keeps its URLs to itself', async () => {
    for (const url of [t.room.boardUrl, t.room.joinUrl]) {
      const res = await raw(url);
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("default-src 'none'");
      expect(csp).not.toContain('unsafe');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      // Scripts come from files: no inline <script> with a body.
      expect(res.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    }
  });

  it('keeps tokens and the join code out of what it saves and logs', async () => {
    expect((await t.post('contribute', { text: 'a note to save' }, { Authorization: `Bearer ${token}` })).status).toBe(200);
    const saved = JSON.stringify(t.saved());
    expect(saved).toContain('a note to save');
    // A name that would clear the screen is logged with its escape shown, not obeyed.
    await t.join('Eve\x1b[2J', true);
    const logs = t.logs.join('\n');
    expect(logs).toContain('Ana Lima');
    expect(logs).toContain('room: Eve\\x1b[2J joined as a guest');
    expect(logs).not.toContain('\x1b');
    for (const secret of [board.pathname.split('/')[2]!, join.pathname.split('/')[2]!, token]) {
      expect(secret.length).toBeGreaterThan(20);
      expect(saved).not.toContain(secret);
      expect(logs).not.toContain(secret);
      expect(JSON.stringify(t.room.snapshot())).not.toContain(secret);
    }
  });
});

describe('the join QR code', () => {
  it('is given for a terminal with colour and without, and shown on the board', async () => {
    expect(t.room.qr).toMatch(/\x1b\[47m/);
    expect(t.room.qrPlain).not.toMatch(/\x1b/);
    const rows = t.room.qrPlain.trimEnd().split('\n');
    // Two modules a character high: a code of N modules (plus the margin) is about twice as wide as high.
    expect(rows.length).toBeGreaterThan(10);
    expect(new Set(rows.map((r) => [...r].length)).size).toBe(1);
    expect(rows.join('')).toMatch(/[█▀▄]/);
    const svg = await raw(`${board.href}join.svg`);
    expect(svg.headers['content-type']).toBe('image/svg+xml');
    expect(svg.body).toMatch(/^<svg[^>]*viewBox/);
  });
});

describe('where the room listens', () => {
  const external = Object.values(networkInterfaces())
    .flat()
    .find((i) => i && !i.internal && i.family === 'IPv4')?.address;
  const reaches = (host: string, port: number) =>
    new Promise<boolean>((resolve) => {
      const s = connect(port, host, () => {
        s.destroy();
        resolve(true);
      });
      s.on('error', () => resolve(false));
    });

  it('listens on 127.0.0.1 only by default, and on the network when asked', async () => {
    expect(board.hostname).toBe('127.0.0.1');
    const port = Number(board.port);
    expect(await reaches('127.0.0.1', port)).toBe(true);
    if (!external) return; // a machine with no network address has nothing else to reach
    expect(await reaches(external, port)).toBe(false);
    const wide = await startTestRoom({ host: '0.0.0.0' });
    try {
      const widePort = Number(new URL(wide.room.boardUrl).port);
      expect(new URL(wide.room.boardUrl).hostname).toBe(external);
      expect(await reaches(external, widePort)).toBe(true);
    } finally {
      await wide.stop();
    }
  });
});

describe('the event streams', () => {
  /** The stream's `state` messages, parsed, as they arrive. */
  function stream(url: string) {
    const states: unknown[] = [];
    let ended = false;
    const req = request(url, (res) => {
      let buf = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => {
        buf += d;
        for (let i = buf.indexOf('\n\n'); i >= 0; i = buf.indexOf('\n\n')) {
          const data = /^data: (.*)$/m.exec(buf.slice(0, i));
          if (/^event: state$/m.test(buf.slice(0, i)) && data) states.push(JSON.parse(data[1]!));
          buf = buf.slice(i + 2);
        }
      });
      res.on('close', () => {
        ended = true;
      });
    });
    req.end();
    return { states, ended: () => ended };
  }
  const until = async (f: () => boolean) => {
    while (!f()) await new Promise((r) => setTimeout(r, 10));
  };

  it('gives a page that (re)connects the whole current state, then each change, and ends when the room closes', async () => {
    const r = await startTestRoom();
    r.room.update(facilitatorAt('sla', [{ kind: 'decision', text: 'Reply within a day' }]));
    const { token } = await r.join('Chloé Martin');
    await r.post('contribute', { text: 'before the board connected' }, { Authorization: `Bearer ${token}` });
    const s = stream(`${r.room.boardUrl}events`);
    const p = stream(`${r.room.joinUrl}events`);
    await until(() => s.states.length >= 1 && p.states.length >= 1);
    const first = s.states[0] as { current: { section: string }; capture: unknown[]; contributions: { text: string; author: string }[] };
    expect(first.current.section).toBe('sla');
    expect(first.capture).toEqual([{ kind: 'decision', text: 'Reply within a day' }]);
    expect(first.contributions.map((c) => [c.author, c.text])).toEqual([['Chloé Martin', 'before the board connected']]);
    expect(p.states[0]).toMatchObject({ title: 'Kickoff workshop', current: { section: 'sla', title: 'The service-level agreement' } });

    await r.post('contribute', { text: 'after' }, { Authorization: `Bearer ${token}` });
    await until(() => (s.states.at(-1) as typeof first).contributions.length === 2);
    const closing = r.stop();
    await until(() => s.ended() && p.ended());
    await closing;
  });
});

describe('a save that fails', () => {
  it('tells the page its note is kept, not saved yet, and saves it with the next change', async () => {
    let failNext = false;
    const saves: number[] = [];
    const r = await startTestRoom({
      persist: async (s) => {
        if (failNext) {
          failNext = false;
          throw new Error('disk full');
        }
        saves.push(s.contributions.length);
      },
    });
    try {
      r.room.update(facilitatorAt('kickoff'));
      const auth = { Authorization: `Bearer ${(await r.join('Ana Lima')).token}` };
      failNext = true;
      const failed = await r.post('contribute', { text: 'first' }, auth);
      expect(failed.status).toBe(503);
      expect(((await failed.json()) as { error: string }).error).toContain('do not send it again');
      expect(r.logs).toContain('room: could not save: disk full');
      expect((await r.post('contribute', { text: 'second' }, auth)).status).toBe(200);
      expect(saves.at(-1)).toBe(2);
    } finally {
      await r.stop();
    }
  });
});
