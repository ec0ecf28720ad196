/**
 * Live preview over server-sent events (`/__briefing/events/briefings/<slug>/<name>`). Each open
 * preview is a client that knows the version (ETag) of the page it shows. After a save the
 * service renders every previewed file again: a new version makes its clients reload, a failed
 * render sends them the diagnostics to lay over the page (the last good render stays under it),
 * and a fix sends `ok` or, if the content changed, `reload`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Diagnostic } from '../core/errors.js';

/** What a previewed file looks like now. */
export type LiveState = { kind: 'ok'; version: string } | { kind: 'problem'; diagnostics: Diagnostic[] } | { kind: 'unknown' };

interface Client {
  /** `<slug>/<name>` */
  file: string;
  res: ServerResponse;
  version: string;
  /** The problem this client shows (its JSON), '' when none. */
  showing: string;
}

const HEARTBEAT_MS = 15_000;

export class LiveHub {
  private readonly clients = new Set<Client>();
  private readonly heartbeat: NodeJS.Timeout;
  private refreshing: Promise<void> | undefined;
  private again = false;

  constructor(
    private readonly maxClients: number,
    private readonly evaluate: (file: string) => Promise<LiveState>,
    private readonly onError: (error: unknown) => void = () => {},
  ) {
    // Comments keep proxies and browsers from dropping a quiet stream.
    this.heartbeat = setInterval(() => {
      for (const client of this.clients) client.res.write(': ping\n\n');
    }, HEARTBEAT_MS).unref();
  }

  get size(): number {
    return this.clients.size;
  }

  /** Opens the stream of `file` for a page at `version`; false when too many are open. */
  async open(req: IncomingMessage, res: ServerResponse, file: string, version: string): Promise<boolean> {
    if (this.clients.size >= this.maxClients) return false;
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Accel-Buffering': 'no',
    });
    // Reconnect quickly after a restart of the service.
    res.write('retry: 500\n\n');
    const client: Client = { file, res, version, showing: '' };
    this.clients.add(client);
    const forget = () => this.clients.delete(client);
    req.on('close', forget);
    res.on('close', forget);
    this.apply(client, await this.state(file));
    return true;
  }

  /** Renders every previewed file again and tells its clients (one refresh at a time). */
  async refresh(): Promise<void> {
    if (this.refreshing) {
      this.again = true;
      return this.refreshing;
    }
    this.refreshing = (async () => {
      do {
        this.again = false;
        const files = new Set([...this.clients].map((client) => client.file));
        for (const file of files) {
          const state = await this.state(file);
          for (const client of this.clients) if (client.file === file) this.apply(client, state);
        }
      } while (this.again);
    })().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  /** Ends every stream (shutdown): browsers see the end and retry until the service is back. */
  closeAll(): void {
    clearInterval(this.heartbeat);
    for (const client of this.clients) client.res.end();
    this.clients.clear();
  }

  /** A watcher's refresh has no one to answer: an unexpected error is reported, not thrown. */
  private async state(file: string): Promise<LiveState> {
    try {
      return await this.evaluate(file);
    } catch (error) {
      this.onError(error);
      return { kind: 'unknown' };
    }
  }

  private apply(client: Client, state: LiveState): void {
    if (client.res.writableEnded) return;
    if (state.kind === 'ok') {
      if (state.version !== client.version) {
        client.version = state.version;
        send(client, 'reload', {});
      } else if (client.showing) {
        client.showing = '';
        send(client, 'ok', {});
      }
    } else if (state.kind === 'problem') {
      const problem = JSON.stringify({
        title: 'Briefing preview: this version cannot be rendered',
        hint: 'The page below is the last version that rendered. Fix the file and save: the page updates by itself.',
        diagnostics: state.diagnostics.map(({ file, line, column, message, ruleId }) => ({ file, line, column, message, ruleId })),
      });
      if (problem !== client.showing) {
        client.showing = problem;
        client.res.write(`event: problem\ndata: ${problem}\n\n`);
      }
    }
  }
}

function send(client: Client, event: string, data: object): void {
  client.res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}
