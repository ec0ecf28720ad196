/**
 * Renders by input hash. A key is the hash of everything a render reads (article, locale files,
 * templates, tool version, date), so a hit is always current; identical requests arriving while
 * the render runs share its promise. Least recently used entries go first.
 */
import { createHash } from 'node:crypto';
import type { Diagnostic } from '../core/errors.js';
import type { RenderOutcome } from './render.js';

export type CachedRender =
  | { ok: true; key: string; body: Buffer; etag: string; ms: number }
  | { ok: false; key: string; diagnostics: Diagnostic[]; ms: number };

export class RenderCache {
  private readonly done = new Map<string, CachedRender>();
  private readonly inFlight = new Map<string, Promise<CachedRender>>();
  /** Renders actually run (not hits, not joined): what the tests and the bench count. */
  renders = 0;

  constructor(private readonly maxEntries: number) {}

  /**
   * The render for `key`: cached, joined while in flight, or run now. `stillCurrent` is asked
   * after the render: if the inputs changed while it ran, the result is returned but not kept
   * under a key it may not match.
   */
  async obtain(
    key: string,
    render: () => Promise<RenderOutcome>,
    stillCurrent: () => Promise<boolean>,
    onRun?: (entry: CachedRender) => void,
  ): Promise<CachedRender> {
    const hit = this.done.get(key);
    if (hit) {
      this.done.delete(key);
      this.done.set(key, hit);
      return hit;
    }
    const running = this.inFlight.get(key);
    if (running) return running;
    const promise = this.run(key, render, stillCurrent, onRun).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, promise);
    return promise;
  }

  private async run(
    key: string,
    render: () => Promise<RenderOutcome>,
    stillCurrent: () => Promise<boolean>,
    onRun?: (entry: CachedRender) => void,
  ): Promise<CachedRender> {
    const start = performance.now();
    const outcome = await render();
    this.renders++;
    const ms = performance.now() - start;
    const entry: CachedRender = outcome.ok
      ? { ok: true, key, body: outcome.data, etag: `"${createHash('sha256').update(outcome.data).digest('base64url').slice(0, 27)}"`, ms }
      : { ok: false, key, diagnostics: outcome.diagnostics, ms };
    onRun?.(entry);
    if (this.maxEntries > 0 && (await stillCurrent())) {
      this.done.set(key, entry);
      while (this.done.size > this.maxEntries) this.done.delete(this.done.keys().next().value!);
    }
    return entry;
  }
}
