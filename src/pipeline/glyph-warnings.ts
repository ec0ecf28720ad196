/**
 * Characters the PDF of an edition cannot draw, reported where they are written: the French
 * article for source units and French fallbacks, the locale file for translated units.
 */
import type { Diagnostic } from '../core/errors.js';
import type { Article, Briefing } from '../core/types.js';
import { segmentsOf } from '../i18n/extract.js';
import type { LocaleFile } from '../i18n/locale-file.js';
import { loadPdfTheme } from '../render/pdf/index.js';
import { missingGlyphDiagnostics, type GlyphUnit } from '../render/pdf/missing-glyphs.js';

/** `briefing:missing-glyph` warnings for the PDF of `briefing` (translated units placed in `translation`). */
export function glyphWarnings(article: Article, briefing: Briefing, templatesDir: string, translation?: LocaleFile): Diagnostic[] {
  const shownInFrench = new Set(briefing.fallbacks);
  const translated = new Map((translation?.entries ?? []).map((entry) => [entry.key, entry]));
  const units: GlyphUnit[] = segmentsOf(article).map((segment) => {
    const entry = briefing.lang === 'fr' || shownInFrench.has(segment.key) ? undefined : translated.get(segment.key);
    return entry && translation
      ? // The value's place is its opening quote.
        { key: segment.key, text: entry.value, file: translation.file, place: { line: entry.place.line, column: entry.place.column + 1 } }
      : { key: segment.key, text: segment.markdown, file: article.path, place: segment.place };
  });
  return missingGlyphDiagnostics(units, loadPdfTheme(templatesDir));
}
