/**
 * Minimal typings for the parts of `fontkit` (no bundled types) the PDF renderer uses.
 * pdfkit accepts any object with a `layout` method as a font source.
 */
declare module 'fontkit' {
  export interface Font {
    readonly postscriptName: string;
    readonly unitsPerEm: number;
    layout(text: string, features?: unknown): unknown;
    hasGlyphForCodePoint(codePoint: number): boolean;
  }
  export interface FontCollection {
    readonly fonts: Font[];
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font | FontCollection;
}
