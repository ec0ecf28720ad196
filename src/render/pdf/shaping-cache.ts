/**
 * Shape each word once per process. pdfkit measures and draws text word by word (each word with
 * its trailing space) through its embedded font's `layoutCached`, which asks fontkit to shape the
 * word (glyph substitution, kerning: the most expensive step of a render) and keeps the result —
 * but only on that font object, which pdfkit creates afresh for every document. So the French,
 * English and bilingual PDFs of an article, and every article a process renders, shaped the same
 * words again. Here the shaped runs are kept per parsed font (parsed once per process, fonts.ts)
 * in a bounded map that every document's embedded font consults first.
 *
 * A run holds glyph positions already scaled to 1000 units per em, so it does not depend on the
 * font size, and pdfkit never changes a run once made (it copies positions before adjusting them):
 * sharing it between documents yields the same bytes. Runs shaped with explicit OpenType features
 * bypass pdfkit's cache and this one alike.
 *
 * A word not shaped yet in this process is looked up in the font's store on disk
 * (shaping-store.ts) before fontkit shapes it; its `saveShapedRuns` writes the words shaped since back.
 */
import { DEFAULTS } from '../../core/defaults.js';
import { defaultFeatures } from './fonts.js';
import { memoiseWidths, type MeasuringFont } from './width-memo.js';
import { type EncodingFont, encodeByWords, type LayingOutFont, layoutWithoutCopies } from './word-layout.js';
import { openFontStore, persistOnSave, type PersistedFont, runFromEntry, type StoredFont } from './shaping-store.js';

/** The parts of pdfkit's `EmbeddedFont` this module relies on (pdfkit's typings do not expose them). */
interface EmbeddedFontLike {
  /** The parsed fontkit font (shared by every document, fonts.ts). */
  readonly font: object;
  layoutRun(text: string): unknown;
  layoutCached(text: string): unknown;
}

/** Shaped runs per parsed font, word (with its trailing space) → run; insertion order is age. */
const runsByFont = new WeakMap<object, Map<string, unknown>>();

/** Fonts with a store (fonts are parsed once per process: a handful). */
const persisted = new Map<object, PersistedFont>();

/** The store of a font parsed by fonts.ts (whose bytes and default features are known), opened once. */
function persistedFor(font: object, runs: Map<string, unknown>): PersistedFont | null {
  const known = persisted.get(font);
  if (known) return known;
  const features = defaultFeatures(font);
  const bytes = (font as { stream?: { buffer?: unknown } }).stream?.buffer;
  if (features === undefined || !(bytes instanceof Uint8Array)) return null;
  const store = openFontStore(bytes, features);
  if (!store) return null;
  const entry: PersistedFont = { store, runs, shaped: 0 };
  persisted.set(font, entry);
  persistOnSave(entry);
  return entry;
}
/** Embedded fonts already pointed at the shared cache. */
const patched = new WeakSet<object>();

function isEmbeddedFont(font: unknown): font is EmbeddedFontLike {
  if (typeof font !== 'object' || font === null) return false;
  const candidate = font as Partial<EmbeddedFontLike>;
  return typeof candidate.layoutRun === 'function' && typeof candidate.layoutCached === 'function' && typeof candidate.font === 'object';
}

/**
 * A bounded word → run map: past `capacity` the oldest entry is dropped, so a process that renders
 * thousands of articles keeps a constant amount of memory. Exported for its test.
 */
export function rememberRun(runs: Map<string, unknown>, word: string, run: unknown, capacity: number): void {
  if (runs.size >= capacity) {
    const oldest = runs.keys().next();
    if (!oldest.done) runs.delete(oldest.value);
  }
  runs.set(word, run);
}

/**
 * Sets a run's advance width once, as an own property. fontkit's GlyphRun (and a run read from the
 * store) sum their positions' advances at every read, and pdfkit reads it for every word of every
 * line it measures or draws. A cached run's positions never change (see above), so the sum — taken
 * once by the same getter, in the same order — is the same number at every read. Exported for its test.
 */
export function fixAdvance(run: unknown): void {
  if (typeof run !== 'object' || run === null || (Object.hasOwn(run, 'advanceWidth') && !isGetter(run))) return;
  Object.defineProperty(run, 'advanceWidth', { value: (run as { advanceWidth: unknown }).advanceWidth, enumerable: true });
}

function isGetter(run: object): boolean {
  return typeof Object.getOwnPropertyDescriptor(run, 'advanceWidth')?.get === 'function';
}

function shareRuns(embedded: EmbeddedFontLike, capacity: number): void {
  let runs = runsByFont.get(embedded.font);
  if (!runs) {
    runs = new Map();
    runsByFont.set(embedded.font, runs);
  }
  const shared = runs;
  const disk = persistedFor(embedded.font, shared);
  embedded.layoutCached = (word: string) => {
    let run = shared.get(word);
    if (run === undefined) {
      const stored = disk?.store.stored.get(word);
      run = stored === undefined ? null : runFromEntry(embedded.font as StoredFont, word, stored);
      if (run === null) {
        run = embedded.layoutRun(word);
        if (disk) disk.shaped++;
      }
      fixAdvance(run);
      rememberRun(shared, word, run, capacity);
    }
    return run;
  };
}

/**
 * Makes every embedded font `doc` opens use the process-wide shaped-word cache. Wraps `doc.font`,
 * so fonts are still opened lazily and in the same order (their ids, and so the PDF's bytes, do
 * not change).
 */
export function shareShaping(doc: PDFKit.PDFDocument, capacity: number = DEFAULTS.shapedWordsPerFont): void {
  const open = doc.font.bind(doc) as (...args: unknown[]) => PDFKit.PDFDocument;
  const current = () => (doc as unknown as { _font?: unknown })._font;
  (doc as unknown as { font: (...args: unknown[]) => PDFKit.PDFDocument }).font = (...args: unknown[]) => {
    const result = open(...args);
    const font = current();
    if (isEmbeddedFont(font) && !patched.has(font)) {
      patched.add(font);
      shareRuns(font, capacity);
      layoutWithoutCopies(font as unknown as LayingOutFont);
      encodeByWords(font as unknown as EncodingFont);
      memoiseWidths(font as unknown as MeasuringFont, capacity);
    }
    return result;
  };
}

/** How many shaped words the process keeps for `font` (a parsed fontkit font), for tests and the bench. */
export function shapedWordCount(font: object): number {
  return runsByFont.get(font)?.size ?? 0;
}
