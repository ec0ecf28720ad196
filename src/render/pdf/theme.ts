/**
 * The PDF theme: page geometry, fonts, sizes, colours and spacing, read from
 * `templates/pdf/theme.json`. Every field is optional in the file (the defaults below apply);
 * a present field of the wrong kind, or an unknown field, is a `PdfThemeError` naming the
 * file, the field, and its line and column.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { evaluate, parse as parseJson, type ValueNode } from '@humanwhocodes/momoa';
import { FileProblem } from '../../core/errors.js';
import { DEFAULTS } from '../../core/defaults.js';
import { limits } from '../../core/limits.js';
import type { RuleParams } from '../../core/rules.js';
import type { Place } from '../../core/types.js';
import { readOptionalInputSync } from '../../project/read-file.js';
import { FONT_DIR } from './font-dir.js';

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
    /** Background of code blocks and formulas. */
    codeBackground: string;
    /** A callout's rule, label and (lightly) tint, by type (render/pdf/callout.ts). */
    calloutNote: string;
    calloutTip: string;
    calloutWarning: string;
    calloutImportant: string;
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
    /** A footnote call's number, raised, next to body text (scaled with the text it is in). */
    noteCall: number;
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
    /** Inner padding of a code block's or formula's box. */
    codePadding: number;
    /** Gap between the two columns of the bilingual edition. */
    columnGap: number;
  };
  /** Line widths in points. */
  rules: { title: number; quote: number; fallback: number; thematicBreak: number; header: number };
  /** The key figures box, in every format: `max`, the most cards an article may declare (more is an error). */
  keyFigures: { max: number };
  /**
   * Soft hyphens in the long common words of body paragraphs and list items (./hyphenation.ts):
   * in the bilingual edition's narrow columns, in the single-language editions, and the shortest
   * word (in letters) that may be hyphenated, and the most lines in a row that may end hyphenated.
   */
  hyphenation: { bilingual: boolean; single: boolean; minWordLength: number; maxConsecutive: number };
}

const DEFAULT_PDF_THEME: PdfTheme = {
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
    codeBackground: '#f3f4f6',
    calloutNote: '#1a5aa6',
    calloutTip: '#2e7d32',
    calloutWarning: '#b86e00',
    calloutImportant: '#8e24aa',
  },
  sizes: { body: 10.5, title: 21, meta: 9, h2: 13.5, h3: 11.5, h4: 10.5, note: 8, code: 9, header: 7.5, footer: 8, figure: 14, logo: 30, noteCall: 7 },
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
    codePadding: 6,
    figureRow: 4,
    columnGap: 22,
  },
  rules: { title: 1.2, quote: 2, fallback: 2.5, thematicBreak: 0.6, header: 0.4 },
  keyFigures: { max: DEFAULTS.keyFigureCards },
  hyphenation: { bilingual: true, single: false, minWordLength: 7, maxConsecutive: 2 },
};

/**
 * `templates/pdf/theme.json` is invalid; `field` is a dotted path such as `sizes.body` (empty for
 * the whole file), `place` where it is in the file (its value, or its name when the field is
 * unknown), when the theme was read from a file.
 */
export class PdfThemeError extends FileProblem<'briefing:invalid-theme'> {
  override name = 'PdfThemeError';
  constructor(
    file: string,
    readonly field: string,
    params: RuleParams<'briefing:invalid-theme'>,
    place?: Place,
    options?: { cause?: unknown },
  ) {
    super('briefing:invalid-theme', file, params, place, options);
  }
}

const PAGE_SIZES: readonly string[] = ['A4', 'A5', 'LETTER', 'LEGAL'];
const COLOR = /^#[0-9a-fA-F]{6}$/;
const TTF = /^[A-Za-z0-9][A-Za-z0-9._-]*\.ttf$/;

/** Where each field of a theme file is: `value` for its value, `name` for its key. */
type FieldPlaces = ReadonlyMap<string, { name: Place; value: Place }>;

/**
 * Reads and validates `<templatesDir>/pdf/theme.json`; a missing file means the defaults. Read
 * with momoa, as locale files are, so a bad value is reported at its own line and column.
 */
/** The most cards a theme may allow: beyond, the box would fill the first page. */
const MAX_KEY_FIGURE_CARDS = 12;

/**
 * The theme's cap on key figure cards, for the parser to check declarations against; the default
 * when the theme cannot be read (the build reports that error itself, placed in theme.json).
 */
export function keyFigureCap(templatesDir: string): number {
  try {
    return loadPdfTheme(templatesDir).keyFigures.max;
  } catch {
    return DEFAULTS.keyFigureCards;
  }
}

export function loadPdfTheme(templatesDir: string): PdfTheme {
  const file = path.join(templatesDir, 'pdf', 'theme.json');
  // Only the project's own regular file is read (project/read-file.ts); absent means the defaults.
  const bytes = readOptionalInputSync(file);
  if (bytes === undefined) return structuredClone(DEFAULT_PDF_THEME);
  const text = bytes.toString('utf8');
  // Read at every render (so an edit shows at once), parsed and checked again only when its text
  // or the limits it is checked against changed: ~1 ms of a warm PDF. A copy is handed out, as for
  // the defaults.
  const { pdfColumnPoints, pdfTextHeightPoints } = limits();
  const checkedAgainst = `${pdfColumnPoints}:${pdfTextHeightPoints}`;
  const known = parsedThemes.get(file);
  if (known?.text === text && known.checkedAgainst === checkedAgainst) return structuredClone(known.theme);
  const theme = parseTheme(file, text);
  if (parsedThemes.size >= PARSED_THEMES) parsedThemes.clear();
  parsedThemes.set(file, { text, checkedAgainst, theme: structuredClone(theme) });
  return theme;
}

/** Valid themes kept by file, with the text and limits they were checked with (one per templates folder in use). */
const parsedThemes = new Map<string, { text: string; checkedAgainst: string; theme: PdfTheme }>();
const PARSED_THEMES = 8;

function parseTheme(file: string, text: string): PdfTheme {
  let root: ValueNode;
  try {
    root = parseJson(text.replace(/^\uFEFF/, ''), { mode: 'json' }).body;
  } catch (error) {
    const e = error as { line?: number; column?: number; message?: string };
    const syntax = (e.message ?? 'unreadable').replace(/(?<!\s)\s*\(\d+:\d+\)\s*$/, '');
    throw new PdfThemeError(file, '', { syntax }, { line: e.line ?? 1, column: e.column ?? 1 }, { cause: error });
  }
  const places = new Map<string, { name: Place; value: Place }>();
  collectPlaces(root, '', places);
  const theme = merge(DEFAULT_PDF_THEME, evaluate(root), '', { file, places }) as PdfTheme;
  checkGeometry(theme, { file, places });
  return theme;
}

/** Page sizes in points, as pdfkit sets them (width × height, portrait). */
const PAGE_POINTS: Record<PdfTheme['page']['size'], { width: number; height: number }> = {
  A4: { width: 595.28, height: 841.89 },
  A5: { width: 419.53, height: 595.28 },
  LETTER: { width: 612, height: 792 },
  LEGAL: { width: 612, height: 1008 },
};

/**
 * Margins, gaps and sizes must leave a usable page: each column of the bilingual edition at
 * least `pdfColumnPoints` wide, a text area at least `pdfTextHeightPoints` high that holds a few
 * lines of the largest type. Otherwise pdfkit lays out anyway (text off the page, one word per
 * page, a garbage PDF, exit 0). The error is placed at the value that takes the most room.
 */
function checkGeometry(theme: PdfTheme, source: Source): void {
  const { pdfColumnPoints, pdfTextHeightPoints } = limits();
  const page = PAGE_POINTS[theme.page.size];
  const { margins } = theme.page;
  const largest = (fields: string[], value: (field: string) => number) =>
    fields.filter((field) => source.places.has(field)).sort((a, b) => value(b) - value(a))[0] ?? fields[0]!;
  const get = (field: string) => field.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], theme) as number;
  const column = (page.width - margins.left - margins.right - theme.spacing.columnGap) / 2;
  if (column < pdfColumnPoints) {
    const field = largest(['page.margins.left', 'page.margins.right', 'spacing.columnGap'], get);
    throw invalid(source, field, {
      field,
      problem: `leaves columns ${Math.round(column)} points wide on a ${theme.page.size} page (${Math.round(page.width)} points wide, less both margins and the gap between the bilingual columns); they need at least ${pdfColumnPoints}`,
      got: get(field),
    });
  }
  const height = page.height - margins.top - margins.bottom;
  const tallest = Math.max(...Object.values(theme.sizes)) * theme.lineHeight;
  if (height < Math.max(pdfTextHeightPoints, 3 * tallest)) {
    const field =
      height < pdfTextHeightPoints
        ? largest(['page.margins.top', 'page.margins.bottom'], get)
        : largest(
            Object.keys(theme.sizes).map((k) => `sizes.${k}`),
            get,
          );
    throw invalid(source, field, {
      field,
      problem: `leaves a text area ${Math.round(height)} points high on a ${theme.page.size} page; it needs at least ${pdfTextHeightPoints} points, and three lines of the largest size (${Math.round(3 * tallest)})`,
      got: get(field),
    });
  }
}

function collectPlaces(node: ValueNode, field: string, places: Map<string, { name: Place; value: Place }>): void {
  if (node.type !== 'Object') return;
  for (const member of node.members) {
    const key = member.name.type === 'String' ? member.name.value : member.name.name;
    const sub = join(field, key);
    places.set(sub, { name: at(member.name), value: at(member.value) });
    collectPlaces(member.value, sub, places);
  }
}

const at = (node: { loc: { start: { line: number; column: number } } }): Place => ({ line: node.loc.start.line, column: node.loc.start.column });

interface Source {
  file: string;
  places: FieldPlaces;
}

/** The error for `field`, placed at its value (or at its name, for an unknown field). */
function invalid(source: Source, field: string, params: RuleParams<'briefing:invalid-theme'>, where: 'name' | 'value' = 'value'): PdfThemeError {
  return new PdfThemeError(source.file, field, params, source.places.get(field)?.[where]);
}

function merge(defaults: unknown, value: unknown, field: string, source: Source): unknown {
  if (typeof defaults === 'object' && defaults !== null) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw invalid(source, field, { field, problem: 'must be an object' });
    }
    const out: Record<string, unknown> = {};
    const given = value as Record<string, unknown>;
    for (const key of Object.keys(given)) {
      if (key === '$comment') continue;
      if (!(key in defaults)) {
        const known = Object.keys(defaults).join(', ');
        throw invalid(source, join(field, key), { field: join(field, key), problem: `is not a known field (expected one of: ${known})` }, 'name');
      }
    }
    for (const [key, def] of Object.entries(defaults)) {
      const sub = join(field, key);
      out[key] = key in given ? merge(def, given[key], sub, source) : structuredClone(def);
    }
    return out;
  }
  return checkLeaf(value, field, source);
}

function checkLeaf(value: unknown, field: string, source: Source): unknown {
  const fail = (problem: string, got?: unknown) => invalid(source, field, { field, problem, ...(got === undefined ? {} : { got }) });
  if (field === 'page.size') {
    if (typeof value !== 'string' || !PAGE_SIZES.includes(value.toUpperCase())) throw fail(`must be one of ${PAGE_SIZES.join(', ')}`, value);
    return value.toUpperCase();
  }
  if (field.startsWith('colors.')) {
    if (typeof value !== 'string' || !COLOR.test(value)) throw fail('must be a colour written #rrggbb', value);
    return value;
  }
  if (field.startsWith('fonts.')) {
    if (typeof value !== 'string' || !TTF.test(value)) throw fail('must be a .ttf file name from dejavu-fonts-ttf', value);
    if (!existsSync(path.join(FONT_DIR, value))) throw fail(`names a font that does not exist in ${FONT_DIR}`, value);
    return value;
  }
  if (field === 'hyphenation.bilingual' || field === 'hyphenation.single') {
    if (typeof value !== 'boolean') throw fail('must be true or false', value);
    return value;
  }
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw fail('must be a number ≥ 0', value);
  if (field === 'hyphenation.minWordLength' && (!Number.isInteger(value) || value < 5 || value > 30)) {
    // Below 5 letters, the 2 + 3 letters kept around a break leave nothing to hyphenate.
    throw fail('must be a whole number from 5 to 30', value);
  }
  if (field === 'hyphenation.maxConsecutive' && (!Number.isInteger(value) || value < 1 || value > 10)) {
    // The typographic rule is at most 2 or 3 hyphenated line ends in a row.
    throw fail('must be a whole number from 1 to 10', value);
  }
  if (field === 'keyFigures.max' && (!Number.isInteger(value) || value > MAX_KEY_FIGURE_CARDS)) {
    throw fail(`must be a whole number from 0 to ${MAX_KEY_FIGURE_CARDS}`, value);
  }
  if (field.startsWith('sizes.') || field === 'lineHeight') {
    if (value === 0 || value > (field === 'lineHeight' ? 4 : 96)) throw fail(`must be more than 0 and at most ${field === 'lineHeight' ? 4 : 96}`, value);
  }
  return value;
}

function join(field: string, key: string): string {
  return field ? `${field}.${key}` : key;
}
