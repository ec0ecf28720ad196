import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // No shaping store (src/render/pdf/shaping-store.ts) in the user's cache: tests stay hermetic;
    // tests/shaping-store.test.ts points it at a temporary folder.
    env: { BRIEFING_CACHE_DIR: '' },
  },
});
