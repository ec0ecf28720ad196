/**
 * Entry of the bundled render worker (`dist/build-worker.mjs`): turns Node's compile cache on
 * before the worker's code is imported, so a worker started by a later process reuses the
 * compiled renderers (Node ≥ 22.1; nothing on Node 20).
 */
import { enableCompileCache } from '../core/compile-cache.js';

enableCompileCache();
await import('./worker.js');
