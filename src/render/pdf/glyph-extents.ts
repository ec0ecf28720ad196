/**
 * Where the ink of a line of text lies, from the font's outlines rather than its line box: a
 * mark drawn beside a title (the fallback bar) keeps clear of the first letter's real left edge
 * and stops at the last line's real bottom, whatever the font, size or letters.
 */
import type { Font } from 'fontkit';

export interface InkExtents {
  /** Left side bearing of the first letter: its ink starts this far right of the text's x. */
  left: number;
  /** Baseline of the first line below the line's top (pdfkit sets a line from its top). */
  baseline: number;
  /** Lowest ink below the baseline (descenders), ≥ 0. */
  descent: number;
}

/** The ink extents of `text` set in `font` at `size` points (characters the font lacks are skipped). */
export function inkExtents(font: Font, text: string, size: number): InkExtents {
  const scale = size / font.unitsPerEm;
  let left = 0;
  let first = true;
  let bottom = 0;
  for (const char of text) {
    const glyph = font.glyphForCodePoint(char.codePointAt(0)!);
    if (glyph.id === 0 || /\s/u.test(char)) continue;
    // The control box (the glyf header's extents): `bbox` would decode a composite's components
    // (é = e + ´) into fontkit's glyph cache without their characters, and the text layer would lose them.
    const box = glyph.cbox;
    if (first) left = box.minX * scale;
    first = false;
    bottom = Math.min(bottom, box.minY * scale);
  }
  return { left, baseline: font.ascent * scale, descent: -bottom };
}
