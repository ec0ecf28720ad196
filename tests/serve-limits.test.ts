/**
 * `briefing serve`'s limits, on loopback with bounded loops: trickled requests time out without
 * taking a render slot, caps on open connections and live-preview streams (503 beyond), the
 * render cache bounded in entries and bytes (last good renders included), and what a page on
 * another site could send (OPTIONS, TRACE, foreign Host names, CORS).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Socket } from 'node:net';
import { hostNames, type BriefingServer } from '../src/serve/server.js';
import { events, raw, serveProject, SLUG, type EventStream } from './serve-helpers.js';

const FILE = (name: string) => `/briefings/${SLUG}/${SLUG}.${name}`;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let server: BriefingServer;
const errors: unknown[] = [];
beforeAll(async () => {
  ({ server } = await serveProject({
    watch: false,
    maxConcurrentRenders: 1,
    maxConnections: 8,
    maxLiveClients: 2,
    cacheEntries: 3,
    requestTimeoutMs: 1_000,
    headersTimeoutMs: 600,
    onError: (error) => errors.push(error),
  }));
});
afterAll(async () => {
  await server?.close();
  // No request may have ended in an internal error.
  expect(errors.map(String)).toEqual([]);
});

/** A socket connected to the service, sending nothing. */
function idleSocket(): Promise<Socket> {
  return new Promise((resolve) => {
    const socket = connect(server.port, '127.0.0.1', () => resolve(socket));
    socket.on('error', () => {});
  });
}

/** The raw response to one request on a connection of its own (never one an agent kept alive). */
function onNewConnection(target: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1', () => socket.write(`GET ${target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`));
    let data = '';
    socket.on('data', (chunk) => (data += chunk.toString()));
    socket.on('close', () => resolve(data));
    socket.on('error', reject);
  });
}

describe('serve: slow clients', () => {
  it('times out clients that trickle their headers, without taking a render slot', async () => {
    const renders = server.renderer.cache.renders;
    const trickle = (): Promise<{ data: string; ms: number }> =>
      new Promise((resolve, reject) => {
        const start = performance.now();
        const socket = connect(server.port, '127.0.0.1');
        const text = `GET ${FILE('fr.pdf')} HTTP/1.1\r\nHost: localhost\r\nX-Slow: ${'a'.repeat(200)}`;
        let i = 0;
        const timer = setInterval(() => socket.writable && i < text.length && socket.write(text[i++]!), 50);
        let data = '';
        socket.on('data', (chunk) => (data += chunk.toString()));
        socket.on('close', () => {
          clearInterval(timer);
          resolve({ data, ms: performance.now() - start });
        });
        socket.on('error', () => {});
        setTimeout(() => reject(new Error('trickling client still connected after 10 s')), 10_000).unref();
      });
    const clients = Array.from({ length: 5 }, trickle);
    await pause(200);
    expect(server.renderer.limiter.active).toBe(0);
    expect((await raw(server, FILE('fr.md'))).status).toBe(200);
    for (const { data, ms } of await Promise.all(clients)) {
      expect(data === '' || data.startsWith('HTTP/1.1 408')).toBe(true);
      expect(ms).toBeLessThan(5_000);
    }
    // Only fr.md was rendered: the trickled PDF requests never reached a render.
    expect(server.renderer.cache.renders).toBe(renders + 1);
  });
});

describe('serve: caps', () => {
  it('answers 503 beyond the cap on open connections, and serves again once they close', async () => {
    const idle = await Promise.all(Array.from({ length: 8 }, idleSocket));
    try {
      await pause(100);
      const refused = await onNewConnection('/api/status');
      expect(refused).toMatch(/^HTTP\/1\.1 503 /);
      expect(refused).toMatch(/\r\nRetry-After: 2\r\n/i);
      expect(refused).toMatch(/\r\nConnection: close\r\n/i);
    } finally {
      for (const socket of idle) socket.destroy();
    }
    await pause(100);
    expect(await onNewConnection('/api/status')).toMatch(/^HTTP\/1\.1 200 /);
  });

  it('answers 503 beyond the cap on live-preview streams', async () => {
    const streams: EventStream[] = [await events(server, `${SLUG}.en.html`), await events(server, `${SLUG}.fr.html`)];
    const refused = await raw(server, `/__briefing/events${FILE('en.html')}`);
    expect(refused.status).toBe(503);
    expect(refused.headers['retry-after']).toBe('2');
    streams.pop()!.close();
    for (let i = 0; i < 200 && server.live.size > 1; i++) await pause(10);
    streams.push(await events(server, `${SLUG}.en.html`));
    expect(server.live.size).toBe(2);
    for (const stream of streams) stream.close();
  });
});

describe('serve: the render cache is bounded', () => {
  it('keeps at most the configured entries, last good renders included', async () => {
    for (const name of ['fr.md', 'en.md', 'fr.html', 'en.html', 'review.html']) expect((await raw(server, FILE(name))).status).toBe(200);
    expect(server.renderer.cache.stats.entries).toBeLessThanOrEqual(3);
    // The most recent render is still a hit.
    const renders = server.renderer.cache.renders;
    expect((await raw(server, FILE('review.html'))).status).toBe(200);
    expect(server.renderer.cache.renders).toBe(renders);
  });

  it('keeps at most the configured bytes', async () => {
    const { server: small } = await serveProject({ watch: false, maxConcurrentRenders: 1, cacheBytes: 120_000 });
    try {
      for (const name of ['fr.pdf', 'en.pdf', 'fr-en.pdf', 'fr.md']) expect((await raw(small, FILE(name))).status).toBe(200);
      const { entries, bytes } = small.renderer.cache.stats;
      expect(bytes).toBeLessThanOrEqual(120_000);
      expect(bytes).toBeGreaterThan(0);
      expect(entries).toBeLessThan(8); // four renders and their four last-good entries did not all fit
    } finally {
      await small.close();
    }
  });
});

describe('serve: requests a page on another site could send', () => {
  it('refuses OPTIONS and TRACE (405), foreign Host names (421), and never sends CORS headers', async () => {
    const origin = { Origin: 'https://attacker.example' };
    for (const method of ['OPTIONS', 'TRACE']) {
      const res = await raw(server, '/api/status', { method, headers: { ...origin, 'Access-Control-Request-Method': 'GET' } });
      expect(res.status, method).toBe(405);
      expect(res.headers.allow).toBe('GET, HEAD');
    }
    for (const host of ['attacker.example', 'attacker.example:4173', '127.0.0.1.nip.io', 'localhost.attacker.example']) {
      expect((await raw(server, '/api/status', { headers: { Host: host } })).status, host).toBe(421);
    }
    for (const target of ['/', '/api/status', FILE('fr.md'), '/__briefing/live.js', '/nothing']) {
      const res = await raw(server, target, { headers: origin });
      expect(
        Object.keys(res.headers).filter((name) => name.startsWith('access-control-')),
        target,
      ).toEqual([]);
    }
  });
});

describe('serve: Host names answered per address listened on (DNS rebinding)', () => {
  it.each([
    ['127.0.0.1', ['localhost', '127.0.0.1', '[::1]', '127.0.0.2'], ['attacker.example', '192.168.1.5', '']],
    ['192.168.1.5', ['192.168.1.5', 'localhost'], ['attacker.example', '10.0.0.1']],
    ['0.0.0.0', ['192.168.1.5', '[fe80::1]', 'localhost'], ['attacker.example', 'localhost.attacker.example']],
  ])('listening on %s', (bound, accepted, refused) => {
    const allowed = hostNames(bound);
    for (const name of accepted) expect(allowed(name), name).toBe(true);
    for (const name of refused) expect(allowed(name), name).toBe(false);
  });
});
