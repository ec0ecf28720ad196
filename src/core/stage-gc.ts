/**
 * A full garbage collection between two stages of a LARGE article's render, when what the stage
 * made is garbage and what survives it is small (docs/performance.md, "mem4").
 *
 * Each stage of a render (the article's parse, the document's build, each format) builds trees of
 * the whole text that live to the stage's end: they outlive V8's young generation and are promoted,
 * then all die together. V8 sizes the old generation from the live data at its last full GC, up
 * to 4× it on a machine with memory to spare; the 3 000-section article's first full GC falls in
 * the middle of its parse (≈ 50 MB live), so the next one waited until ≈ 230 MB of heap, nearly
 * all of it the garbage of four stages (≤ 60 MB live at any stage boundary): 300 MB resident.
 * Collecting at the boundaries, where the garbage is largest and the live data smallest, keeps the
 * heap to one stage's garbage, for a few short collections (each one marks only the live data).
 *
 * Only for inputs of at least {@link STAGE_GC_MIN_CHARS}: a small article's whole render makes less
 * garbage than V8's first limit, and a collection would cost more than the render's own GC.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Characters of article text from which a render collects between its stages (the 3 000-section article: ≈ 330 000). */
export const STAGE_GC_MIN_CHARS = 128 * 1024;

let collect: (() => void) | undefined;

/**
 * V8's `gc()` without starting the process with `--expose-gc`: the flag only decides whether new
 * contexts get the function, so it is turned on for one fresh context and off again (as Jest's
 * leak detector does); a `gc` the process already has (started with `--expose-gc`) is used as is.
 */
function gcFunction(): () => void {
  if (collect) return collect;
  const own = (globalThis as { gc?: () => void }).gc;
  if (typeof own === 'function') collect = own;
  else {
    setFlagsFromString('--expose-gc');
    try {
      collect = runInNewContext('gc') as () => void;
    } finally {
      setFlagsFromString('--no-expose-gc');
    }
  }
  return collect;
}

/** Collects now when the render's input is large (`chars` of article text); nothing otherwise. */
export function collectBetweenStages(chars: number): void {
  if (chars >= STAGE_GC_MIN_CHARS) gcFunction()();
}
