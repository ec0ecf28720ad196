/**
 * Renders served files on demand: finds the article, hashes the render's inputs, and goes through
 * the cache (hit, shared in-flight render, or a new render within the limiter's slots). Keeps the
 * last good render of each file for the live preview to show under an error.
 */
import { realpathSync } from 'node:fs';
import { buildTime, isoDate } from '../core/clock.js';
import type { ProjectPaths } from '../core/paths.js';
import type { SourceFile } from '../project/sources.js';
import { findFile, type ServedFile } from './catalogue.js';
import { hashFiles, inputFiles, servableSources } from './inputs.js';
import { Limiter } from './limiter.js';
import { RenderCache, type CachedRender } from './render-cache.js';

export interface RendererOptions {
  paths: ProjectPaths;
  /** Part of every cache key: a new version of the tool renders differently. */
  toolVersion: string;
  maxConcurrentRenders: number;
  maxQueuedRenders: number;
  /** Renders kept; 0 keeps none (to measure uncached renders). */
  cacheEntries: number;
  env: NodeJS.ProcessEnv;
  /** Told after each render that actually ran. */
  onRender?: (file: ServedFile, render: CachedRender) => void;
}

export type GoodRender = Extract<CachedRender, { ok: true }>;

export class Renderer {
  readonly cache: RenderCache;
  readonly limiter: Limiter;
  /** Real path of the project root: inputs must resolve inside it. */
  readonly realRoot: string;
  private readonly lastGood = new Map<string, GoodRender>();

  constructor(private readonly options: RendererOptions) {
    this.cache = new RenderCache(options.cacheEntries);
    this.limiter = new Limiter(options.maxConcurrentRenders, options.maxQueuedRenders);
    this.realRoot = realpathSync(options.paths.root);
  }

  get paths(): ProjectPaths {
    return this.options.paths;
  }

  /** The servable articles (sources inside the project). */
  sources(): Promise<SourceFile[]> {
    return servableSources(this.options.paths, this.realRoot);
  }

  /** The article and file a URL names, if both exist. */
  async resolve(slug: string, name: string): Promise<{ source: SourceFile; file: ServedFile } | undefined> {
    const source = (await this.sources()).find((s) => s.slug === slug);
    const file = source && findFile(slug, name);
    return source && file ? { source, file } : undefined;
  }

  /**
   * The render of `file` from the current files.
   * @throws OutsideProjectError, OverloadedError
   */
  async render(source: SourceFile, file: ServedFile): Promise<CachedRender> {
    const now = buildTime(this.options.env);
    const files = await inputFiles(this.options.paths, source, file);
    const salt = [this.options.toolVersion, file.kind.id, file.name, file.lang, file.format, isoDate(now), this.options.env.SOURCE_DATE_EPOCH ?? ''].join('\0');
    const key = await hashFiles(this.realRoot, files, salt);
    const render = () => this.limiter.run(() => file.kind.render({ paths: this.options.paths, source, lang: file.lang, format: file.format, now }));
    const stillCurrent = async () => (await hashFiles(this.realRoot, files, salt).catch(() => '')) === key;
    const onRender = this.options.onRender;
    const result = await this.cache.obtain(key, render, stillCurrent, onRender && ((entry) => onRender(file, entry)));
    if (result.ok) this.lastGood.set(file.name, result);
    return result;
  }

  /** The last render of `file` that succeeded, for the preview to keep under an error. */
  lastGoodOf(file: ServedFile): GoodRender | undefined {
    return this.lastGood.get(file.name);
  }
}
