/**
 * DejaVu fonts from the `dejavu-fonts-ttf` package, parsed once per process with fontkit.
 * Parsing (and fontkit's glyph caches, which live on the font object) is the most expensive
 * part of a render, so the parsed fonts are kept in a module-level cache and handed to every
 * PDFDocument as ready-made font objects. System fonts are never used.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { create, type Font } from 'fontkit';
import type { PdfTheme } from './theme.js';

import { FONT_DIR } from './font-dir.js';

/** Names under which the theme's fonts are registered on each document. */
export type FontRole = keyof PdfTheme['fonts'];
const FONT_ROLES: readonly FontRole[] = ['body', 'italic', 'bold', 'boldItalic', 'heading', 'sans', 'sansItalic', 'mono'];

const cache = new Map<string, Font>();

/** The parsed font for a file name in FONT_DIR (parsed on first use, then cached). */
function loadFont(fileName: string): Font {
  const file = path.join(FONT_DIR, fileName);
  const hit = cache.get(file);
  if (hit) return hit;
  const parsed = create(readFileSync(file));
  if (!('layout' in parsed)) throw new Error(`${file} is a font collection, not a single TrueType font`);
  cache.set(file, withTextFeatures(parsed));
  return parsed;
}

/**
 * OpenType features for body text: kerning on; ligatures and contextual alternates off, so the
 * PDF's text layer holds exactly the letters of the source ("fi", not "ﬁ") for search, copy and
 * screen readers — and shaping is cheaper on a cold start.
 */
const TEXT_FEATURES = { liga: false, clig: false, calt: false, dlig: false } as const;

function withTextFeatures(font: Font): Font {
  const layout = font.layout.bind(font);
  (font as { layout: unknown }).layout = (text: string, features?: unknown, ...rest: unknown[]) =>
    (layout as (...args: unknown[]) => unknown)(text, features ?? TEXT_FEATURES, ...rest);
  return font;
}

/** Registers every theme font on `doc` under its role name (`doc.font('bold')`, …). */
export function registerFonts(doc: PDFKit.PDFDocument, theme: PdfTheme): void {
  for (const role of FONT_ROLES) {
    // pdfkit ≥ 0.16 accepts a fontkit font object as a source (PDFFontFactory.open checks for
    // `.layout`); its typings only list file/buffer sources, hence the cast.
    doc.registerFont(role, loadFont(theme.fonts[role]) as unknown as Buffer);
  }
}
