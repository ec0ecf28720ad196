/**
 * DejaVu fonts from the `dejavu-fonts-ttf` package (and Noto Emoji for what DejaVu lacks),
 * parsed once per process with fontkit.
 * Parsing (and fontkit's glyph caches, which live on the font object) is the most expensive
 * part of a render, so the parsed fonts are kept in a module-level cache and handed to every
 * PDFDocument as ready-made font objects. System fonts are never used.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { create, type Font } from 'fontkit';
import type { PdfTheme } from './theme.js';
import { deferGlyphNames } from './post-table.js';
import { exactGlyphCodePoints } from './glyph-code-points.js';
import { stripHinting } from './strip-hinting.js';
import { cachedEncode } from './font-programs.js';

import { EMOJI_FONT_FILE, FONT_DIR } from './font-dir.js';

/** Names under which the theme's fonts are registered on each document. */
export type FontRole = keyof PdfTheme['fonts'];
const FONT_ROLES: readonly FontRole[] = ['body', 'italic', 'bold', 'boldItalic', 'heading', 'sans', 'sansItalic', 'mono'];

/**
 * Where a character the run's font lacks is looked for, in order: DejaVu Sans (the theme's `sans`,
 * richer in symbols than the serif: ★ ✓ ♻) and then Noto Emoji. Registered under these names.
 */
export const FALLBACK_ROLES = ['sans', 'emoji'] as const;
export type FallbackRole = (typeof FALLBACK_ROLES)[number];

/** Name of the emoji fallback font on each document. pdfkit embeds a registered font only once text uses it. */
const EMOJI_ROLE = 'emoji';

const cache = new Map<string, Font>();
/** The OpenType features each parsed font shapes with by default (part of the shaping store's key). */
const shapingFeatures = new WeakMap<object, string>();

/** The default features `font` (a font parsed here) shapes with, as a stable string; undefined for other fonts. */
export function defaultFeatures(font: object): string | undefined {
  return shapingFeatures.get(font);
}

/** The parsed font for a file name in FONT_DIR (parsed on first use, then cached). */
function loadFont(fileName: string): Font {
  return loadFile(path.join(FONT_DIR, fileName), withTextFeatures);
}

/**
 * Noto Emoji keeps its own default features: its emoji sequences (👍🏽, flags, ZWJ families) are
 * ligatures, and fontkit gives a ligature glyph all the characters it stands for, so the text
 * layer still holds the whole sequence.
 */
function emojiFont(): Font {
  return loadFile(EMOJI_FONT_FILE, (font) => {
    shapingFeatures.set(font, 'font defaults');
    return font;
  });
}

function loadFile(file: string, prepare: (font: Font) => Font): Font {
  const hit = cache.get(file);
  if (hit) return hit;
  const parsed = create(readFileSync(file));
  if (!('layout' in parsed)) throw new Error(`${file} is a font collection, not a single TrueType font`);
  deferGlyphNames(parsed);
  exactGlyphCodePoints(parsed);
  embedUnhinted(parsed);
  const font = prepare(parsed);
  cache.set(file, font);
  return font;
}

type Subset = Parameters<typeof cachedEncode>[1];

/**
 * pdfkit embeds `font.createSubset().encode()`; the subsets this font hands out drop their
 * TrueType hinting on the way (strip-hinting.ts says why), and are made once per glyph sequence
 * (font-programs.ts).
 */
function embedUnhinted(font: Font): void {
  const subsets = font as unknown as { createSubset(): Subset };
  const createSubset = subsets.createSubset.bind(font);
  subsets.createSubset = () => {
    const subset = createSubset();
    const encode = subset.encode.bind(subset);
    subset.encode = () => cachedEncode(font, subset, () => stripHinting(encode()));
    return subset;
  };
}

/** The fonts of the fallback chain after a run's own font, in order (for glyph coverage). */
export function fallbackFonts(theme: PdfTheme): Font[] {
  return [loadFont(theme.fonts.sans), emojiFont()];
}

/** The parsed font of a theme role (to ask which characters it has). */
export function themeFont(theme: PdfTheme, role: FontRole): Font {
  return loadFont(theme.fonts[role]);
}

/**
 * OpenType features for body text: kerning on; ligatures and contextual alternates off, so the
 * PDF's text layer holds exactly the letters of the source ("fi", not "ﬁ") for search, copy and
 * screen readers — and shaping is cheaper on a cold start.
 */
const TEXT_FEATURES = { liga: false, clig: false, calt: false, dlig: false } as const;

function withTextFeatures(font: Font): Font {
  shapingFeatures.set(font, JSON.stringify(TEXT_FEATURES));
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
  doc.registerFont(EMOJI_ROLE, emojiFont() as unknown as Buffer);
}
