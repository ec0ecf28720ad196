/**
 * Every default of the tool, in one place: the command line's option table (and its help text),
 * the build, the service and the renderers read them here, so a default is never written twice.
 */
export const DEFAULTS = {
  /** Least share (%) of up-to-date units for a translated edition to be published (po4a's default). */
  minCoverage: 80,
  /** `briefing serve`: port and address (loopback only: the service is for this machine). */
  port: 4173,
  host: '127.0.0.1',
  /** Seconds a build waits for another build's lock (0: fail at once). */
  lockWaitSeconds: 0,
  /**
   * Seconds one article may render, in `briefing build` and `briefing serve` (`--time-budget`),
   * before its worker thread is stopped and the article reported (`briefing:time-budget`). 0 turns
   * the budget off, which lets the build render on the main thread too (docs/performance.md).
   */
  timeBudgetSeconds: 60,
  /**
   * Heap of each render worker thread (MB, V8's `maxOldGenerationSizeMb`): an article that needs
   * more kills only its worker (`briefing:out-of-memory`); the seed's article needs under 100.
   */
  workerHeapMb: 1024,
  /** `briefing serve`: its limits (docs/serving.md says why each one). */
  serve: {
    /** Renders running at once, each on its own worker thread (the cores of the reference machine). */
    renderWorkers: 2,
    /** Renders waiting for a worker before new ones get 503. */
    queuedRenders: 8,
    /** Longest wait for a render, queue included, before the request gets 503 (the render goes on, up to its budget). */
    renderWaitMs: 20_000,
    /** Renders kept (LRU), by count and by total bytes of their bodies; last good renders included. */
    cacheEntries: 128,
    cacheBytes: 64 * 1024 * 1024,
    /** Parsed articles kept for the index page and `/api/status`, keyed by their bytes (LRU). */
    summaryEntries: 1024,
    /** Longest wait of `/` and `/api/status` for articles being parsed; those still parsing are listed by name. */
    indexWaitMs: 2_000,
    /** Time to receive a whole request, and its headers (a client trickling them is cut off). */
    requestTimeoutMs: 15_000,
    headersTimeoutMs: 10_000,
    /** Idle time of a kept-alive connection. */
    keepAliveTimeoutMs: 5_000,
    /** Open connections; beyond, new ones are answered 503 and closed. */
    maxConnections: 256,
    /** Open live-preview streams (SSE); beyond, 503. */
    maxLiveClients: 64,
    /** Time the responses in flight get to finish on SIGTERM/SIGINT before workers and connections are cut. */
    shutdownGraceMs: 500,
  },
  /** A project's folders, relative to its root. */
  folders: { content: 'content', locales: 'locales', templates: 'templates', output: 'output' },
} as const;
