/**
 * `briefing serve`: one local HTTP service for on-demand briefings and live preview. This file
 * holds its lifecycle and limits: loopback by default, GET/HEAD only, no request bodies, request
 * and render time limits, a bounded render queue, and a shutdown that lets responses finish.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULTS } from '../core/defaults.js';
import path from 'node:path';
import type { ProjectPaths } from '../core/paths.js';
import type { ServedFile } from './catalogue.js';
import { OutsideProjectError } from './inputs.js';
import { OverloadedError } from './limiter.js';
import { LiveHub, type LiveState } from './live-reload.js';
import type { CachedRender } from './render-cache.js';
import { Renderer } from './renderer.js';
import { replyError } from './respond.js';
import { route } from './routes.js';
import { watchProject, type ProjectWatcher } from './watch.js';
import { ruleDiagnostic } from '../core/errors.js';

export interface ServeOptions {
  paths: ProjectPaths;
  /** Default 127.0.0.1; anything else only when asked for (the CLI warns). */
  host?: string;
  /** Default DEFAULTS.port; 0 picks a free port. */
  port?: number;
  toolVersion?: string;
  /** Renders running at once (default 2, the cores of the reference machine). */
  maxConcurrentRenders?: number;
  /** Renders waiting for a slot before new ones get 503 (default 8). */
  maxQueuedRenders?: number;
  maxLiveClients?: number;
  /** Renders kept in memory (default 128); 0 disables the cache. */
  cacheEntries?: number;
  /** Time to receive a request (default 15 s). */
  requestTimeoutMs?: number;
  /** Longest wait for a render, queue included, before 503 (default 20 s). */
  renderTimeoutMs?: number;
  /** Shown on the index page: editions below it are marked (default DEFAULTS.minCoverage). */
  minCoverage?: number;
  /** Watch the project for live preview (default true). */
  watch?: boolean;
  debounceMs?: number;
  env?: NodeJS.ProcessEnv;
  onRender?: (file: ServedFile, render: CachedRender) => void;
  /** Unexpected errors (a 500 was sent). */
  onError?: (error: unknown) => void;
}

export interface BriefingServer {
  url: string;
  host: string;
  port: number;
  renderer: Renderer;
  live: LiveHub;
  /** Stops accepting connections, ends live streams, stops watching; resolves when in-flight responses are done. */
  close(): Promise<void>;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);
const SHUTDOWN_GRACE_MS = 10_000;

export function isLoopback(host: string): boolean {
  return LOOPBACK_HOSTS.has(host) || /^127\.\d+\.\d+\.\d+$/.test(host);
}

export async function startServer(options: ServeOptions): Promise<BriefingServer> {
  const host = options.host ?? DEFAULTS.host;
  const renderer = new Renderer({
    paths: options.paths,
    toolVersion: options.toolVersion ?? '0',
    maxConcurrentRenders: options.maxConcurrentRenders ?? 2,
    maxQueuedRenders: options.maxQueuedRenders ?? 8,
    cacheEntries: options.cacheEntries ?? 128,
    env: options.env ?? process.env,
    ...(options.onRender ? { onRender: options.onRender } : {}),
  });
  const live = new LiveHub(options.maxLiveClients ?? 64, (file) => liveState(renderer, options.paths.root, file, () => void live.refresh()), options.onError);
  const context = { renderer, live, minCoverage: options.minCoverage ?? DEFAULTS.minCoverage, renderTimeoutMs: options.renderTimeoutMs ?? 20_000 };
  let closing = false;

  const requestTimeout = options.requestTimeoutMs ?? 15_000;
  const server = createServer({
    requestTimeout,
    headersTimeout: Math.min(requestTimeout, 10_000),
    // How often those two are enforced (Node's default, 30 s, would let a slow client linger).
    connectionsCheckingInterval: Math.min(1_000, requestTimeout),
    keepAliveTimeout: 5_000,
    maxHeaderSize: 16 * 1024,
  });
  server.maxConnections = 512;
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    res.setHeader('X-Frame-Options', 'DENY');
    // While shutting down, each finished response frees its connection.
    res.on('finish', () => {
      if (closing) setImmediate(() => server.closeIdleConnections());
    });
    if (closing) res.setHeader('Connection', 'close');
    // A page elsewhere on the web could reach a loopback service through DNS rebinding: on
    // loopback, only loopback names are answered.
    if (isLoopback(host) && !isLoopback(hostName(req.headers.host))) return replyError(req, res, 421, 'This service answers only to localhost.');
    if (req.method !== 'GET' && req.method !== 'HEAD') return replyError(req, res, 405, 'Only GET and HEAD are supported.', { Allow: 'GET, HEAD' });
    if (req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0) {
      // The body is never read: close the connection rather than parse it as the next request.
      res.setHeader('Connection', 'close');
      return replyError(req, res, 413, 'Requests to this service have no body.');
    }
    route(context, req, res).catch((error: unknown) => {
      options.onError?.(error);
      if (!res.headersSent) replyError(req, res, 500, 'Internal error (see the terminal running briefing serve).');
      else res.destroy();
    });
  });

  let watcher: ProjectWatcher | undefined;
  if (options.watch ?? true) {
    watcher = watchProject(options.paths, () => void live.refresh(), options.debounceMs ?? 30);
    await watcher.ready;
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULTS.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  }).catch((error: unknown) => {
    watcher?.close();
    live.closeAll();
    throw error;
  });
  const port = (server.address() as AddressInfo).port;

  let closed: Promise<void> | undefined;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}/`,
    host,
    port,
    renderer,
    live,
    close() {
      closed ??= new Promise<void>((resolve) => {
        closing = true;
        watcher?.close();
        live.closeAll();
        server.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS).unref();
      });
      return closed;
    },
  };
}

/** `Host: name:port` → `name` (IPv6 literals keep their brackets). */
function hostName(header: string | undefined): string {
  if (!header) return '';
  return header.startsWith('[') ? header.slice(0, header.indexOf(']') + 1) : (header.split(':')[0] ?? '');
}

/** What a previewed file (`<slug>/<name>`) looks like now, for its live clients. */
async function liveState(renderer: Renderer, root: string, id: string, retry: () => void): Promise<LiveState> {
  const [slug = '', name = ''] = id.split('/');
  try {
    const found = await renderer.resolve(slug, name);
    if (!found) return { kind: 'unknown' };
    const result = await renderer.render(found.source, found.file);
    return result.ok ? { kind: 'ok', version: result.etag.slice(1, -1) } : { kind: 'problem', diagnostics: result.diagnostics };
  } catch (error) {
    if (error instanceof OverloadedError) {
      // Busy with downloads: look again shortly rather than leave the preview stale.
      setTimeout(retry, 250).unref();
      return { kind: 'unknown' };
    }
    // Named by its real path in the project (the article, a locale file or a template), not the URL.
    if (error instanceof OutsideProjectError)
      return { kind: 'problem', diagnostics: [ruleDiagnostic('briefing:outside-project', path.relative(root, error.file), {})] };
    throw error;
  }
}
