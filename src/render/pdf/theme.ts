/**
 * The PDF theme: page geometry, fonts, sizes, colours and spacing, read from
 * `templates/pdf/theme.json`. Every field is optional in the file (the defaults below apply);
 * a present field of the wrong kind, or an unknown field, is a `PdfThemeError` naming the
 * file and the field.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { FONT_DIR } from './fonts.js';

export interface PdfTheme {
  page: {
    size: 'A4' | 'A5' | 'LETTER' | 'LEGAL';
    margins: { top: number; right: number; bottom: number; left: number };
  };
  /** TrueType file names inside the `dejavu-fonts-ttf` package's `ttf/` folder. */
  fonts: {
    body: string;
    italic: string;
    bold: string;
    boldItalic: string;
    heading: string;
    sans: string;
    sansItalic: string;
    mono: string;
  };
  /** `#rrggbb` colours. */
  colors: {
    text: string;
    muted: string;
    accent: string;
    link: string;
    rule: string;
    quoteRule: string;
    quoteText: string;
    code: string;
    fallback: string;
    /** Background of the key-figures box. */
    figureBackground: string;
  };
  /** Font sizes in points. */
  sizes: {
    body: number;
    title: number;
    meta: number;
    h2: number;
    h3: number;
    h4: number;
    note: number;
    code: number;
    header: number;
    footer: number;
    /** A key figure's value in the key-figures box. */
    figure: number;
    /** Height of the logo (templates/logo.png) at the top right of page 1. */
    logo: number;
  };
  /** Line height as a multiple of the font size (body text, lists, quotes). */
  lineHeight: number;
  /** Distances in points (`keepWithNextLines` is a count of body lines). */
  spacing: {
    paragraph: number;
    listItem: number;
    listIndent: number;
    quoteIndent: number;
    afterTitle: number;
    titleMeta: number;
    titleRuleGap: number;
    beforeH2: number;
    afterH2: number;
    beforeH3: number;
    afterH3: number;
    fallbackIndent: number;
    fallbackNote: number;
    thematicBreak: number;
    keepWithNextLines: number;
    headerOffset: number;
    footerOffset: number;
    /** Inner padding of the key-figures box, and the gap between its rows. */
    figurePadding: number;
    figureRow: number;
    /** Gap between the two columns of the bilingual edition. */
    columnGap: number;
  };
  /** Line widths in points. */
  rules: { title: number; quote: number; fallback: number; thematicBreak: number; header: number };
}

export const DEFAULT_PDF_THEME: PdfTheme = {
  page: { size: 'A4', margins: { top: 70, right: 66, bottom: 70, left: 66 } },
  fonts: {
    body: 'DejaVuSerif.ttf',
    italic: 'DejaVuSerif-Italic.ttf',
    bold: 'DejaVuSerif-Bold.ttf',
    boldItalic: 'DejaVuSerif-BoldItalic.ttf',
    heading: 'DejaVuSans-Bold.ttf',
    sans: 'DejaVuSans.ttf',
    sansItalic: 'DejaVuSans-Oblique.ttf',
    mono: 'DejaVuSansMono.ttf',
  },
  colors: {
    text: '#1f2329',
    muted: '#5f6873',
    accent: '#1c3d6e',
    link: '#1a5aa6',
    rule: '#c8d0da',
    quoteRule: '#9fb0c6',
    quoteText: '#38414c',
    code: '#7a2e2e',
    fallback: '#b86e00',
    figureBackground: '#eef2f8',
  },
  sizes: { body: 10.5, title: 21, meta: 9, h2: 13.5, h3: 11.5, h4: 10.5, note: 8, code: 9, header: 7.5, footer: 8, figure: 14, logo: 30 },
  lineHeight: 1.38,
  spacing: {
    paragraph: 7,
    listItem: 3,
    listIndent: 16,
    quoteIndent: 16,
    afterTitle: 22,
    titleMeta: 6,
    titleRuleGap: 12,
    beforeH2: 18,
    afterH2: 7,
    beforeH3: 12,
    afterH3: 4,
    fallbackIndent: 10,
    fallbackNote: 3,
    thematicBreak: 12,
    keepWithNextLines: 3,
    headerOffset: 34,
    footerOffset: 30,
    figurePadding: 8,
    figureRow: 4,
    columnGap: 22,
  },
  rules: { title: 1.2, quote: 2, fallback: 2.5, thematicBreak: 0.6, header: 0.4 },
};

/** `templates/pdf/theme.json` is invalid; `field` is a dotted path such as `sizes.body`. */
export class PdfThemeError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${file}: ${field ? `"${field}" ` : ''}${message}`, options);
    this.name = 'PdfThemeError';
  }
}

const PAGE_SIZES: readonly string[] = ['A4', 'A5', 'LETTER', 'LEGAL'];
const COLOR = /^#[0-9a-fA-F]{6}$/;
const TTF = /^[A-Za-z0-9][A-Za-z0-9._-]*\.ttf$/;

/** Reads and validates `<templatesDir>/pdf/theme.json`; a missing file means the defaults. */
export function loadPdfTheme(templatesDir: string): PdfTheme {
  const file = path.join(templatesDir, 'pdf', 'theme.json');
  if (!existsSync(file)) return structuredClone(DEFAULT_PDF_THEME);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new PdfThemeError(file, '', `is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  return parsePdfTheme(raw, file);
}

/** Validates a parsed theme object and fills in defaults; `file` is used in messages only. */
export function parsePdfTheme(raw: unknown, file = 'theme.json'): PdfTheme {
  return merge(DEFAULT_PDF_THEME, raw, '', file) as PdfTheme;
}

function merge(defaults: unknown, value: unknown, field: string, file: string): unknown {
  if (typeof defaults === 'object' && defaults !== null) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new PdfThemeError(file, field, 'must be an object');
    }
    const out: Record<string, unknown> = {};
    const given = value as Record<string, unknown>;
    for (const key of Object.keys(given)) {
      if (key === '$comment') continue;
      if (!(key in defaults)) {
        const known = Object.keys(defaults).join(', ');
        throw new PdfThemeError(file, join(field, key), `is not a known field (expected one of: ${known})`);
      }
    }
    for (const [key, def] of Object.entries(defaults)) {
      const sub = join(field, key);
      out[key] = key in given ? merge(def, given[key], sub, file) : structuredClone(def);
    }
    return out;
  }
  return checkLeaf(value, field, file);
}

function checkLeaf(value: unknown, field: string, file: string): unknown {
  if (field === 'page.size') {
    if (typeof value !== 'string' || !PAGE_SIZES.includes(value.toUpperCase())) {
      throw new PdfThemeError(file, field, `must be one of ${PAGE_SIZES.join(', ')}`);
    }
    return value.toUpperCase();
  }
  if (field.startsWith('colors.')) {
    if (typeof value !== 'string' || !COLOR.test(value)) {
      throw new PdfThemeError(file, field, `must be a colour written #rrggbb, got ${JSON.stringify(value)}`);
    }
    return value;
  }
  if (field.startsWith('fonts.')) {
    if (typeof value !== 'string' || !TTF.test(value)) {
      throw new PdfThemeError(file, field, `must be a .ttf file name from dejavu-fonts-ttf, got ${JSON.stringify(value)}`);
    }
    if (!existsSync(path.join(FONT_DIR, value))) {
      throw new PdfThemeError(file, field, `names a font that does not exist: ${path.join(FONT_DIR, value)}`);
    }
    return value;
  }
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new PdfThemeError(file, field, `must be a number ≥ 0, got ${JSON.stringify(value)}`);
  }
  if (field.startsWith('sizes.') || field === 'lineHeight') {
    if (value === 0 || value > (field === 'lineHeight' ? 4 : 96)) {
      throw new PdfThemeError(file, field, `is out of range (got ${value})`);
    }
  }
  return value;
}

function join(field: string, key: string): string {
  return field ? `${field}.${key}` : key;
}
