#!/usr/bin/env node
/** Entry point of the `briefing` bin. */
import { enableCompileCache } from '../core/compile-cache.js';

// Before the program is imported: the cache applies to modules compiled after this call.
enableCompileCache();
const { run } = await import('./main.js');
process.exitCode = await run(process.argv.slice(2));
