import { isIP } from 'node:net';
import { networkInterfaces } from 'node:os';

/** Where the room listens unless told: this machine only. */
export const DEFAULT_HOST = '127.0.0.1';

/**
 * The host to put in the room's links. Listening on every address (0.0.0.0 or ::), the links
 * name this machine's first network address, which other laptops and phones can reach.
 */
export function urlHost(listenHost: string): string {
  let host = listenHost;
  if (host === '0.0.0.0' || host === '::') {
    const external = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && !i.internal && i.family === 'IPv4');
    host = external?.address ?? DEFAULT_HOST;
  }
  return isIP(host) === 6 ? `[${host}]` : host;
}
