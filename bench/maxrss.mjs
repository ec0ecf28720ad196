// Preloaded into benchmarked builds (node --import): reports the process's peak resident memory,
// worker threads included, on stderr at exit.
process.on('exit', () => process.stderr.write(`\nbench-maxrss-kb=${process.resourceUsage().maxRSS}\n`));
