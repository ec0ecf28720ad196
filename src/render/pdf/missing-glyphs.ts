/**
 * The `briefing:missing-glyph` warnings of one edition: characters no font of the PDF can draw
 * (see glyph-coverage.ts), each placed at the line of the article or locale file that holds it.
 */
import { ruleDiagnostic, type Diagnostic } from '../../core/errors.js';
import type { Place } from '../../core/types.js';
import { fallbackFonts, themeFont } from './fonts.js';
import { codePointLabel, missingGlyphs } from './glyph-coverage.js';
import type { PdfTheme } from './theme.js';

/** One translation unit as the PDF will show it, and where its text comes from. */
export interface GlyphUnit {
  key: string;
  text: string;
  /** The file holding the text (the article, or the locale file of a translation). */
  file: string;
  /** Where the text starts in that file. */
  place: Place;
}

/** One warning per character and unit that neither the theme's body font nor a fallback has. */
export function missingGlyphDiagnostics(units: readonly GlyphUnit[], theme: PdfTheme): Diagnostic[] {
  const chain = [themeFont(theme, 'body'), ...fallbackFonts(theme)];
  const out: Diagnostic[] = [];
  for (const unit of units) {
    const seen = new Set<number>();
    for (const glyph of missingGlyphs(unit.text, chain)) {
      if (seen.has(glyph.codePoint)) continue;
      seen.add(glyph.codePoint);
      const params = { char: glyph.char, codePoint: codePointLabel(glyph.codePoint), key: unit.key };
      out.push(ruleDiagnostic('briefing:missing-glyph', unit.file, params, placeAt(unit, glyph.offset)));
    }
  }
  return out;
}

/** The place of `offset` in a unit's text, counting its line breaks from where the unit starts. */
function placeAt(unit: GlyphUnit, offset: number): Place {
  const before = unit.text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n');
  const lines = before.split('\n').length - 1;
  return lines === 0 ? { line: unit.place.line, column: unit.place.column + offset } : { line: unit.place.line + lines, column: offset - lineStart };
}
