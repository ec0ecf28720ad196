/**
 * A large article's render collects its garbage between stages (src/core/stage-gc.ts) without
 * the process being started with `--expose-gc`, and leaves no `gc` behind for other contexts.
 */
import { constants, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { collectBetweenStages, STAGE_GC_MIN_CHARS } from '../src/core/stage-gc.js';

/** A weak reference to an object nothing else holds, made in a finished job (V8 keeps a WeakRef's target alive until its job ends). */
async function unreachable(): Promise<WeakRef<object>> {
  const ref = new WeakRef({ payload: new Array(1000).fill(1) });
  await new Promise((resolve) => setImmediate(resolve));
  return ref;
}

/** Full (mark-compact) collections that happen while `run` runs. */
async function fullCollections(run: () => void): Promise<number> {
  const entries: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => entries.push(...list.getEntries()));
  observer.observe({ entryTypes: ['gc'] });
  run();
  // GC entries are delivered after the current job.
  await new Promise((resolve) => setTimeout(resolve, 20));
  observer.disconnect();
  return entries.filter((e) => (e as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR).length;
}

describe('collectBetweenStages', () => {
  it('runs a full collection for a large input', async () => {
    const ref = await unreachable();
    collectBetweenStages(STAGE_GC_MIN_CHARS);
    expect(ref.deref()).toBeUndefined();
  });

  it('does nothing for a small input', async () => {
    expect(await fullCollections(() => collectBetweenStages(STAGE_GC_MIN_CHARS - 1))).toBe(0);
    expect(await fullCollections(() => collectBetweenStages(STAGE_GC_MIN_CHARS))).toBe(1);
  });

  it('turns --expose-gc off again: a new context has no gc', () => {
    collectBetweenStages(STAGE_GC_MIN_CHARS);
    const exposed = typeof (globalThis as { gc?: unknown }).gc === 'function';
    expect(runInNewContext('typeof gc')).toBe(exposed ? 'function' : 'undefined');
  });
});
