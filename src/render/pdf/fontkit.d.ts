/**
 * Minimal typings for the parts of `fontkit` (no bundled types) the PDF renderer uses.
 * pdfkit accepts any object with a `layout` method as a font source.
 */
declare module 'fontkit' {
  export interface Font {
    readonly postscriptName: string;
    readonly unitsPerEm: number;
    /** hhea ascent, in font units: where pdfkit puts a line's baseline below its top. */
    readonly ascent: number;
    glyphForCodePoint(codePoint: number): Glyph;
    layout(text: string, features?: unknown): unknown;
    hasGlyphForCodePoint(codePoint: number): boolean;
  }
  export interface Glyph {
    readonly id: number;
    /** The outline's extents as the glyph's header declares them, in font units (y up from the baseline). */
    readonly cbox: { minX: number; minY: number; maxX: number; maxY: number };
  }
  export interface FontCollection {
    readonly fonts: Font[];
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font | FontCollection;
}
