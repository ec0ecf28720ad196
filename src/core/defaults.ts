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
  /** A project's folders, relative to its root. */
  folders: { content: 'content', locales: 'locales', templates: 'templates', output: 'output' },
} as const;
