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
   * Milliseconds reading one input file may take before it is reported as unreadable. Only regular
   * files are ever opened (a FIFO or device is refused first), so this bounds a stalled file system,
   * not a pipe that never ends.
   */
  readTimeoutMs: 10_000,
  /**
   * The build lock (src/publish/lock.ts), after proper-lockfile's stale rule: its holder touches it
   * every `lockRefreshMs`; a lock that cannot be proven alive on this host (written on another
   * host) is stale once untouched for `lockStaleMs`; one whose content is not a lock at all (empty,
   * damaged: a build writes it complete) once untouched for `lockUnreadableMs`.
   */
  lockRefreshMs: 10_000,
  lockStaleMs: 60_000,
  lockUnreadableMs: 2_000,
  /** A project's folders, relative to its root. */
  folders: { content: 'content', locales: 'locales', templates: 'templates', output: 'output' },
} as const;
