/**
 * What a request must show before the service reads its body and writes: the method (POST), the
 * service not read-only, the per-server token (cookie or header), an `Origin` that is this
 * service's own (a page of another site, even one rebinding its name to 127.0.0.1, is refused), a
 * JSON body, under the size limit. No CORS header is ever sent, so no other origin can read an
 * answer either. Each refusal is a status and plain words, answered as `{ "error": … }`.
 */
import type { IncomingMessage } from 'node:http';
import { requestToken, sameToken } from './token.js';

export interface WriteRefusal {
  status: number;
  error: string;
  headers?: Record<string, string>;
}

export interface GuardSettings {
  /** The server's secret; undefined when it was started without one (read-only). */
  token: string | undefined;
  readOnly: boolean;
  /** The port listened on: `Origin` must name it. */
  port: number;
  /** Whether a `Host` name is one the service answers to (server.ts `hostNames`). */
  allowedHost: (name: string) => boolean;
  maxBodyBytes: number;
}

/** Why `req` may not write, or undefined when it may (its body still to be read with `readJsonBody`). */
export function refuseWrite(req: IncomingMessage, settings: GuardSettings): WriteRefusal | undefined {
  if (req.method !== 'POST') return { status: 405, error: 'Only POST is accepted here.', headers: { Allow: 'POST' } };
  if (settings.readOnly || settings.token === undefined)
    return { status: 403, error: 'read-only: this service was started with --read-only; nothing can be saved.' };
  const host = req.headers.host ?? '';
  if (!settings.allowedHost(hostName(host)) || portOf(host) !== settings.port)
    return { status: 403, error: 'The Host header names another server: open the workbench at the address briefing serve printed.' };
  // Same-origin fetches from the workbench always send Origin; its absence means a foreign client.
  if (req.headers.origin === undefined || req.headers.origin.toLowerCase() !== `http://${host.toLowerCase()}`)
    return { status: 403, error: 'Writes are accepted only from this service’s own pages (the Origin header is missing or another site’s).' };
  const token = requestToken(req);
  if (token === undefined) return { status: 403, error: 'No token: open the address briefing serve printed (it ends in ?token=…) once in this browser.' };
  if (!sameToken(token, settings.token))
    return { status: 403, error: 'Wrong token (it changes each time briefing serve starts): open the address briefing serve printed.' };
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') return { status: 415, error: 'Send the body as JSON (Content-Type: application/json).' };
  if (Number(req.headers['content-length'] ?? 0) > settings.maxBodyBytes) return tooLarge(settings.maxBodyBytes);
  return undefined;
}

function tooLarge(limit: number): WriteRefusal {
  return { status: 413, error: `The body is over ${Math.round(limit / 1024)} KiB: one unit at a time.`, headers: { Connection: 'close' } };
}

/**
 * The body as JSON, read up to `limit` bytes: a longer one (chunked, or lying about its length) is
 * refused as soon as it passes the limit; the rest is not read (the caller closes the connection).
 */
export function readJsonBody(req: IncomingMessage, limit: number): Promise<{ ok: true; value: unknown } | { ok: false; refusal: WriteRefusal }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      // Not destroyed here: the 413 still has to go out on this connection.
      req.off('data', onData).off('end', onEnd).pause();
      resolve({ ok: false, refusal: tooLarge(limit) });
    };
    const onEnd = () => {
      try {
        resolve({ ok: true, value: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown });
      } catch {
        resolve({ ok: false, refusal: { status: 400, error: 'The body is not valid JSON.' } });
      }
    };
    req.on('data', onData).on('end', onEnd).once('error', reject);
  });
}

/** `Host: name:port` → `name` (IPv6 literals keep their brackets). */
function hostName(header: string): string {
  return header.startsWith('[') ? header.slice(0, header.indexOf(']') + 1) : (header.split(':')[0] ?? '');
}

/** The port of a `Host` header (80 when none is written). */
function portOf(header: string): number {
  const colon = header.lastIndexOf(':');
  return colon < 0 || header.endsWith(']') ? 80 : Number(header.slice(colon + 1));
}
