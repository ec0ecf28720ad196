/**
 * A render worker's old generation starts large enough (src/publish/pool.ts) that filling it with
 * what a few articles leave behind does not run a full GC each time: every full GC also drops
 * optimised code that the next article must compile again.
 */
import { describe, expect, it } from 'vitest';
import { ArticlePool } from '../src/publish/pool.js';
import type { ArticleTask } from '../src/pipeline/article-task.js';

const GC_WORKER = new URL('./fixtures/workers/gc-worker.ts', import.meta.url);

describe('render worker heap', () => {
  it('keeps ~48 MB of live objects without a full garbage collection', async () => {
    const pool = new ArticlePool({ size: 1, timeBudgetMs: 0, heapMb: 1024, entry: GC_WORKER });
    try {
      const result = (await pool.run({} as ArticleTask, 'test')) as unknown as { fullGcs: number; kept: number };
      expect(result.kept).toBe(100);
      // V8's default start (a few MB) runs several full GCs on the way to 48 MB.
      expect(result.fullGcs).toBe(0);
    } finally {
      await pool.close();
    }
  });
});
