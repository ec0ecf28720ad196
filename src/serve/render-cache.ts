/**
 * Renders by input hash. A key is the hash of everything a render reads (article, locale files,
 * templates, tool version, date), so a hit is always current; identical requests arriving while
 * the render runs share its promise. The last good render of each file (what the live preview
 * keeps under an error) lives in the same LRU (lru-cache), so one bound, in entries and in bytes,
 * holds for everything the service keeps: memory stays flat however many different files are
 * asked for (docs/serving.md has the soak test's figures).
 */
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { Diagnostic } from '../core/errors.js';
import type { RenderOutcome } from './render.js';

export type CachedRender =
  | { ok: true; key: string; body: Buffer; etag: string; ms: number }
  | { ok: false; key: string; diagnostics: Diagnostic[]; ms: number };

export type GoodRender = Extract<CachedRender, { ok: true }>;

export interface RenderCacheLimits {
  /** Renders kept, last good ones included; 0 keeps none. */
  maxEntries: number;
  /** Their total size in bytes (bodies, counted twice for HTML: its live version is made from it). */
  maxBytes: number;
}

/** What an entry is counted as: its body (HTML twice, for the live page made from it) or its messages. */
function sizeOf(entry: CachedRender): number {
  if (!entry.ok) return 256 + JSON.stringify(entry.diagnostics).length;
  return 256 + entry.body.byteLength * (entry.body.subarray(0, 15).toString('latin1').toLowerCase() === '<!doctype html>' ? 2 : 1);
}

export class RenderCache {
  /** `render:<key>` → a render; `good:<file name>` → the last good render of that file. */
  private readonly done: LRUCache<string, CachedRender> | undefined;
  private readonly inFlight = new Map<string, Promise<CachedRender>>();
  /** Renders actually run (not hits, not joined): what the tests and the bench count. */
  renders = 0;

  constructor(limits: RenderCacheLimits) {
    this.done =
      limits.maxEntries > 0
        ? new LRUCache<string, CachedRender>({ max: limits.maxEntries, maxSize: Math.max(1, limits.maxBytes), sizeCalculation: sizeOf })
        : undefined;
  }

  /** Entries kept now, and their counted size in bytes. */
  get stats(): { entries: number; bytes: number } {
    return { entries: this.done?.size ?? 0, bytes: this.done?.calculatedSize ?? 0 };
  }

  /**
   * The render for `key`: cached, joined while in flight, or run now. `stillCurrent` is asked
   * after the render: if the inputs changed while it ran, the result is returned but not kept
   * under a key it may not match. The caller has the result without waiting for that check (it
   * reads every input again); until it ends, requests for `key` still join this render.
   */
  async obtain(
    key: string,
    render: () => Promise<RenderOutcome>,
    stillCurrent: () => Promise<boolean>,
    onRun?: (entry: CachedRender) => void,
  ): Promise<CachedRender> {
    const hit = this.done?.get(`render:${key}`);
    if (hit) return hit;
    const running = this.inFlight.get(key);
    if (running) return running;
    const promise = this.run(key, render, onRun);
    this.inFlight.set(key, promise);
    const keep = async () => {
      const entry = await promise;
      if (this.done && (await stillCurrent())) this.done.set(`render:${key}`, entry);
    };
    void keep()
      .catch(() => {})
      .finally(() => this.inFlight.delete(key));
    return promise;
  }

  /** Remembers `render` as the last good render of the file `name`. */
  keepGood(name: string, render: GoodRender): void {
    this.done?.set(`good:${name}`, render);
  }

  /** The last good render of the file `name`, if still kept. */
  lastGood(name: string): GoodRender | undefined {
    const entry = this.done?.get(`good:${name}`);
    return entry?.ok ? entry : undefined;
  }

  private async run(key: string, render: () => Promise<RenderOutcome>, onRun?: (entry: CachedRender) => void): Promise<CachedRender> {
    const start = performance.now();
    const outcome = await render();
    this.renders++;
    const ms = performance.now() - start;
    const entry: CachedRender = outcome.ok
      ? { ok: true, key, body: outcome.data, etag: `"${createHash('sha256').update(outcome.data).digest('base64url').slice(0, 27)}"`, ms }
      : { ok: false, key, diagnostics: outcome.diagnostics, ms };
    onRun?.(entry);
    return entry;
  }
}
