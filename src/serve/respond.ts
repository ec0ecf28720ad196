/** Writing responses: bodies with their length, errors as short JSON or HTML, conditional GETs. */
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { STATUS_CODES } from 'node:http';
import { h } from 'hastscript';
import { pageCsp, shell } from './html.js';

export function reply(req: IncomingMessage, res: ServerResponse, status: number, body: string | Buffer, headers: OutgoingHttpHeaders): void {
  res.writeHead(status, { ...headers, 'Content-Length': Buffer.byteLength(body) });
  // HEAD: the same headers, no body.
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** Clients of the API and of the preview's machinery get JSON; browsers get a short page. */
function wantsJson(req: IncomingMessage): boolean {
  const url = req.url ?? '';
  if (url.startsWith('/api/') || url.startsWith('/__briefing/')) return true;
  const accept = req.headers.accept ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
}

export function replyError(req: IncomingMessage, res: ServerResponse, status: number, message: string, headers: OutgoingHttpHeaders = {}): void {
  const error = STATUS_CODES[status] ?? 'Error';
  const common = { 'Cache-Control': 'no-store', ...headers };
  if (wantsJson(req)) {
    reply(req, res, status, `${JSON.stringify({ status, error, message })}\n`, { ...common, 'Content-Type': 'application/json; charset=utf-8' });
  } else {
    const body = [h('h1', `${status} ${error}`), h('p', message), h('p', [h('a', { href: '/' }, 'All briefings')])];
    reply(req, res, status, shell(`${status} ${error}`, body), {
      ...common,
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': pageCsp(false),
    });
  }
}

/** Whether `If-None-Match` names `etag` (weak comparison, as RFC 9110 asks for GET). */
export function notModified(req: IncomingMessage, etag: string): boolean {
  const header = req.headers['if-none-match'];
  if (!header) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
}
