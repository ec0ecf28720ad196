/**
 * Each string's width measured once per process. pdfkit's line wrapper measures every word of a
 * text through `EmbeddedFont.widthOfString`, which splits the string at spaces and sums the
 * shaped runs of its words (shaping-cache.ts) — for every wrap: a paragraph is wrapped to measure
 * its height, replayed by line-glue.ts and hyphenation.ts, then written, and a warm render wraps
 * the same words again. The width of a string in 1000-per-em units depends only on the parsed font
 * and the string (the runs are shared per parsed font), so it is kept per parsed font, and pdfkit's
 * own formula scales it to the size: the same number as without the memo, to the last bit.
 */

/** The part of pdfkit's `EmbeddedFont` used here (untyped in @types/pdfkit). */
export interface MeasuringFont {
  /** The parsed fontkit font (shared by every document, fonts.ts). */
  readonly font: object;
  layout(text: string, features: unknown, onlyWidth: true): { advanceWidth: number };
  widthOfString(text: string, size: number, features?: unknown): number;
}

/** Strings longer than this are measured every time: words are shorter, and it bounds the memory. */
export const MAX_MEMO_LENGTH = 64;

/** Per parsed font: string → width in 1000-per-em units; insertion order is age. */
const widthsByFont = new WeakMap<object, Map<string, number>>();

/** Makes `embedded.widthOfString` look widths up first; at most `capacity` strings per parsed font. */
export function memoiseWidths(embedded: MeasuringFont, capacity: number): void {
  let widths = widthsByFont.get(embedded.font);
  if (!widths) {
    widths = new Map();
    widthsByFont.set(embedded.font, widths);
  }
  const known = widths;
  const measure = embedded.widthOfString.bind(embedded);
  embedded.widthOfString = (text: string, size: number, features?: unknown): number => {
    // Explicit OpenType features are shaped afresh by pdfkit (no cache there either).
    if (features || text.length > MAX_MEMO_LENGTH) return measure(text, size, features);
    let width = known.get(text);
    if (width === undefined) {
      width = embedded.layout(text, undefined, true).advanceWidth;
      if (known.size >= capacity) known.delete(known.keys().next().value!);
      known.set(text, width);
    }
    // pdfkit's own arithmetic (EmbeddedFont.widthOfString), so the result is bit-identical.
    const scale = size / 1000;
    return width * scale;
  };
}

/** How many widths the process keeps for `font` (a parsed fontkit font), for tests. */
export function memoisedWidthCount(font: object): number {
  return widthsByFont.get(font)?.size ?? 0;
}
