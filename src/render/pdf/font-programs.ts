/**
 * Each embedded font program made once per process and glyph sequence. pdfkit embeds, for every
 * font a document uses, `font.createSubset().encode()`: fontkit decodes and copies every glyph and
 * strip-hinting.ts rewrites the result — about a quarter of a warm PDF render, and the same work
 * again each time the same glyphs are embedded (a preview after an edit that adds no new letter, a
 * rebuild, the bench).
 *
 * A subset's program is a pure function of the parsed font and of the glyph ids in the order the
 * document first drew them (that order numbers the subset's glyphs; a TrueType subset carries no
 * `cmap`, so code points do not enter the program: pdfkit writes them in the ToUnicode map, which
 * it builds per document). So the finished bytes are kept per (font, exact glyph id sequence) in
 * one process-wide map bounded by bytes: the same sequence gives the same bytes, any other
 * sequence its own entry. Their deflated form is deflate-memo.ts's.
 */
import { LRUCache } from 'lru-cache';

/** Bytes of font programs the process keeps (a seed PDF's three are ~14 KB). */
const PROGRAM_CACHE_BYTES = 2 * 1024 * 1024;

/** The parts of a fontkit TrueType subset read here (fontkit's typings do not export the class). */
interface SubsetLike {
  glyphs: number[];
  includeGlyph(glyph: number): number;
  encode(): Uint8Array;
}

interface Program {
  /** The subset's glyph ids after encoding (composite glyphs add their components). */
  readonly glyphs: readonly number[];
  /** The font program, as `make` returned it. */
  readonly bytes: Uint8Array;
}

/** A program cache bounded to `capacity` bytes. Exported for its test; pdf renders share `programs`. */
export function programCache(capacity: number): LRUCache<string, Program> {
  return new LRUCache<string, Program>({ maxSize: capacity, sizeCalculation: (program) => Math.max(1, program.bytes.length + program.glyphs.length * 8) });
}

const programs = programCache(PROGRAM_CACHE_BYTES);
/** Each parsed font's number in the cache keys. */
const fontIds = new WeakMap<object, number>();
let nextFontId = 0;

function fontId(font: object): number {
  let id = fontIds.get(font);
  if (id === undefined) {
    id = nextFontId++;
    fontIds.set(font, id);
  }
  return id;
}

/**
 * `subset.encode()` answered from `cache`; `make` is the encoding it stands for (fontkit's, hinting
 * stripped). On a hit the subset's glyph list is brought to what encoding leaves (components
 * added), so the subset ends in the same state either way. The bytes are shared: never modify them.
 */
export function cachedEncode(font: object, subset: SubsetLike, make: () => Uint8Array, cache: LRUCache<string, Program> = programs): Uint8Array {
  const key = `${fontId(font)}:${subset.glyphs.join(',')}`;
  const hit = cache.get(key);
  if (hit) {
    for (const glyph of hit.glyphs) subset.includeGlyph(glyph);
    return hit.bytes;
  }
  const bytes = make();
  cache.set(key, { glyphs: [...subset.glyphs], bytes });
  return bytes;
}
