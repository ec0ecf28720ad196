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

function joinsPrevious(char: string, codePoint: number): boolean {
  return JOINING_RANGES.some(([from, to]) => codePoint >= from && codePoint <= to) || MARK.test(char);
}

/** Index of the first font of `chain` that has the code point, or -1. */
function fontIndex(chain: readonly GlyphSource[], codePoint: number): number {
  for (let i = 0; i < chain.length; i++) if (chain[i]!.hasGlyphForCodePoint(codePoint)) return i;
  return -1;
}

/** Controls and separators: layout characters, never drawn, never missing. */
const NOT_DRAWN = /^[\p{Cc}\p{Zl}\p{Zp}]$/u;

/**
 * Splits `text` into spans by the font that draws them. A missing character stays in the span
 * it falls in (the run's own font when it starts the text): its place in the text is kept.
 */
export function splitByFont(text: string, chain: readonly GlyphSource[]): FontSpan[] {
  const spans: FontSpan[] = [];
  let current: FontSpan | undefined;
  for (const char of text) {
    const codePoint = char.codePointAt(0)!;
    let font = current?.font ?? 0;
    if (!(current && joinsPrevious(char, codePoint)) && !NOT_DRAWN.test(char)) {
      const found = fontIndex(chain, codePoint);
      if (found >= 0) font = found;
    }
    if (current && current.font === font) current.text += char;
    else {
      current = { text: char, font };
      spans.push(current);
    }
  }
  return spans;
}

/** The characters of `text` that no font of `chain` has (joining marks and layout characters excepted). */
export function missingGlyphs(text: string, chain: readonly GlyphSource[]): MissingGlyph[] {
  const missing: MissingGlyph[] = [];
  let offset = 0;
  for (const char of text) {
    const codePoint = char.codePointAt(0)!;
    if (!joinsPrevious(char, codePoint) && !NOT_DRAWN.test(char) && !/^\s$/u.test(char) && fontIndex(chain, codePoint) < 0) {
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
