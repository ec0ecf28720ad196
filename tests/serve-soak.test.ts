/**
 * Soak: the service's memory stays flat under requests for ever new files. Every request here is
 * a file not asked for before, so each one renders on a worker and adds a cache entry; with the
 * cache bounded in entries and bytes (last good renders included), RSS after warm-up must stop
 * growing. 10 000 requests take minutes: `npm run bench` runs them (figures in docs/serving.md);
 * this test runs 600, enough for the cache to turn over about ten times.
 */
import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { soak, soakProject } from '../bench/serve-soak.js';

describe('serve: soak', () => {
  it('keeps RSS flat and the cache within its bounds over 600 requests for different files', async () => {
    const root = soakProject(100);
    try {
      const result = await soak(root, 600, { cacheEntries: 48, cacheBytes: 1_000_000, every: 50 });
      expect(result.statuses).toEqual({ 200: 600 });
      expect(result.renders).toBe(600);
      expect(result.cache.entries).toBeLessThanOrEqual(48);
      expect(result.cache.bytes).toBeLessThanOrEqual(1_000_000);
      // After the first half (workers warm, cache full, and the heap grown to its working size:
      // Node 24's V8 takes longer to settle than Node 20's), RSS may wobble with garbage
      // collection but not climb: the unbounded last-good map grew it linearly.
      const warm = result.samples.filter(([n]) => n >= 300).map(([, mb]) => mb);
      const growth = Math.max(...warm) - warm[0]!;
      console.log(`soak: ${result.requests} requests in ${Math.round(result.ms)} ms, RSS ${result.samples.map(([, mb]) => mb).join(' ')} MB`);
      expect(growth).toBeLessThan(64);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
    // 600 renders take ~15 s on a quiet 2-core machine: the bound is on memory, not time.
  }, 120_000);
});
