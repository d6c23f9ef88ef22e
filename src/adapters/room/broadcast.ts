import type { Context } from 'hono';
import { type SSEStreamingApi, streamSSE } from 'hono/streaming';

/** How long changes are gathered into one message: well inside the second a browser must see them in. */
const GATHER_MS = 25;
/** A comment now and then keeps proxies and idle sockets from dropping a quiet stream. */
const KEEP_ALIVE_MS = 15_000;

/**
 * One Server-Sent Events stream, sent to every page that listens: the whole view on connect
 * (so a page that reconnects has the current state) and again after changes, gathered.
 */
export class Broadcast {
  private readonly clients = new Map<SSEStreamingApi, () => void>();
  private timer: NodeJS.Timeout | undefined;
  private readonly keepAlive: NodeJS.Timeout;

  constructor(private readonly render: () => string) {
    this.keepAlive = setInterval(() => {
      for (const s of this.clients.keys()) void s.write(': keep-alive\n\n').catch(() => {});
    }, KEEP_ALIVE_MS);
    this.keepAlive.unref();
  }

  respond(c: Context): Response {
    c.header('Cache-Control', 'no-store');
    return streamSSE(c, async (stream) => {
      const ended = new Promise<void>((resolve) => {
        this.clients.set(stream, resolve);
        stream.onAbort(resolve);
      });
      // retry: a page whose stream drops asks again after a second.
      await stream.writeSSE({ event: 'state', data: this.render(), retry: 1000 });
      await ended;
      this.clients.delete(stream);
    });
  }

  changed(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.clients.size === 0) return;
      const data = this.render();
      for (const s of this.clients.keys()) void s.writeSSE({ event: 'state', data }).catch(() => {});
    }, GATHER_MS);
  }

  close(): void {
    clearTimeout(this.timer);
    clearInterval(this.keepAlive);
    for (const [stream, end] of this.clients) {
      end();
      void stream.close().catch(() => {});
    }
    this.clients.clear();
  }
}
