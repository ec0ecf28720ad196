/**
 * Renders served files on demand: finds the article, hashes the render's inputs, and goes through
 * the cache (hit, shared in-flight render, or a new render within the limiter's slots). Renders
 * and the index's parses run on the service's worker threads (publish's pool), each within the
 * time budget, so the event loop stays free for every other request. Keeps the last good render
 * of each file (in the same bounded cache) for the live preview to show under an error.
 */
import { realpathSync } from 'node:fs';
import { buildTime, isoDate } from '../core/clock.js';
import { DEFAULTS } from '../core/defaults.js';
import { UsageError } from '../core/errors.js';
import type { ProjectPaths } from '../core/paths.js';
import type { ArticleResult, ArticleTask } from '../pipeline/article-task.js';
import type { SourceFile } from '../project/sources.js';
import { stoppedDiagnostic } from '../publish/execute-render.js';
import { ArticlePool, JobStopped } from '../publish/pool.js';
import { findFile, type ServedFile } from './catalogue.js';
import { hashFiles, imagesOf, inputFiles, servableSources } from './inputs.js';
import { Limiter } from './limiter.js';
import { RenderCache, type CachedRender, type GoodRender } from './render-cache.js';
import type { RenderOutcome } from './render.js';
import { ArticleSummaries } from './summaries.js';

export type { GoodRender } from './render-cache.js';

export interface RendererOptions {
  paths: ProjectPaths;
  /** The site's address (`--base-url`), fixed for the server's life. */
  baseUrl?: string;
  /** Part of every cache key: a new version of the tool renders differently. */
  toolVersion: string;
  /** Worker threads, hence renders at once. */
  maxConcurrentRenders: number;
  maxQueuedRenders: number;
  /** Renders kept (last good ones included); 0 keeps none (to measure uncached renders). */
  cacheEntries: number;
  cacheBytes: number;
  summaryEntries: number;
  /** Longest render or parse of one article, in seconds (0: none). */
  timeBudgetSeconds: number;
  workerHeapMb: number;
  /** Test hook only (see `PoolOptions.entry`). */
  workerEntry?: URL;
  env: NodeJS.ProcessEnv;
  /** Told after each render that actually ran. */
  onRender?: (file: ServedFile, render: CachedRender) => void;
  /** Told when a render shows images from a folder not seen before ({@link Renderer.imageFolders}). */
  onImageFolders?: () => void;
}

export class Renderer {
  readonly cache: RenderCache;
  readonly limiter: Limiter;
  readonly summaries: ArticleSummaries;
  /** Real path of the project root: inputs must resolve inside it. */
  readonly realRoot: string;
  /** Folders of the images rendered articles show: the live preview watches them too. */
  readonly imageFolders = new Set<string>();
  private readonly pool: ArticlePool;
  private renders = 0;

  constructor(private readonly options: RendererOptions) {
    this.cache = new RenderCache({ maxEntries: options.cacheEntries, maxBytes: options.cacheBytes });
    this.limiter = new Limiter(options.maxConcurrentRenders, options.maxQueuedRenders);
    this.realRoot = realpathSync(options.paths.root);
    this.pool = new ArticlePool({
      size: options.maxConcurrentRenders,
      // One job at a time per worker: a render waiting behind a slow one would share its fate.
      depth: 1,
      prewarm: true,
      timeBudgetMs: options.timeBudgetSeconds * 1000,
      heapMb: options.workerHeapMb,
      ...(options.workerEntry ? { entry: options.workerEntry } : {}),
    });
    this.summaries = new ArticleSummaries(this.pool, {
      maxEntries: options.summaryEntries,
      maxBytes: options.cacheBytes,
      budgetSeconds: options.timeBudgetSeconds,
      heapMb: options.workerHeapMb,
    });
  }

  get paths(): ProjectPaths {
    return this.options.paths;
  }

  /**
   * The servable articles (sources inside the project). A `content/` that is gone or replaced
   * by a file while serving lists none (the index says why), rather than failing every request.
   */
  async sources(): Promise<SourceFile[]> {
    return (await this.listing()).sources;
  }

  /** The servable articles, and why there are none when `content/` cannot be listed. */
  async listing(): Promise<{ sources: SourceFile[]; problem?: string }> {
    try {
      return { sources: await servableSources(this.options.paths, this.realRoot) };
    } catch (error) {
      if (error instanceof UsageError) return { sources: [], problem: error.message };
      throw error;
    }
  }

  /** The article and file a URL names, if both exist. */
  async resolve(slug: string, name: string): Promise<{ source: SourceFile; file: ServedFile } | undefined> {
    const source = (await this.sources()).find((s) => s.slug === slug);
    const file = source && findFile(slug, name);
    return source && file ? { source, file } : undefined;
  }

  /**
   * The render of `file` from the current files.
   * @throws OutsideProjectError, OverloadedError, JobStopped ('closed': the service is stopping)
   */
  async render(source: SourceFile, file: ServedFile): Promise<CachedRender> {
    const now = buildTime(this.options.env);
    const files = await inputFiles(this.options.paths, source, file);
    const salt = [this.options.toolVersion, file.kind.id, file.name, file.lang, file.format, isoDate(now), this.options.env.SOURCE_DATE_EPOCH ?? ''].join('\0');
    // The images the article shows are read by the render too: their states are part of the key.
    const keyOf = async () => {
      const images = await imagesOf(this.options.paths, source);
      this.watchImageFolders(images.folders);
      return hashFiles(this.realRoot, files, salt + images.key);
    };
    const key = await keyOf();
    const renderArticle = (task: ArticleTask) => this.renderOnWorker(task);
    const render = async (): Promise<RenderOutcome> => {
      const stopped = await this.summaries.overBudget(source);
      if (stopped) return { ok: false, diagnostics: [stopped] };
      return this.limiter.run(() =>
        file.kind.render({
          paths: this.options.paths,
          ...(this.options.baseUrl !== undefined ? { baseUrl: this.options.baseUrl } : {}),
          source,
          lang: file.lang,
          format: file.format,
          now,
          renderArticle,
        }),
      );
    };
    const stillCurrent = async () => (await keyOf().catch(() => '')) === key;
    const onRender = this.options.onRender;
    const result = await this.cache.obtain(key, render, stillCurrent, onRender && ((entry) => onRender(file, entry)));
    if (result.ok) this.cache.keepGood(file.name, result);
    return result;
  }

  /** Remembers the folders of the images shown (up to a bound), and tells the watcher of new ones. */
  private watchImageFolders(folders: readonly string[]): void {
    const fresh = folders.filter((folder) => !this.imageFolders.has(folder));
    for (const folder of fresh) if (this.imageFolders.size < DEFAULTS.serve.maxImageFolders) this.imageFolders.add(folder);
    if (fresh.length > 0) this.options.onImageFolders?.();
  }

  /** The last render of `file` that succeeded, for the preview to keep under an error. */
  lastGoodOf(file: ServedFile): GoodRender | undefined {
    return this.cache.lastGood(file.name);
  }

  /** Ends the worker threads: renders under way fail with `JobStopped` ('closed'). */
  close(): Promise<void> {
    return this.pool.close();
  }

  /** A render on a worker; one stopped over its budget or out of memory is an error of its article. */
  private async renderOnWorker(task: ArticleTask): Promise<ArticleResult> {
    try {
      // Each render reads the common locale files afresh: they may have just been saved.
      return await this.pool.run(task, `render ${++this.renders}`);
    } catch (error) {
      if (error instanceof JobStopped && error.reason === 'closed') throw error;
      const { timeBudgetSeconds, workerHeapMb } = this.options;
      return { slug: task.source.slug, diagnostics: [stoppedDiagnostic(task.source.file, error, timeBudgetSeconds, workerHeapMb)], editions: [] };
    }
  }
}
