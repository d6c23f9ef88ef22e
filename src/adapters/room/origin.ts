import { isIP } from 'node:net';

/**
 * Which hosts a request may name, and which pages may send changes.
 *
 * The Host a browser sends must be this server's port on an address (`127.0.0.1:4000`,
 * `[::1]:4000`, `192.168.1.20:4000`) or on `localhost`: a page on another site that makes its
 * name resolve to this machine (DNS rebinding) names its own host and is refused. A change (a
 * POST) must come from a page of this server: its Origin is `http://` and the Host it was sent to.
 */
export function hostAllowed(host: string | undefined, port: number): boolean {
  if (!host) return false;
  const m = /^(\[[0-9a-fA-F:.]+\]|[^:[\]]+):(\d+)$/.exec(host);
  if (!m || Number(m[2]) !== port) return false;
  const name = m[1]!.replace(/^\[|\]$/g, '');
  return name === 'localhost' || isIP(name) !== 0;
}

export function originAllowed(origin: string | undefined, host: string | undefined): boolean {
  return origin !== undefined && host !== undefined && origin === `http://${host}`;
}
