/** Raw HTTP against a `briefing serve` started in-process on an ephemeral port. */
import { request, type IncomingHttpHeaders } from 'node:http';
import { projectPaths } from '../src/core/paths.js';
import { startServer, type BriefingServer, type ServeOptions } from '../src/serve/server.js';
import { EPOCH, tempProject } from './helpers.js';

export const SLUG = 'microsoft-openai';

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  text: string;
}

/** A project copy served on 127.0.0.1, port 0, with a fixed clock. */
export async function serveProject(options: Partial<ServeOptions> = {}, root = tempProject()): Promise<{ root: string; server: BriefingServer }> {
  const server = await startServer({ paths: projectPaths(root), port: 0, toolVersion: 'test', env: { SOURCE_DATE_EPOCH: EPOCH }, debounceMs: 30, ...options });
  return { root, server };
}

/**
 * One request with the target sent exactly as given (no URL normalisation, unlike fetch, which
 * would resolve `..` before sending).
 */
export function raw(
  server: BriefingServer,
  target: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, method: options.method ?? 'GET', path: target, headers: options.headers ?? {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text: body.toString('utf8') });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

export interface EventStream {
  /** Resolves with the data of the next event named `name` (earlier events of other names are skipped). */
  next(name: string, timeoutMs?: number): Promise<string>;
  close(): void;
  ended: Promise<void>;
}

/** Subscribes to the live-preview stream of `/briefings/<slug>/<name>`. */
export function events(server: BriefingServer, name: string, version = '', slug = SLUG): Promise<EventStream> {
  return new Promise((resolve, reject) => {
    const queue: { event: string; data: string }[] = [];
    const waiters: (() => void)[] = [];
    let buffer = '';
    let endResolve: () => void = () => {};
    const ended = new Promise<void>((r) => (endResolve = r));
    const req = request({ host: '127.0.0.1', port: server.port, path: `/__briefing/events/briefings/${slug}/${name}?v=${version}` }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`events: HTTP ${res.statusCode}`));
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data !== undefined) queue.push({ event, data });
          for (const wake of waiters.splice(0)) wake();
        }
      });
      res.on('end', endResolve);
      res.on('close', endResolve);
      resolve({
        async next(name, timeoutMs = 5_000) {
          const deadline = Date.now() + timeoutMs;
          for (;;) {
            const index = queue.findIndex((item) => item.event === name);
            if (index >= 0) return queue.splice(0, index + 1).at(-1)!.data;
            const left = deadline - Date.now();
            if (left <= 0) throw new Error(`no "${name}" event within ${timeoutMs} ms (got: ${queue.map((q) => q.event).join(', ') || 'nothing'})`);
            await new Promise<void>((wake) => {
              const timer = setTimeout(wake, left);
              waiters.push(() => {
                clearTimeout(timer);
                wake();
              });
            });
          }
        },
        close: () => req.destroy(),
        ended,
      });
    });
    req.on('error', reject);
    req.end();
  });
}
