/**
 * A glyph's text is the code points its caller asked for, whatever the process drew before.
 * fontkit keeps one glyph object per glyph id on the font and records the code points of the
 * FIRST request only (`getGlyph(id, codePoints)`); pdfkit writes those code points into the PDF's
 * ToUnicode map. Fonts are parsed once per process (fonts.ts), so without this a document's text
 * layer depended on what the process rendered earlier: a subset that took "E" as a component of
 * "É" (`getGlyph(id)`, no code points) left "E" with none, and the next article's "E" vanished from
 * copy, search and screen readers — with a worker per core, differently on each run.
 * Here a request whose code points differ from the cached glyph's gets its own glyph object, built
 * by the same constructor (so its mark and ligature flags follow its code points), kept in a bounded map.
 */
import type { Font } from 'fontkit';

/** Glyph objects kept per font for code points other than the cached glyph's; past this the map starts over. */
const MAX_VARIANTS = 16_384;

/** The part of a fontkit glyph this module reads (the typings do not export the class). */
interface Glyph {
  readonly codePoints: readonly number[];
}
type GetGlyph = (id: number, codePoints?: number[]) => Glyph | null;
type GlyphConstructor = new (id: number, codePoints: number[], font: Font) => Glyph;
/** fontkit's `getGlyph`, absent from its typings. */
type WithGetGlyph = { getGlyph: GetGlyph };

function sameCodePoints(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Makes `font.getGlyph` return a glyph carrying exactly the code points asked for. */
export function exactGlyphCodePoints(font: Font): void {
  const withGetGlyph = font as unknown as WithGetGlyph;
  const cached = withGetGlyph.getGlyph.bind(font);
  const variants = new Map<string, Glyph>();
  withGetGlyph.getGlyph = (id, codePoints = []) => {
    const glyph = cached(id, codePoints);
    if (!glyph || sameCodePoints(glyph.codePoints, codePoints)) return glyph;
    const key = `${id}:${codePoints.join(',')}`;
    let variant = variants.get(key);
    if (!variant) {
      if (variants.size >= MAX_VARIANTS) variants.clear();
      variant = new (glyph.constructor as GlyphConstructor)(id, [...codePoints], font);
      variants.set(key, variant);
    }
    return variant;
  };
}
