/**
 * Every default of the tool, in one place: the command line's option table (and its help text),
 * the build, the service and the renderers read them here, so a default is never written twice.
 */
export const DEFAULTS = {
  /** `briefing xliff export`: the folder, under the project, that XLIFF files are written to (never published). */
  xliffDir: 'xliff',
  /** `briefing xliff import`: the largest XLIFF file read (an export of a long article is a few hundred KB). */
  xliffMaxBytes: 32 * 1024 * 1024,
  /** `briefing xliff export`: the XLIFF version written (2.0, the standard; 1.2 with --xliff-version). */
  xliffVersion: '2.0' as const,
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
  /**
   * Characters of a key figure's sentence kept either side of the figure, as the context its label
   * is read from (a longer sentence is cut at a space): labelling many figures of one very long
   * sentence then stays linear. Ordinary sentences are far shorter.
   */
  figureContext: 300,
  /** Cards the key-figures box holds at most: a longer front matter `figures:` list is an error at the first entry past it (docs/writing.md). */
  keyFigureCards: 4,
  /**
   * The review page's word diff of a stale paragraph gives up beyond this many word or space
   * insertions and removals and shows the paragraph as changed as a whole: the diff's time grows
   * with the edits times the length (a 16 000-word paragraph rewritten took minutes).
   */
  reviewDiffMaxEdits: 1000,
  /**
   * Shaped words (fontkit glyph runs) kept per font for the life of the process
   * (src/render/pdf/shaping-cache.ts), shared by every paragraph, edition and article: the seed
   * shapes about 900 distinct words (735 in the body font) across its three PDFs; past the cap the oldest are dropped.
   */
  shapedWordsPerFont: 8192,
  /**
   * Seconds one article may render, in `briefing build` and `briefing serve` (`--time-budget`),
   * before its worker thread is stopped and the article reported (`briefing:time-budget`). 0 turns
   * the budget off, which lets the build render on the main thread too (docs/performance.md).
   */
  timeBudgetSeconds: 60,
  /**
   * A build with ONE article to render, whose article and translation files together are at most
   * this many bytes, renders it on the main thread even with a time budget: starting a worker and
   * loading the renderers in it costs more than such an article's whole render (docs/performance.md).
   * Every stage is linear in its input (tests/linear-time.test.ts: the worst crafted 16 KB inputs
   * render in well under a second), so such an article cannot come near the budget.
   */
  inProcessMaxBytes: 32 * 1024,
  /** ...and only when the budget is at least this many seconds: a tighter budget is kept on a worker, where it can be enforced. */
  inProcessMinBudgetSeconds: 10,
  /**
   * Heap of each render worker thread (MB, V8's `maxOldGenerationSizeMb`): an article that needs
   * more kills only its worker (`briefing:out-of-memory`); the seed's article needs under 100.
   */
  workerHeapMb: 1024,
  /**
   * Deepest section level kept (`####`, src/parse/sections.ts): a heading nested deeper in the
   * source becomes a section of this level, so it keeps its text, id and translation keys.
   */
  deepestSectionLevel: 4,
  /**
   * Tables in the PDF (src/render/pdf/table.ts), in points: the space between a cell's text and its
   * edges, the least width of a column (its longest word permitting), and the text size as a share
   * of the body's.
   */
  pdfTable: { cellPadding: 4, minColumnWidth: 36, textScale: 0.9 },
  /** How figures are shown (docs/parsing.md, "Images"). */
  images: {
    /** Widest an embedded image is shown in the HTML page, in CSS pixels (its `width` attribute; never enlarged). */
    htmlMaxWidth: 680,
    /** Share of the page height an image may take in the PDF (it is scaled down to fit the column and this). */
    pdfMaxHeightShare: 0.45,
    /**
     * PDF points per image pixel at most: an image is drawn at most at the size the HTML page shows
     * it (1 CSS px = 0.75 pt), never enlarged to the column (a 120 px image at 19 ppi was blurred).
     */
    pdfPointsPerPixel: 0.75,
  },
  /**
   * PDF: `^sup^` and `~sub~` (src/render/pdf/inline.ts), as fractions of the text's size: their
   * size, and how far a superscript's baseline rises and a subscript's drops.
   */
  supersub: { scale: 0.7, rise: 0.33, drop: 0.14 },
  /** Raw HTML in articles (src/parse/raw-html.ts; docs/parsing.md, "Raw HTML"). */
  rawHtml: {
    /**
     * Elements nested deeper than this in one piece of HTML give their content to the element
     * at this depth (as wrappers do), so no tree walk can overflow the stack.
     */
    nestingDepth: 64,
    /** Elements dropped with their content, one `briefing:dropped-html` warning per name and file. */
    droppedElements: ['script', 'style', 'iframe', 'form', 'object', 'embed', 'video', 'audio', 'canvas', 'svg', 'noscript', 'template'],
  },
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
    /** Folders outside content/ (a site's `static/`, `img/`) watched because a rendered article shows an image there. */
    maxImageFolders: 64,
    /** Time the responses in flight get to finish on SIGTERM/SIGINT before workers and connections are cut. */
    shutdownGraceMs: 500,
    /** Largest JSON body of a workbench request (a check or a save of one unit). */
    writeBodyBytes: 256 * 1024,
    /** Locale file texts remembered by the version the workbench handed out (LRU), to merge a save onto a file changed since. */
    versionSnapshots: 64,
  },
  /**
   * Wire copy read line by line (src/parse/wire-lines.ts, docs/parsing.md "Wire copy"): how long
   * a bare line may be to read as a heading. Agency intertitles are a few words; a line longer
   * than these is text. A question up to `questionChars` is a heading; a longer one, up to
   * `longQuestionChars`, is a heading only when text follows it, and is reported as ambiguous.
   */
  wireCopy: { headingChars: 100, headingWords: 14, questionChars: 80, longQuestionChars: 160 },
  /** A project's folders, relative to its root. */
  folders: { content: 'content', locales: 'locales', templates: 'templates', output: 'output' },
  /**
   * Bounds on every input, so that one hostile or broken file costs a few seconds and a few
   * hundred MB at most, and is refused with a placed message instead (docs/parsing.md, "Limits").
   * Each can be changed for one run with the `BRIEFING_LIMITS` environment variable, e.g.
   * `BRIEFING_LIMITS="articleBytes=4000000,sections=1000"` (src/core/limits.ts): an environment
   * variable reaches the worker threads and `briefing serve` alike, and a changed limit is part of
   * every output's input hash, so outputs refused or built under other limits are redone.
   */
  limits: {
    /** Size of one article file, in UTF-8 bytes (a long feature is ~50 kB). */
    articleBytes: 1_048_576,
    /** Characters on one line of an article (a wire-copy paragraph is one line; ~8 000 words). */
    lineLength: 50_000,
    /** Size of an article's YAML front matter, in bytes (checked before the YAML is parsed). */
    frontMatterBytes: 65_536,
    /** YAML aliases (`*name`) the front matter may expand (the `yaml` package's `maxAliasCount`). */
    yamlAliases: 50,
    /**
     * Nesting of block quotes and lists (and, separately, of emphasis and links inside a line)
     * in articles, translations and the content template's output: deeper content is flattened
     * into its parent, with a warning in an article, so no tree walk can overflow the stack.
     */
    nestingDepth: 16,
    /** Sections (headings) of one article. */
    sections: 500,
    /** Sources of one article: front matter `sources:` and attributions found in the text, each. */
    sources: 500,
    /** Key figures found in one article. */
    figures: 500,
    /** Size of one locale file (`locales/<lang>/*.json`), in UTF-8 bytes. */
    localeBytes: 4_194_304,
    /** Depth of nested `$t(…)` in an interface string of common.json. */
    nestingCalls: 4,
    /** Characters an interface string may expand to through `$t(…)`. */
    expandedChars: 10_000,
    /** Size of the logo file, in bytes. */
    logoBytes: 2_097_152,
    /** Pixels of the logo (width × height, read from its header before it is decoded: 4 bytes each when decoded). */
    logoPixels: 4_194_304,
    /** Size of one image file an article shows (PNG or JPEG, embedded in the HTML and the PDF), in bytes. */
    imageBytes: 5_242_880,
    /** Pixels of one image an article shows (width × height, read from its header before it is decoded). */
    imagePixels: 16_777_216,
    /** Characters the block helpers (`each`, `with`, `if`, `unless`) of one template run may produce, all together. */
    templateOutputChars: 16_777_216,
    /** Times the block helpers of one template run may render their block, all together. */
    templateBlocks: 1_000_000,
    /** Least width of a PDF text column in points (each column of the bilingual edition). */
    pdfColumnPoints: 72,
    /** Least height of a PDF page's text area in points, between the top and bottom margins. */
    pdfTextHeightPoints: 144,
  },
} as const;

/** The names of the limits, as written in `BRIEFING_LIMITS`. */
export type LimitName = keyof typeof DEFAULTS.limits;

/** One value per limit (whole numbers). */
export type Limits = Record<LimitName, number>;
