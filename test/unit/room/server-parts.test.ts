import { describe, expect, it } from 'vitest';
import { hostAllowed, originAllowed } from '../../../src/adapters/room/origin.js';
import { RateLimiter } from '../../../src/adapters/room/rate.js';
import { Saver } from '../../../src/adapters/room/saver.js';

describe('the saver', () => {
  it('never runs two saves at once, and saves a burst of changes in a few saves that each include them', async () => {
    let running = 0;
    let most = 0;
    let value = 0;
    const saved: number[] = [];
    let release: (() => void) | undefined;
    const saver = new Saver(async () => {
      running++;
      most = Math.max(most, running);
      const v = value;
      await new Promise<void>((r) => {
        release = r;
      });
      saved.push(v);
      running--;
    });
    // Ten changes, each answered only once a save that holds it is made.
    const answered: number[] = [];
    const waits = Array.from({ length: 10 }, (_, i) => {
      value = i + 1;
      return saver.request().then(() => answered.push(Math.max(...saved)));
    });
    while (answered.length < 10) {
      await new Promise((r) => setImmediate(r));
      release?.();
    }
    await Promise.all(waits);
    expect(most).toBe(1);
    expect(saved).toEqual([1, 10]);
    expect(answered.every((s, i) => s >= i + 1)).toBe(true);
  });

  it('passes a failed save to the changes it held, and saves again for the next', async () => {
    let fail = true;
    const saver = new Saver(async () => {
      if (fail) throw new Error('disk full');
    });
    await expect(saver.request()).rejects.toThrow('disk full');
    fail = false;
    await expect(saver.request()).resolves.toBeUndefined();
    await saver.idle();
  });
});

describe('the rate limiter', () => {
  it('allows a burst, then the refill rate, per key', () => {
    let now = 0;
    const limit = new RateLimiter(3, 2, () => now);
    expect([1, 2, 3, 4].map(() => limit.allow('a'))).toEqual([true, true, true, false]);
    expect(limit.allow('b')).toBe(true);
    now = 500; // half a second refills one
    expect([limit.allow('a'), limit.allow('a')]).toEqual([true, false]);
  });
});

describe('hosts and origins', () => {
  it('takes an address or localhost on the room’s port, and an origin that is the host it was sent to', () => {
    for (const h of ['127.0.0.1:4000', 'localhost:4000', '[::1]:4000', '192.168.1.20:4000']) expect(hostAllowed(h, 4000), h).toBe(true);
    for (const h of ['evil.example:4000', '127.0.0.1:4001', '127.0.0.1', undefined, 'localhost.evil.example:4000']) expect(hostAllowed(h, 4000), String(h)).toBe(false);
    expect(originAllowed('http://127.0.0.1:4000', '127.0.0.1:4000')).toBe(true);
    expect(originAllowed('http://localhost:4000', '127.0.0.1:4000')).toBe(false);
    expect(originAllowed(undefined, '127.0.0.1:4000')).toBe(false);
  });
});
