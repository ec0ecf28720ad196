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
   * Characters of a key figure's sentence kept either side of the figure, as the context its label
   * is read from (a longer sentence is cut at a space): labelling many figures of one very long
   * sentence then stays linear. Ordinary sentences are far shorter.
   */
  figureContext: 300,
  /**
   * The review page's word diff of a stale paragraph gives up beyond this many word or space
   * insertions and removals and shows the paragraph as changed as a whole: the diff's time grows
   * with the edits times the length (a 16 000-word paragraph rewritten took minutes).
   */
  reviewDiffMaxEdits: 1000,
  /** A project's folders, relative to its root. */
  folders: { content: 'content', locales: 'locales', templates: 'templates', output: 'output' },
} as const;
