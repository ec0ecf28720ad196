/**
 * The per-server secret that lets a browser write (the workbench's checks and saves). `briefing
 * serve` prints it in its URL (`/?token=…`); that first visit turns it into an HttpOnly,
 * SameSite=Strict cookie and redirects to the same page without it, so the token leaves the
 * address bar and the history. A page on another site cannot read the cookie, and SameSite keeps
 * the browser from sending it with that site's requests.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { replyError } from './respond.js';

const TOKEN_COOKIE = 'briefing_token';
const TOKEN_HEADER = 'x-briefing-token';

/** A fresh secret: 24 random bytes, base64url (32 characters). */
export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

/** Whether `given` is `token`, in time independent of where they differ (both hashed first, so of their lengths too). */
export function sameToken(given: string, token: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(token)) && given.length > 0;
}

/** The token a request carries, in its `X-Briefing-Token` header or its cookie. */
export function requestToken(req: IncomingMessage): string | undefined {
  const header = req.headers[TOKEN_HEADER];
  if (typeof header === 'string') return header;
  for (const pair of (req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = pair.trim().split('=');
    if (name === TOKEN_COOKIE) return value.join('=');
  }
  return undefined;
}

/**
 * A GET or HEAD with `?token=…`: the right token sets the cookie and redirects (303) to the same
 * URL without it; a wrong one is refused (403). Returns whether the request was answered.
 */
export function tokenLanding(req: IncomingMessage, res: ServerResponse, token: string | undefined): boolean {
  const url = req.url ?? '';
  const query = url.indexOf('?');
  if (query < 0) return false;
  const params = new URLSearchParams(url.slice(query + 1));
  const given = params.get('token');
  if (given === null) return false;
  if (token === undefined || !sameToken(given, token)) {
    replyError(req, res, 403, 'This link’s token is not this server’s (it changes each time briefing serve starts): open the address briefing serve printed.');
    return true;
  }
  params.delete('token');
  const rest = params.toString();
  // Back to the same path on this server: never `//host/…` (another site) nor a backslash form.
  const path = url.slice(0, query);
  const local = path.startsWith('/') && !path.startsWith('//') && !path.includes('\\') ? path : '/';
  res.writeHead(303, {
    Location: `${local}${rest ? `?${rest}` : ''}`,
    'Set-Cookie': `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
    'Cache-Control': 'no-store',
    'Content-Length': 0,
  });
  res.end();
  return true;
}
