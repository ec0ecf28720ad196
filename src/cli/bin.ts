#!/usr/bin/env node
/** Entry point of the `briefing` bin. */
import { run } from './main.js';

process.exitCode = await run(process.argv.slice(2));
