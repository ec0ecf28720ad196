/**
 * `briefing serve`: one local HTTP service for on-demand briefings and live preview. This file
 * holds its lifecycle and limits: loopback by default, `Host` checked (DNS rebinding), GET/HEAD
 * only (but the workbench's two write routes, POST behind write-guard.ts), no other request bodies, request and render time limits, a cap on open connections (503
 * beyond), a bounded render queue on worker threads, and a shutdown that gives responses in
 * flight a short grace, then stops the workers whatever they are rendering.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { isIP, type AddressInfo, type Socket } from 'node:net';
import { hostname } from 'node:os';
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
import { tokenLanding, newToken } from './token.js';
import { TranslateApi } from './translate-api.js';
import { parseRequestTarget } from './url-path.js';
import type { GuardSettings } from './write-guard.js';
import { WATCH_DEBOUNCE_MS, watchProject, type ProjectWatcher } from './watch.js';
import { ruleDiagnostic } from '../core/errors.js';
import { JobStopped } from '../publish/pool.js';

export interface ServeOptions {
  paths: ProjectPaths;
  /** The site's address (`--base-url`): site-relative links of articles without their own address resolve against it. */
  baseUrl?: string;
  /** Default 127.0.0.1; anything else only when asked for (the CLI warns). */
  host?: string;
  /** Default DEFAULTS.port; 0 picks a free port. */
  port?: number;
  toolVersion?: string;
  /** Renders running at once, each on a worker thread (default DEFAULTS.serve.renderWorkers). */
  maxConcurrentRenders?: number;
  /** Renders waiting for a slot before new ones get 503 (default DEFAULTS.serve.queuedRenders). */
  maxQueuedRenders?: number;
  /** Open live-preview streams (default DEFAULTS.serve.maxLiveClients). */
  maxLiveClients?: number;
  /** Open connections before new ones get 503 (default DEFAULTS.serve.maxConnections). */
  maxConnections?: number;
  /** Renders kept in memory (default DEFAULTS.serve.cacheEntries); 0 disables the cache. */
  cacheEntries?: number;
  /** Their total bytes (default DEFAULTS.serve.cacheBytes). */
  cacheBytes?: number;
  /** Parsed articles kept for the index (default DEFAULTS.serve.summaryEntries). */
  summaryEntries?: number;
  /** Longest wait of the index for parses under way (default DEFAULTS.serve.indexWaitMs). */
  indexWaitMs?: number;
  /** Time to receive a request (default DEFAULTS.serve.requestTimeoutMs), and its headers. */
  requestTimeoutMs?: number;
  headersTimeoutMs?: number;
  /** Longest wait for a render, queue included, before 503 (default DEFAULTS.serve.renderWaitMs). */
  renderTimeoutMs?: number;
  /** Longest render of one article, in seconds (default DEFAULTS.timeBudgetSeconds; 0: none). */
  timeBudgetSeconds?: number;
  /** Heap of each render worker (MB; default DEFAULTS.workerHeapMb). */
  workerHeapMb?: number;
  /** Time responses in flight get on close() before workers and connections are cut (default DEFAULTS.serve.shutdownGraceMs). */
  shutdownGraceMs?: number;
  /** Test hook only (see `PoolOptions.entry`). */
  workerEntry?: URL;
  /** Shown on the index page: editions below it are marked (default DEFAULTS.minCoverage). */
  minCoverage?: number;
  /** Watch the project for live preview (default true). */
  watch?: boolean;
  debounceMs?: number;
  env?: NodeJS.ProcessEnv;
  onRender?: (file: ServedFile, render: CachedRender) => void;
  /** Unexpected errors (a 500 was sent). */
  onError?: (error: unknown) => void;
  /** The secret the workbench's writes need (default: a new random one, see token.ts). */
  token?: string;
  /** No writes at all (`--read-only`): the workbench only shows. */
  readOnly?: boolean;
}

export interface BriefingServer {
  url: string;
  host: string;
  port: number;
  renderer: Renderer;
  live: LiveHub;
  /** The workbench's write token (printed in the URL as `?token=`); undefined when read-only. */
  token: string | undefined;
  /**
   * Stops accepting connections, ends live streams, stops watching; responses in flight get the
   * shutdown grace, then the workers are terminated (their requests get 503) and every
   * connection is closed. Resolves when the server is closed.
   */
  close(): Promise<void>;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

export function isLoopback(host: string): boolean {
  return LOOPBACK_HOSTS.has(host) || /^127\.\d+\.\d+\.\d+$/.test(host);
}

export async function startServer(options: ServeOptions): Promise<BriefingServer> {
  const host = options.host ?? DEFAULTS.host;
  const limits = DEFAULTS.serve;
  let watcher: ProjectWatcher | undefined;
  const renderer = new Renderer({
    paths: options.paths,
    ...(options.baseUrl !== undefined ? { baseUrl: options.baseUrl } : {}),
    toolVersion: options.toolVersion ?? '0',
    maxConcurrentRenders: options.maxConcurrentRenders ?? limits.renderWorkers,
    maxQueuedRenders: options.maxQueuedRenders ?? limits.queuedRenders,
    cacheEntries: options.cacheEntries ?? limits.cacheEntries,
    cacheBytes: options.cacheBytes ?? limits.cacheBytes,
    summaryEntries: options.summaryEntries ?? limits.summaryEntries,
    timeBudgetSeconds: options.timeBudgetSeconds ?? DEFAULTS.timeBudgetSeconds,
    workerHeapMb: options.workerHeapMb ?? DEFAULTS.workerHeapMb,
    ...(options.workerEntry ? { workerEntry: options.workerEntry } : {}),
    env: options.env ?? process.env,
    ...(options.onRender ? { onRender: options.onRender } : {}),
    // Images outside the watched folders: watched once an article shows one.
    onImageFolders: () => void watcher?.sync(),
  });
  const live = new LiveHub(
    options.maxLiveClients ?? limits.maxLiveClients,
    (file) => liveState(renderer, options.paths.root, file, () => void live.refresh()),
    options.onError,
  );
  const token = options.readOnly ? undefined : (options.token ?? newToken());
  const allowedHosts = hostNames(host);
  const guard: GuardSettings = { token, readOnly: options.readOnly ?? false, port: 0, allowedHost: allowedHosts, maxBodyBytes: limits.writeBodyBytes };
  const context = {
    renderer,
    live,
    minCoverage: options.minCoverage ?? DEFAULTS.minCoverage,
    renderTimeoutMs: options.renderTimeoutMs ?? limits.renderWaitMs,
    indexWaitMs: options.indexWaitMs ?? limits.indexWaitMs,
    translate: new TranslateApi(renderer, guard, limits.versionSnapshots, () => void live.refresh()),
  };
  let closing = false;

  const requestTimeout = options.requestTimeoutMs ?? limits.requestTimeoutMs;
  const server = createServer({
    requestTimeout,
    headersTimeout: Math.min(requestTimeout, options.headersTimeoutMs ?? limits.headersTimeoutMs),
    // How often those two are enforced (Node's default, 30 s, would let a slow client linger).
    connectionsCheckingInterval: Math.min(1_000, requestTimeout),
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    maxHeaderSize: 16 * 1024,
  });
  // Connections over the cap are answered 503 on their first request; far over it (twice), the
  // kernel's connection is dropped at once, so a flood cannot exhaust file descriptors.
  const maxConnections = options.maxConnections ?? limits.maxConnections;
  const open = new Set<Socket>();
  const over = new WeakSet<Socket>();
  server.maxConnections = 2 * maxConnections;
  server.on('connection', (socket: Socket) => {
    if (open.size >= maxConnections) over.add(socket);
    open.add(socket);
    socket.once('close', () => open.delete(socket));
  });
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
    // A page elsewhere on the web could reach the service through DNS rebinding (its own name
    // pointing here): only the names of the address listened on are answered.
    // A write to another name is refused outright (403), as the workbench's API says.
    const write = parseRequestTarget(req.url ?? '').route === 'translate-write';
    if (!allowedHosts(hostName(req.headers.host)))
      return replyError(req, res, write ? 403 : 421, `This service answers only to ${isLoopback(host) ? 'localhost' : host}.`);
    if (over.has(req.socket)) {
      res.setHeader('Connection', 'close');
      return replyError(req, res, 503, 'Too many open connections; try again in a moment.', { 'Retry-After': '2' });
    }
    // OPTIONS (CORS preflights), TRACE and every method but GET and HEAD: no CORS header is ever sent.
    // The workbench's two write routes take POST (write-guard.ts checks them); nothing else does.
    if (req.method !== 'GET' && req.method !== 'HEAD' && !write) return replyError(req, res, 405, 'Only GET and HEAD are supported.', { Allow: 'GET, HEAD' });
    if (!write && (req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0)) {
      // The body is never read: close the connection rather than parse it as the next request.
      res.setHeader('Connection', 'close');
      return replyError(req, res, 413, 'Requests to this service have no body.');
    }
    if (!write && tokenLanding(req, res, token)) return;
    route(context, req, res).catch((error: unknown) => {
      if (error instanceof JobStopped && error.reason === 'closed') {
        if (!res.headersSent) replyError(req, res, 503, 'The service is stopping.', { Connection: 'close' });
        return;
      }
      options.onError?.(error);
      if (!res.headersSent) replyError(req, res, 500, 'Internal error (see the terminal running briefing serve).');
      else res.destroy();
    });
  });

  if (options.watch ?? true) {
    watcher = watchProject(
      options.paths,
      () => void live.refresh(),
      options.debounceMs ?? WATCH_DEBOUNCE_MS,
      () => renderer.imageFolders,
    );
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
  guard.port = port;

  let closed: Promise<void> | undefined;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}/`,
    host,
    port,
    renderer,
    live,
    token,
    close() {
      closed ??= new Promise<void>((resolve) => {
        closing = true;
        watcher?.close();
        live.closeAll();
        let stopped = false;
        const stop = () => {
          if (stopped) return;
          stopped = true;
          clearTimeout(grace);
          // Renders under way end now: their requests are answered 503, then the connections close.
          void renderer.close().then(() => setImmediate(() => server.closeAllConnections()));
        };
        server.close(() => {
          stop();
          resolve();
        });
        server.closeIdleConnections();
        const grace = setTimeout(stop, options.shutdownGraceMs ?? limits.shutdownGraceMs);
      });
      return closed;
    },
  };
}

/**
 * The `Host` names the service answers to: on loopback, loopback names; on one address, that
 * address (and loopback names); on every address (`0.0.0.0`, `::`), IP literals, loopback names
 * and this machine's name. A DNS name chosen by someone else is never among them.
 */
export function hostNames(bound: string): (name: string) => boolean {
  if (isLoopback(bound)) return isLoopback;
  const own = new Set([bound.toLowerCase(), `[${bound.toLowerCase()}]`, hostname().toLowerCase(), `${hostname().toLowerCase()}.local`]);
  const wildcard = bound === '0.0.0.0' || bound === '::';
  return (name) => isLoopback(name) || own.has(name.toLowerCase()) || (wildcard && isIpLiteral(name));
}

function isIpLiteral(name: string): boolean {
  return isIP(name) !== 0 || (name.startsWith('[') && name.endsWith(']') && isIP(name.slice(1, -1)) === 6);
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
    // Stopping: the stream is about to end anyway.
    if (error instanceof JobStopped && error.reason === 'closed') return { kind: 'unknown' };
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
