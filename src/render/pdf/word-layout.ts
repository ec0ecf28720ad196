/**
 * pdfkit's `EmbeddedFont.layout` (a string's glyphs and positions, word by word from the shaped
 * word cache) without its per-word array copies: pdfkit concatenates each word's glyphs onto a new
 * array (`glyphs.concat(run.glyphs)`), so a line of n words copies O(n²) entries, and it tests each
 * character against a fresh `[' ', '\t']`. Same words (each with its trailing space or tab), same
 * glyph and position objects in the same order, same sum: the PDF's bytes do not change.
 */

interface Shaped {
  glyphs: unknown[];
  positions: unknown[];
  advanceWidth: number;
}

/** The part of pdfkit's `EmbeddedFont` used here (untyped in @types/pdfkit). */
export interface LayingOutFont {
  layoutRun(text: string, features: unknown): Shaped;
  layoutCached(text: string): Shaped;
  layout(text: string, features?: unknown, onlyWidth?: boolean): { glyphs: unknown[] | null; positions: unknown[] | null; advanceWidth: number };
}

const SPACE = 0x20;
const TAB = 0x09;

/** Replaces `embedded.layout` with the copy-free equivalent. */
export function layoutWithoutCopies(embedded: LayingOutFont): void {
  embedded.layout = (text: string, features?: unknown, onlyWidth?: boolean) => {
    if (features) return embedded.layoutRun(text, features);
    const glyphs: unknown[] | null = onlyWidth ? null : [];
    const positions: unknown[] | null = onlyWidth ? null : [];
    let advanceWidth = 0;
    const add = (word: string): void => {
      const run = embedded.layoutCached(word);
      if (glyphs && positions) {
        for (const glyph of run.glyphs) glyphs.push(glyph);
        for (const position of run.positions) positions.push(position);
      }
      advanceWidth += run.advanceWidth;
    };
    let last = 0;
    for (let index = 0; index < text.length; index++) {
      const code = text.charCodeAt(index);
      if (code === SPACE || code === TAB) {
        add(text.slice(last, index + 1));
        last = index + 1;
      }
    }
    if (last < text.length) add(text.slice(last));
    return { glyphs, positions, advanceWidth };
  };
}
