/**
 * Node's on-disk compile cache (`module.enableCompileCache()`, Node ≥ 22.1): the second and later
 * processes reuse V8's compiled code for the bundle instead of compiling ~2 MB of JavaScript
 * again. Node 20 has no such function, and there this does nothing.
 *
 * The cache lives where Node puts it by default: `$NODE_COMPILE_CACHE` when set, else
 * `<os.tmpdir()>/node-compile-cache`; `NODE_DISABLE_COMPILE_CACHE=1` turns it off. It only holds
 * compiled code keyed by the source's hash, never content, so a stale entry is simply unused.
 */
import module from 'node:module';

/** The Node ≥ 22.1 API, absent from Node 20's types and runtime. */
type WithCompileCache = typeof module & { enableCompileCache?: () => unknown };

/**
 * Turns the compile cache on when this Node has one. Call it before importing the rest of the
 * program (with a dynamic `import()`): ESM compiles a module's whole static graph before running it.
 */
export function enableCompileCache(): void {
  try {
    (module as WithCompileCache).enableCompileCache?.();
  } catch {
    // A read-only or missing temporary folder: run without the cache, as Node 20 does.
  }
}
