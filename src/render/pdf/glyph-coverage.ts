/**
 * Which font draws each character: the run's own font first, then the fallback chain (DejaVu
 * Sans, which has many symbols the serif lacks, then Noto Emoji). A character no font of the
 * chain has is "missing": it would print as an empty box and vanish from the text layer.
 * One pass over the code points, so linear in the text.
 */

/** What coverage needs of a font: fontkit's cmap look-up. */
export interface GlyphSource {
  hasGlyphForCodePoint(codePoint: number): boolean;
}

/** A stretch of text drawn with one font of the chain (`font` is its index; 0 is the run's own). */
export interface FontSpan {
  text: string;
  font: number;
}

/** A character no font of the chain can draw, at its UTF-16 offset in the text. */
export interface MissingGlyph {
  char: string;
  codePoint: number;
  offset: number;
}

/**
 * Characters that belong to the one before them and never start a span of their own: combining
 * marks, variation selectors (U+FE0F asks for emoji presentation), the zero-width joiner of emoji
 * sequences, skin-tone modifiers and tag characters (subdivision flags). Drawn with the font of
 * the character they modify so sequences stay whole (and shape as one glyph where the font can).
 */
const JOINING_RANGES: readonly (readonly [number, number])[] = [
  [0x200d, 0x200d],
  [0xfe00, 0xfe0f],
  [0x1f3fb, 0x1f3ff],
  [0xe0020, 0xe007f],
  [0xe0100, 0xe01ef],
];
const MARK = /^\p{M}$/u;

/** Below U+0300 no character is a mark or in JOINING_RANGES: the common case, decided at once. */
const FIRST_JOINING = 0x300;

function joinsPrevious(codePoint: number): boolean {
  if (codePoint < FIRST_JOINING) return false;
  return JOINING_RANGES.some(([from, to]) => codePoint >= from && codePoint <= to) || MARK.test(String.fromCodePoint(codePoint));
}

/**
 * fontkit's cmap answers per font, kept for the Basic Multilingual Plane (0: not asked yet, 1: has
 * it, 2: lacks it): every character of every run is looked up along the chain, and a parsed font
 * never changes. 64 KiB per font at most; other planes are asked each time.
 */
const BMP = 0x10000;
const coverage = new WeakMap<GlyphSource, Uint8Array>();

function hasGlyph(font: GlyphSource, codePoint: number): boolean {
  if (codePoint >= BMP) return font.hasGlyphForCodePoint(codePoint);
  let known = coverage.get(font);
  if (!known) {
    known = new Uint8Array(BMP);
    coverage.set(font, known);
  }
  if (known[codePoint] === 0) known[codePoint] = font.hasGlyphForCodePoint(codePoint) ? 1 : 2;
  return known[codePoint] === 1;
}

/** Index of the first font of `chain` that has the code point, or -1. */
function fontIndex(chain: readonly GlyphSource[], codePoint: number): number {
  for (let i = 0; i < chain.length; i++) if (hasGlyph(chain[i]!, codePoint)) return i;
  return -1;
}

/**
 * Controls and separators (`[\p{Cc}\p{Zl}\p{Zp}]`, spelt out as code points): layout characters,
 * never drawn, never missing.
 */
function notDrawn(codePoint: number): boolean {
  return codePoint < 0x20 || (codePoint >= 0x7f && codePoint <= 0x9f) || codePoint === 0x2028 || codePoint === 0x2029;
}

/**
 * Splits `text` into spans by the font that draws them. A missing character stays in the span
 * it falls in (the run's own font when it starts the text): its place in the text is kept.
 */
export function splitByFont(text: string, chain: readonly GlyphSource[]): FontSpan[] {
  const spans: FontSpan[] = [];
  // The open span: its font and where it starts in `text` (cut out when the font changes).
  let font = -1;
  let start = 0;
  for (let offset = 0; offset < text.length; ) {
    const codePoint = text.codePointAt(offset)!;
    const length = codePoint >= BMP ? 2 : 1;
    let next = Math.max(0, font);
    if (!(font >= 0 && joinsPrevious(codePoint)) && !notDrawn(codePoint)) {
      const found = fontIndex(chain, codePoint);
      if (found >= 0) next = found;
    }
    if (next !== font) {
      if (font >= 0) spans.push({ text: text.slice(start, offset), font });
      font = next;
      start = offset;
    }
    offset += length;
  }
  if (font >= 0) spans.push({ text: text.slice(start), font });
  return spans;
}

/** The characters of `text` that no font of `chain` has (joining marks and layout characters excepted). */
export function missingGlyphs(text: string, chain: readonly GlyphSource[]): MissingGlyph[] {
  const missing: MissingGlyph[] = [];
  let offset = 0;
  for (const char of text) {
    const codePoint = char.codePointAt(0)!;
    if (!joinsPrevious(codePoint) && !notDrawn(codePoint) && !/^\s$/u.test(char) && fontIndex(chain, codePoint) < 0) {
      missing.push({ char, codePoint, offset });
    }
    offset += char.length;
  }
  return missing;
}

/** `U+1F680`: a code point as the Unicode standard writes it. */
export function codePointLabel(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}
