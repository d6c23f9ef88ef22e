import { Agent, request } from 'node:http';
import type { BoardView, ParticipantView } from '../../src/core/room/model.js';

/*
 * A participant and a board as a program: the room's HTTP API driven with fetch, as the pages
 * drive it (a participant's token in the Authorization header, the room's own Origin).
 */

/** A room's event stream (the board's, or the participants'), read as it comes: every view received, and a wait for one that matches. */
export interface ViewStream<V> {
  views: { at: number; view: V }[];
  /** Waits for a view (received already, or to come) that satisfies the test; fails with the last view after timeoutMs. */
  waitFor(test: (v: V) => boolean, timeoutMs?: number): Promise<V>;
  /** Called with every view as it arrives. */
  onView?: (v: V, at: number) => void;
  close(): void;
}

/** The board's stream: `${boardUrl}events`. */
export const boardStream = (boardUrl: string) => viewStream<BoardView>(`${boardUrl}events`);
/** What every participant page is sent: `${joinUrl}events`. */
export const participantStream = (joinUrl: string) => viewStream<ParticipantView>(`${joinUrl}events`);

async function viewStream<V>(url: string): Promise<ViewStream<V>> {
  const abort = new AbortController();
  const res = await fetch(url, { signal: abort.signal, headers: { accept: 'text/event-stream' } });
  if (!res.ok || !res.body) throw new Error(`${url}: HTTP ${res.status}`);
  const waiters: { test: (v: V) => boolean; resolve: (v: V) => void }[] = [];
  const stream: ViewStream<V> = {
    views: [],
    waitFor(test, timeoutMs = 20_000) {
      const seen = stream.views.find((x) => test(x.view));
      if (seen) return Promise.resolve(seen.view);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no such board view in ${timeoutMs} ms; the last: ${JSON.stringify(stream.views.at(-1)?.view)?.slice(0, 2000)}`)), timeoutMs);
        waiters.push({
          test,
          resolve: (v) => {
            clearTimeout(timer);
            resolve(v);
          },
        });
      });
    },
    close: () => abort.abort(),
  };
  const decoder = new TextDecoder();
  let buffer = '';
  void (async () => {
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const message = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const lines = message.split('\n');
          if (!lines.includes('event: state')) continue;
          const view = JSON.parse(lines.filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trimStart()).join('\n')) as V;
          const at = performance.now();
          stream.views.push({ at, view });
          stream.onView?.(view, at);
          for (const w of [...waiters]) {
            if (!w.test(view)) continue;
            waiters.splice(waiters.indexOf(w), 1);
            w.resolve(view);
          }
        }
      }
    } catch {
      // closed
    }
  })();
  return stream;
}

/**
 * The participants' API of a room, by its join URL. Each participant is a browser: its own
 * keep-alive connections, at most six at a time to the room (as browsers open per site), so a
 * burst of its requests queues on them as a page's would.
 */
export function participantApi(joinUrl: string) {
  const origin = new URL(joinUrl).origin;
  const agents = new Map<string, Agent>();
  const agentOf = (who: string) => {
    const known = agents.get(who);
    if (known) return known;
    const made = new Agent({ keepAlive: true, maxSockets: 6 });
    agents.set(who, made);
    return made;
  };
  const post = (path: string, body: unknown, token?: string): Promise<Record<string, unknown>> =>
    new Promise((resolve, reject) => {
      const data = JSON.stringify(body);
      const req = request(
        `${joinUrl}${path}`,
        {
          method: 'POST',
          agent: agentOf(token ?? ''),
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data), origin, ...(token ? { authorization: `Bearer ${token}` } : {}) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            if (res.statusCode !== 200) reject(new Error(`POST ${path}: HTTP ${res.statusCode} ${text}`));
            else resolve(JSON.parse(text) as Record<string, unknown>);
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(data);
    });
  return {
    async join(name: string, guest = false): Promise<string> {
      return ((await post('join', { name, ...(guest ? { guest: true } : {}) })) as { token: string }).token;
    },
    contribute: (token: string, text: string) => post('contribute', { text }, token),
    vote: (token: string, voteId: string, dots: Record<string, number>) => post('vote', { voteId, dots }, token),
    /** Closes every participant's connections. */
    close: () => {
      for (const a of agents.values()) a.destroy();
    },
  };
}
