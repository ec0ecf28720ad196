/**
 * Superscript and subscript runs in the PDF: the same font at {@link DEFAULTS.supersub}`.scale` of
 * the text's size, its baseline raised or lowered from the line's, the characters kept in the text
 * layer. The line keeps its height: the smaller font gets the line gap of the text's size.
 */
import { DEFAULTS } from '../../core/defaults.js';
import type { FontRole } from './fonts.js';
import { useFont, type LayoutContext } from './layout.js';

/** pdfkit's current font metrics (not in its type declarations): ascender in 1/1000 em. */
interface FontMetrics {
  _font: { ascender: number };
}

/**
 * Selects the smaller font for a `sup` / `sub` run; returns its line gap and the `baseline`
 * text option that puts it in place (pdfkit draws from the top of the line: `-baseline` is the
 * distance from there to the run's baseline).
 */
export function scriptShift(
  ctx: LayoutContext,
  role: FontRole,
  script: 'sup' | 'sub',
  layout: { size: number; lineHeight?: number },
): { lineGap: number; baseline: number } {
  const { scale, rise, drop } = DEFAULTS.supersub;
  const size = layout.size;
  const small = size * scale;
  const lineHeight = layout.lineHeight ?? ctx.theme.lineHeight;
  const lineGap = useFont(ctx, role, small, (lineHeight * size) / small);
  const ascender = ((ctx.doc as unknown as FontMetrics)._font.ascender / 1000) * size;
  const baseline = script === 'sup' ? ascender - rise * size : ascender + drop * size;
  return { lineGap, baseline: -baseline };
}
